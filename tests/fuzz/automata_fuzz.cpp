// tests/fuzz/automata_fuzz.cpp: libFuzzer target for iotlint_automata.
//
// Input: <flags byte> <glob A> 0x00 <glob B> 0x00 <word>. In globs `*` and `?` are wildcards;
// in globs and words 0xFF is token T and 0xFE is token U; every other byte is literal. Bit 0 of
// the flags makes `?` match T (GlobSemantics).
//
// Every answer of the library is compared with the naive reference (tests/reference) or with the
// definition of the operation, and set identities are checked on the infinite languages; any
// disagreement aborts. LanguageTooComplex is a legal answer and ends the input.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "passes/automata/language.h"
#include "glob_reference.h"

namespace {

using iotlint::automata::Glob;
using iotlint::automata::GlobAtom;
using iotlint::automata::GlobSemantics;
using iotlint::automata::kFirstToken;
using iotlint::automata::Language;
using iotlint::automata::LanguageTooComplex;
using iotlint::automata::Symbol;
using Word = std::vector<Symbol>;

constexpr std::size_t kMaxAtoms = 24;
constexpr std::size_t kMaxStars = 6;  // keeps the backtracking reference fast
// The MQTT reference enumerates the 2^levels filters that match a topic; a 24-level topic made
// of slashes alone would take gigabytes. Longer topics skip the MQTT comparison.
constexpr std::size_t kMaxReferenceTopicLevels = 10;

Symbol symbolOf(std::uint8_t b) {
  if (b == 0xFF) return kFirstToken;
  if (b == 0xFE) return kFirstToken + 1;
  return b;
}

// Reports the failing line, then aborts so libFuzzer saves the input.
#define check(ok)                                                            \
  do {                                                                       \
    if (!(ok)) {                                                             \
      std::fprintf(stderr, "automata_fuzz: check failed at line %d: %s\n", \
                   __LINE__, #ok);                                           \
      std::abort();                                                          \
    }                                                                        \
  } while (false)

struct Input {
  GlobSemantics semantics;
  Glob a;
  Glob b;
  Word word;
};

bool parse(const std::uint8_t* data, std::size_t size, Input& in) {
  if (size == 0) return false;
  if (data[0] & 1) in.semantics.any_one_also_matches = {kFirstToken};
  int part = 0;
  std::size_t stars = 0;
  for (std::size_t i = 1; i < size; ++i) {
    const std::uint8_t c = data[i];
    if (c == 0 && part < 2) {
      ++part;
      continue;
    }
    if (part < 2) {
      Glob& g = part == 0 ? in.a : in.b;
      if (g.size() >= kMaxAtoms) return false;
      if (c == '*') {
        if (++stars > kMaxStars) return false;
        g.push_back({GlobAtom::Kind::kAnySequence, 0});
      } else if (c == '?') {
        g.push_back({GlobAtom::Kind::kAnyOne, 0});
      } else {
        g.push_back({GlobAtom::Kind::kSymbol, symbolOf(c)});
      }
    } else {
      if (in.word.size() >= kMaxAtoms) return false;
      in.word.push_back(symbolOf(c));
    }
  }
  return true;
}

std::size_t levelsOf(const Word& topic) {
  return 1 + static_cast<std::size_t>(std::count(topic.begin(), topic.end(), Symbol{'/'}));
}

bool topicRef(const Glob& filters, const GlobSemantics& semantics, const Word& topic) {
  for (const Word& f : iotlint::reference::mqttFiltersMatching(topic)) {
    if (iotlint::reference::globMatches(filters, f, semantics)) return true;
  }
  return false;
}

void run(const Input& in) {
  using iotlint::reference::globMatches;
  auto ra = [&](const Word& w) { return globMatches(in.a, w, in.semantics); };
  auto rb = [&](const Word& w) { return globMatches(in.b, w, in.semantics); };
  const Language a = Language::fromGlob(in.a, in.semantics);
  const Language b = Language::fromGlob(in.b, in.semantics);
  const Word& w = in.word;

  // Membership against the reference.
  check(a.contains(w) == ra(w));
  check(b.contains(w) == rb(w));
  const Language u = a.unite(b);
  const Language x = a.intersect(b);
  const Language d = a.minus(b);
  check(u.contains(w) == (ra(w) || rb(w)));
  check(x.contains(w) == (ra(w) && rb(w)));
  check(d.contains(w) == (ra(w) && !rb(w)));

  // Witnesses are members by the reference; emptiness agrees with witnesses.
  auto witnessOk = [](const Language& l, auto definition) {
    const auto m = l.shortestMember();
    check(m.has_value() == !l.isEmpty());
    if (m) {
      check(l.contains(*m));
      check(definition(*m));
    }
  };
  witnessOk(a, ra);
  witnessOk(u, [&](const Word& v) { return ra(v) || rb(v); });
  witnessOk(x, [&](const Word& v) { return ra(v) && rb(v); });
  witnessOk(d, [&](const Word& v) { return ra(v) && !rb(v); });
  if (ra(w) && !rb(w)) check(!d.isEmpty());

  // Identities on the infinite languages.
  check(a.isSubsetOf(b) == d.isEmpty());
  check(x.isSubsetOf(a) && x.isSubsetOf(b));
  check(a.isSubsetOf(u) && b.isSubsetOf(u));
  check(d.intersect(b).isEmpty());
  check(a.meets(b) == !x.isEmpty());
  check(!d.meets(b));
  check(a.isSubsetOf(d.unite(x)));

  // Materialised difference and complement.
  const Language flat = Language::unionOf(std::vector<Language>{d});
  check(flat.contains(w) == d.contains(w));
  check(flat.shortestMember() == d.shortestMember());
  const Language not_b = b.complement();
  check(not_b.contains(w) == !rb(w));
  check(a.intersect(not_b).isEmpty() == d.isEmpty());
  check(a.intersect(not_b).shortestMember() == d.shortestMember());

  // MQTT reading of A as a set of filters.
  const Language topics = a.topicsMatchedByFilters();
  if (levelsOf(w) <= kMaxReferenceTopicLevels) {
    check(topics.contains(w) == topicRef(in.a, in.semantics, w));
  }
  if (const auto t = topics.shortestMember(); t && levelsOf(*t) <= kMaxReferenceTopicLevels) {
    check(topicRef(in.a, in.semantics, *t));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Input in;
  if (!parse(data, size, in)) return 0;
  try {
    run(in);
  } catch (const LanguageTooComplex&) {
    // A documented, honest answer; not a bug.
  }
  return 0;
}
