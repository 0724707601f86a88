// passes/automata/language.cpp: the public Language API over the internal Nfa (see nfa.h).
//
// Language is a shared pointer to an immutable, trimmed Nfa. Every operation builds a new Nfa and
// never touches its operands, so Languages may be shared freely between threads.
#include "automata/language.h"

#include "automata/nfa.h"

namespace iotlint::automata {

struct Language::Impl {
  detail::Nfa nfa;
};

namespace {

std::vector<Symbol> bytesOf(std::string_view text) {
  std::vector<Symbol> word;
  word.reserve(text.size());
  for (char c : text) word.push_back(static_cast<unsigned char>(c));
  return word;
}

}  // namespace

Glob globFromText(std::string_view text) {
  Glob glob;
  glob.reserve(text.size());
  for (char c : text) {
    GlobAtom atom;
    if (c == '*') {
      atom.kind = GlobAtom::Kind::kAnySequence;
    } else if (c == '?') {
      atom.kind = GlobAtom::Kind::kAnyOne;
    } else {
      atom.symbol = static_cast<unsigned char>(c);
    }
    glob.push_back(atom);
  }
  return glob;
}

Language::Language(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

#define IOTLINT_WRAP(expr) Language(std::make_shared<const Impl>(Impl{expr}))

Language Language::none() {
  static const Language kNone = IOTLINT_WRAP(detail::nfaNone());
  return kNone;
}

Language Language::everything() {
  static const Language kEverything = IOTLINT_WRAP(detail::nfaEverything());
  return kEverything;
}

Language Language::exactly(std::span<const Symbol> word) { return IOTLINT_WRAP(detail::nfaWord(word)); }

Language Language::exactlyText(std::string_view text) { return exactly(bytesOf(text)); }

Language Language::anyOf(std::span<const Symbol> symbols) {
  return IOTLINT_WRAP(detail::nfaAnyOf(symbols));
}

Language Language::fromGlob(const Glob& glob, const GlobSemantics& semantics) {
  return IOTLINT_WRAP(detail::nfaGlob(glob, semantics));
}

Language Language::unionOf(std::span<const Language> parts) {
  std::vector<const detail::Nfa*> nfas;
  nfas.reserve(parts.size());
  for (const Language& part : parts) nfas.push_back(&part.impl_->nfa);
  return IOTLINT_WRAP(detail::nfaUnion(nfas));
}

Language Language::unite(const Language& other) const {
  const detail::Nfa* nfas[] = {&impl_->nfa, &other.impl_->nfa};
  return IOTLINT_WRAP(detail::nfaUnion(nfas));
}

Language Language::intersect(const Language& other) const {
  return IOTLINT_WRAP(detail::nfaIntersect(impl_->nfa, other.impl_->nfa));
}

Language Language::minus(const Language& other) const {
  return IOTLINT_WRAP(detail::nfaMinus(impl_->nfa, other.impl_->nfa));
}

Language Language::complement() const { return IOTLINT_WRAP(detail::nfaComplement(impl_->nfa)); }

Language Language::concat(const Language& other) const {
  return IOTLINT_WRAP(detail::nfaConcat(impl_->nfa, other.impl_->nfa));
}

Language Language::plus() const { return IOTLINT_WRAP(detail::nfaPlus(impl_->nfa)); }

Language Language::topicsMatchedByFilters() const {
  return IOTLINT_WRAP(detail::nfaTopicsMatchedByFilters(impl_->nfa));
}

#undef IOTLINT_WRAP

bool Language::isEmpty() const { return detail::isEmptyNfa(impl_->nfa); }

bool Language::isSubsetOf(const Language& other) const {
  return detail::nfaIsSubset(impl_->nfa, other.impl_->nfa);
}

bool Language::contains(std::span<const Symbol> word) const {
  return detail::nfaContains(impl_->nfa, word);
}

bool Language::containsText(std::string_view text) const { return contains(bytesOf(text)); }

std::optional<std::vector<Symbol>> Language::shortestMember() const {
  return detail::nfaShortestMember(impl_->nfa);
}

std::size_t Language::stateCount() const { return impl_->nfa.states.size(); }

}  // namespace iotlint::automata
