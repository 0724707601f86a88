// passes/automata/language.cpp: the public Language API over the internal Nfa (see nfa.h).
//
// REPRESENTATION: DIFFERENCE NORMAL FORM
//
// A Language is an immutable pair of trimmed NFAs (pos, neg) denoting L(pos) \ L(neg); `neg` is
// absent for plain languages. Differences are the one operation whose automaton can be
// exponential, and policies subtract big unions of Deny globs from big unions of Allow globs, so
// minus() does not build anything; it records the pair. The algebra keeps the pair shape where it
// is exact and cheap:
//   (P \ N) ∩ (Q \ C)  =  (P ∩ Q) \ (N ∪ C)         intersect: a product of the positive parts
//   (P \ N) \ Y        =  P \ (N ∪ Y)               minus: a union of the negative parts
//   w ∈ P \ N          ⟺  w ∈ P ∧ w ∉ N            contains: two simulations
//   P \ N = {}         ⟺  P ⊆ N                    isEmpty: an on-the-fly inclusion search
//   P \ N ⊆ Q \ C      ⟺  P ⊆ Q ∪ N  ∧  P ∩ C ⊆ N  isSubsetOf: two inclusion searches
// so "Allow minus Deny, restricted to another device's resources" is searched in the product of
// the narrow positive part with the lazily determinised Deny union, stopping at the first witness.
// Every other operation (unite with a difference, complement, concat, plus,
// topicsMatchedByFilters, stateCount) first MATERIALISES the difference into one NFA
// (nfaMinus), once, cached under a std::once_flag; that is the step that may throw
// LanguageTooComplex.
//
// Languages are shared, never mutated after construction (the caches are write-once and
// synchronised), so they may be used from several threads. topicsMatchedByFilters also remembers
// its answers, in a memo of each thread's own (TopicsMemo).
#include "passes/automata/language.h"

#include <atomic>
#include <mutex>
#include <unordered_map>

#include "passes/automata/nfa.h"

namespace iotlint::automata {

using NfaPtr = std::shared_ptr<const detail::Nfa>;

struct Language::Impl {
  Impl(NfaPtr p, NfaPtr n) : pos(std::move(p)), neg(std::move(n)) {}

  /// The single NFA for L(pos) \ L(neg).
  const detail::Nfa& flat() const {
    if (!neg) return *pos;
    std::call_once(flat_once, [&] {
      flat_cache = std::make_shared<const detail::Nfa>(detail::nfaMinus(*pos, *neg));
    });
    return *flat_cache;
  }
  NfaPtr flatPtr() const {
    if (!neg) return pos;
    flat();
    return flat_cache;
  }

  NfaPtr pos;
  NfaPtr neg;  // null for a plain language
  mutable std::once_flag flat_once;
  mutable NfaPtr flat_cache;
  /// -1 unknown, 0 non-empty, 1 empty.
  mutable std::atomic<int> empty_cache{-1};
};

namespace {

std::vector<Symbol> bytesOf(std::string_view text) {
  std::vector<Symbol> word;
  word.reserve(text.size());
  for (char c : text) word.push_back(static_cast<unsigned char>(c));
  return word;
}

NfaPtr share(detail::Nfa nfa) { return std::make_shared<const detail::Nfa>(std::move(nfa)); }

/// N ∪ C where either may be absent.
NfaPtr uniteNegatives(const NfaPtr& a, const NfaPtr& b) {
  if (!a) return b;
  if (!b) return a;
  const detail::Nfa* parts[] = {a.get(), b.get()};
  return share(detail::nfaUnion(parts));
}

bool isSubsetOfUnion(const detail::Nfa& p, const NfaPtr& q, const NfaPtr& n) {
  NfaPtr both = uniteNegatives(q, n);
  return both ? detail::nfaIsSubset(p, *both) : detail::isEmptyNfa(p);
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

// Builds a Language from Impl constructor arguments (the constructor is private).
#define IOTLINT_LANGUAGE(pos, neg) Language(std::make_shared<const Impl>((pos), (neg)))

// none() is copied everywhere (every ActionCoverage starts as three of them, most stay so), so it
// has no representation to count references to: once a process has a second thread, every
// shared_ptr copy is an atomic instruction, and these copies alone were a few percent of the CPU
// time of checking on two threads. Its operations read one empty representation per thread.
Language Language::none() { return Language(nullptr); }

const Language::Impl& Language::rep() const {
  if (impl_) return *impl_;
  thread_local const Impl kNone(share(detail::nfaNone()), nullptr);
  return kNone;
}

// One instance per thread, so that the reference counts threads bump are not one contended cache
// line (checking on two threads cost 18% more CPU time than on one).
Language Language::everything() {
  thread_local const Language kEverything = IOTLINT_LANGUAGE(share(detail::nfaEverything()), nullptr);
  return kEverything;
}

// This thread's everything(); one from another thread is only not recognised, and takes the
// general path.
bool Language::isSharedEverything() const {
  thread_local const Impl* const kEverything = everything().impl_.get();
  return impl_.get() == kEverything;
}

Language Language::exactly(std::span<const Symbol> word) {
  return IOTLINT_LANGUAGE(share(detail::nfaWord(word)), nullptr);
}

Language Language::exactlyText(std::string_view text) { return exactly(bytesOf(text)); }

Language Language::anyOf(std::span<const Symbol> symbols) {
  return IOTLINT_LANGUAGE(share(detail::nfaAnyOf(symbols)), nullptr);
}

Language Language::fromGlob(const Glob& glob, const GlobSemantics& semantics) {
  return IOTLINT_LANGUAGE(share(detail::nfaGlob(glob, semantics)), nullptr);
}

Language Language::unionOf(std::span<const Language> parts) {
  if (parts.empty()) return none();
  std::vector<const detail::Nfa*> nfas;  // owned by `parts` (a difference's flat() is cached in it)
  nfas.reserve(parts.size());
  for (const Language& part : parts) nfas.push_back(&part.rep().flat());
  return IOTLINT_LANGUAGE(share(detail::nfaUnion(nfas)), nullptr);
}

Language Language::unite(const Language& other) const {
  const Language parts[] = {*this, other};
  return unionOf(parts);
}

// (P \ N) ∩ (Q \ C) = (P ∩ Q) \ (N ∪ C).
Language Language::intersect(const Language& other) const {
  // Checks intersect a grant with itself (a statement's only piece is the whole grant) and with
  // Σ*; both are the identity, and the product of a glob with itself is the most expensive kind.
  if (impl_ == other.impl_ || other.isSharedEverything()) return *this;
  if (isSharedEverything()) return other;
  // A single word (a client id, OTHER, SELF): membership instead of a product.
  if (!other.rep().neg) {
    if (const auto word = detail::nfaSingleWord(*other.rep().pos)) return contains(*word) ? other : none();
  }
  if (!rep().neg) {
    if (const auto word = detail::nfaSingleWord(*rep().pos)) return other.contains(*word) ? *this : none();
  }
  NfaPtr pos = share(detail::nfaIntersect(*rep().pos, *other.rep().pos));
  if (detail::isEmptyNfa(*pos)) return none();
  return IOTLINT_LANGUAGE(pos, uniteNegatives(rep().neg, other.rep().neg));
}

bool Language::meets(const Language& other) const {
  if (rep().neg || other.rep().neg || impl_ == other.impl_ || isSharedEverything() || other.isSharedEverything()) {
    return !intersect(other).isEmpty();
  }
  if (const auto word = detail::nfaSingleWord(*other.rep().pos)) return contains(*word);
  if (const auto word = detail::nfaSingleWord(*rep().pos)) return other.contains(*word);
  return detail::nfaIntersects(*rep().pos, *other.rep().pos);
}

// (P \ N) \ Y = P \ (N ∪ Y), with Y materialised if it is itself a difference.
Language Language::minus(const Language& other) const {
  NfaPtr subtract = other.rep().flatPtr();
  if (detail::isEmptyNfa(*subtract)) return *this;
  if (detail::isEmptyNfa(*rep().pos)) return none();
  return IOTLINT_LANGUAGE(rep().pos, uniteNegatives(rep().neg, subtract));
}

Language Language::complement() const {
  return IOTLINT_LANGUAGE(share(detail::nfaComplement(rep().flat())), nullptr);
}

Language Language::concat(const Language& other) const {
  return IOTLINT_LANGUAGE(share(detail::nfaConcat(rep().flat(), other.rep().flat())), nullptr);
}

Language Language::plus() const {
  return IOTLINT_LANGUAGE(share(detail::nfaPlus(rep().flat())), nullptr);
}

namespace {

// The topics that a language of filters receives, remembered by the filters' automaton. Checking
// a file asks this of the same Subscribe grants many times: the overly-permissive and the
// misconfiguration checks each ask it of a grant and of its pieces, and the verification of every
// candidate fix re-analyses the policy, whose Subscribe grants a fix mostly leaves as they were
// (and files written from one template share them too). At about 18,000 instructions a call it
// was 6% of checking 300 generated policies, which ask it 1,190 times: 563 different questions
// within each file, 33 over the whole run.
// One memo per thread, so no locks; the answer depends only on what nfaEqual compares, so a
// remembered answer is the one the construction would give. Bounded: emptied when full.
class TopicsMemo {
 public:
  NfaPtr topicsOf(const NfaPtr& filters) {
    const std::size_t hash = detail::nfaHash(*filters);
    const auto [first, last] = entries_.equal_range(hash);
    for (auto it = first; it != last; ++it) {
      if (detail::nfaEqual(*it->second.filters, *filters)) return it->second.topics;
    }
    NfaPtr topics = share(detail::nfaTopicsMatchedByFilters(*filters));
    if (entries_.size() >= kCapacity) entries_.clear();
    entries_.emplace(hash, Entry{filters, topics});
    return topics;
  }

 private:
  static constexpr std::size_t kCapacity = 256;
  struct Entry {
    NfaPtr filters;
    NfaPtr topics;
  };
  std::unordered_multimap<std::size_t, Entry> entries_;
};

}  // namespace

Language Language::topicsMatchedByFilters() const {
  thread_local TopicsMemo memo;
  return IOTLINT_LANGUAGE(memo.topicsOf(rep().flatPtr()), nullptr);
}

#undef IOTLINT_LANGUAGE

// P \ N = {} iff P ⊆ N; answered once and cached.
bool Language::isEmpty() const {
  if (!rep().neg) return detail::isEmptyNfa(*rep().pos);
  int cached = rep().empty_cache.load(std::memory_order_acquire);
  if (cached < 0) {
    cached = detail::nfaIsSubset(*rep().pos, *rep().neg) ? 1 : 0;
    rep().empty_cache.store(cached, std::memory_order_release);
  }
  return cached == 1;
}

// P \ N ⊆ Q \ C  iff  P ⊆ Q ∪ N  and  P ∩ C ⊆ N.
// Fix verification compares two analyses of nearly the same policy, whose automata are mostly
// built alike: P = Q and C = N (as automata) answer the two searches without running them.
bool Language::isSubsetOf(const Language& other) const {
  if (impl_ == other.impl_ || other.isSharedEverything()) return true;
  const detail::Nfa& p = *rep().pos;
  if (!detail::nfaEqual(p, *other.rep().pos) && !isSubsetOfUnion(p, other.rep().pos, rep().neg)) return false;
  if (!other.rep().neg) return true;
  if (rep().neg && detail::nfaEqual(*rep().neg, *other.rep().neg)) return true;
  const detail::Nfa pc = detail::nfaIntersect(p, *other.rep().neg);
  return rep().neg ? detail::nfaIsSubset(pc, *rep().neg) : detail::isEmptyNfa(pc);
}

bool Language::hasSameAutomataAs(const Language& other) const {
  if (impl_ == other.impl_) return true;
  if (!detail::nfaEqual(*rep().pos, *other.rep().pos)) return false;
  if (!rep().neg || !other.rep().neg) return !rep().neg && !other.rep().neg;
  return detail::nfaEqual(*rep().neg, *other.rep().neg);
}

std::size_t Language::automataHash() const {
  const std::size_t positive = detail::nfaHash(*rep().pos);
  return rep().neg ? positive * 31 + detail::nfaHash(*rep().neg) + 1 : positive;
}

bool Language::contains(std::span<const Symbol> word) const {
  if (!detail::nfaContains(*rep().pos, word)) return false;
  return !rep().neg || !detail::nfaContains(*rep().neg, word);
}

bool Language::containsText(std::string_view text) const { return contains(bytesOf(text)); }

std::optional<std::vector<Symbol>> Language::shortestMember() const {
  if (!rep().neg) return detail::nfaShortestMember(*rep().pos);
  return detail::nfaFirstInDifference(*rep().pos, *rep().neg);
}

// Trimmed automata: every state is on an accepting path, so a cycle pumps infinitely many words.
bool Language::isFinite() const {
  if (!detail::nfaHasCycle(*rep().pos)) return true;  // a part of a finite language is finite
  return rep().neg ? !detail::nfaHasCycle(rep().flat()) : false;
}

std::size_t Language::stateCount() const { return rep().flat().states.size(); }

}  // namespace iotlint::automata
