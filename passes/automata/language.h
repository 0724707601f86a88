// passes/automata/language.h: regular sets of resource strings, the engine behind coverage.
//
// A policy grants sets of strings: client ids, topic names, topic filters, thing ARNs. Each
// `Resource` pattern is an IAM glob (`*` any sequence, `?` one character) over those strings,
// possibly holding policy variables. iotlint reasons about unions, intersections and differences
// of such sets exactly, so it represents every set as a regular language over Symbols and asks
// emptiness questions ("is there a resource of another device that this grant reaches?").
//
// Symbols are bytes (0..255) plus opaque tokens (kFirstToken and up). A token stands for a whole
// value that iotlint does not spell out: SELF's thing name, a fresh other device's thing name, a
// certificate attribute. A token is matched by `*` (as part of any sequence), by itself, and by
// `?` only where GlobSemantics says so (may-analysis of Allow statements: a fresh device may have a
// one-character name; must-analysis of Deny statements: it may not).
//
// This library depends on nothing else in iotlint: no IR, no diagnostics. CMake target
// `iotlint_automata`; like every layer it is included from the repository root:
// `#include "passes/automata/language.h"`. README.md next to this file summarises the design.
//
// COST MODEL AND LIMITS
//
// A Language is an epsilon-free NFA whose edges carry symbol classes (sorted ranges over
// [0, 2^32)), so tokens never make the alphabet large; a difference A \ B is kept symbolic as the
// pair (A, B). Union (unionOf), concat and plus are linear; unionOf also shares the common prefix
// of its parts. Intersection is a product of reachable state pairs (at most |A|·|B|); with
// differences it uses (P \ N) ∩ Q = (P ∩ Q) \ N. minus() is O(1). isEmpty, isSubsetOf and
// shortestMember on differences search the product of the positive NFA with the lazily built
// subset automaton of the negative one, stop at the first witness, and prune by antichains.
// complement() and any operation that needs one automaton for a difference (unite, concat, plus,
// topicsMatchedByFilters, stateCount) determinise, lazily and with exact reductions for globs, and
// the result is minimised for complement(). Worst cases are still exponential (the complement of
// `*a??????????` needs 2^11 states), so each operation is capped: more than kMaxDeterminisedStates
// subsets, or more than kMaxProductStates states in any product or search, throws
// LanguageTooComplex. No operation ever returns an approximation.
//
// Unite many languages with unionOf() rather than folding unite(), which copies O(k²) states.
// Intersect with the narrow language BEFORE uniting differences, where the question allows it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace iotlint::automata {

using Symbol = std::uint32_t;
inline constexpr Symbol kFirstToken = 256;

/// Most subsets of states one lazy determinisation (minus, isSubsetOf, complement) may create:
/// enough for every real policy, small enough that reaching it costs milliseconds (README.md).
inline constexpr std::size_t kMaxDeterminisedStates = std::size_t{1} << 12;
/// Most states any single product or construction may create.
inline constexpr std::size_t kMaxProductStates = std::size_t{1} << 22;

/// Thrown by an operation whose automaton would exceed kMaxDeterminisedStates or
/// kMaxProductStates. The operands are unchanged; callers should report "too complex to analyse"
/// rather than guess.
class LanguageTooComplex : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Within its scope, on this thread, the searches behind isEmpty() of a difference, isSubsetOf()
/// and shortestMember() of a difference give up past `states` states (LanguageTooComplex) instead
/// of kMaxProductStates. For checks whose answer is an aid, not a finding about access (a
/// statement that grants nothing): they stay within a bounded time on adversarial wildcards.
/// Scopes nest; the smallest limit applies.
class SearchLimit {
 public:
  explicit SearchLimit(std::size_t states);
  ~SearchLimit();
  SearchLimit(const SearchLimit&) = delete;
  SearchLimit& operator=(const SearchLimit&) = delete;
  /// The limit in force on this thread.
  static std::size_t current();

 private:
  std::size_t previous_;
};

/// One element of a glob pattern.
struct GlobAtom {
  enum class Kind : std::uint8_t {
    kSymbol,       ///< exactly `symbol` (a byte or a token)
    kAnySequence,  ///< `*`: any sequence of symbols, including the empty one and tokens
    kAnyOne,       ///< `?`: exactly one byte, or one of GlobSemantics::any_one_also_matches
  };
  Kind kind = Kind::kSymbol;
  Symbol symbol = 0;
};
using Glob = std::vector<GlobAtom>;

/// Builds a Glob from plain text, reading `*` and `?` as wildcards and every other byte literally.
/// Convenience for tests and for callers that hold no tokens.
Glob globFromText(std::string_view text);

struct GlobSemantics {
  /// Tokens that `?` matches besides single bytes.
  std::vector<Symbol> any_one_also_matches;
};

/// An immutable regular language over Symbols. Cheap to copy (shared representation).
class Language {
 public:
  /// The empty set.
  static Language none();
  /// Every finite sequence of Symbols (bytes and every token).
  static Language everything();
  /// Exactly one string.
  static Language exactly(std::span<const Symbol> word);
  static Language exactlyText(std::string_view text);
  /// Every one-symbol string whose symbol is in `symbols`.
  static Language anyOf(std::span<const Symbol> symbols);
  /// The strings an IAM glob matches.
  static Language fromGlob(const Glob& glob, const GlobSemantics& semantics = {});
  /// The union of all `parts` (none() if empty), in time linear in their total size.
  static Language unionOf(std::span<const Language> parts);

  /// Materialises differences (may throw LanguageTooComplex).
  Language unite(const Language& other) const;
  Language intersect(const Language& other) const;
  /// !intersect(other).isEmpty(), without building the intersection of two plain languages: the
  /// question checks ask first, and usually answer no. May throw LanguageTooComplex.
  bool meets(const Language& other) const;
  /// O(1) unless `other` is itself a difference (then `other` is materialised, which may throw
  /// LanguageTooComplex).
  Language minus(const Language& other) const;
  /// May throw LanguageTooComplex (determinises this language).
  Language complement() const;
  Language concat(const Language& other) const;
  /// One or more repetitions.
  Language plus() const;

  /// O(1) for plain languages; a search (cached) for differences. May throw LanguageTooComplex.
  bool isEmpty() const;
  /// An emptiness search on this \ other, with early exit. May throw LanguageTooComplex.
  bool isSubsetOf(const Language& other) const;
  bool contains(std::span<const Symbol> word) const;
  bool containsText(std::string_view text) const;
  /// A shortest member; among the shortest, the smallest by Symbol order. Deterministic.
  std::optional<std::vector<Symbol>> shortestMember() const;
  /// Whether the language has finitely many words: O(n + e) for plain languages (a trimmed
  /// automaton without a cycle); materialises a difference (may throw LanguageTooComplex).
  bool isFinite() const;

  /// MQTT reading of a set of topic filters: every topic name that at least one filter in this
  /// language matches under MQTT rules (`+` one whole level, `#` last and alone: the rest of the
  /// topic). Filters that are not valid MQTT filters match nothing. Tokens never contain `/`, `+`
  /// or `#`. Used for Subscribe, whose resources are filter strings taken literally.
  /// Precisely, following the AWS IoT documentation: `+` matches one level of any non-`/` symbols,
  /// possibly none; `#` matches the rest of the topic after its parent level's `/`, so `a/#`
  /// matches `a/` and `a/b/c` but not `a`, and `#` alone matches every topic. Topic names in the
  /// result are non-empty and never contain `+` or `#`; the empty filter is invalid. The MQTT rule
  /// that wildcard-led filters skip `$` topics is NOT applied (AWS reserved topics are matched).
  Language topicsMatchedByFilters() const;

  /// Number of states of the internal automaton (for benchmarks and tests). Materialises a
  /// difference (may throw LanguageTooComplex).
  std::size_t stateCount() const;

  /// True when both are copies of one Language (then they are equal; distinct representations
  /// may still be equal). O(1): lets callers reuse what they computed for a copy.
  bool sharesRepresentationWith(const Language& other) const { return impl_ == other.impl_; }
  /// True when both were built into the same automata (then they are equal; equal languages may
  /// still have different automata). Linear in their size, far cheaper than isSubsetOf.
  bool hasSameAutomataAs(const Language& other) const;
  /// A hash of what hasSameAutomataAs compares: languages with the same automata hash alike.
  /// Linear in their size.
  std::size_t automataHash() const;

  struct Impl;
 private:
  explicit Language(std::shared_ptr<const Impl> impl);
  /// The representation; none() has none of its own (a null impl_), see language.cpp.
  const Impl& rep() const;
  /// A copy of everything() (not merely equal to it).
  bool isSharedEverything() const;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace iotlint::automata
