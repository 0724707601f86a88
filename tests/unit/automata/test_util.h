// tests/unit/automata/test_util.h: enumeration and printing helpers for the automata tests.
#pragma once

#include <string>
#include <vector>

#include "passes/automata/language.h"

namespace iotlint::automata::testing {

/// The token used throughout the tests (printed as `T`), and a second one (`U`).
inline constexpr Symbol kT = kFirstToken;
inline constexpr Symbol kU = kFirstToken + 1;

using Word = std::vector<Symbol>;

/// A glob atom written as one character: `*`, `?`, `T` (token kT) or a literal byte.
inline GlobAtom atomOf(char c) {
  if (c == '*') return {GlobAtom::Kind::kAnySequence, 0};
  if (c == '?') return {GlobAtom::Kind::kAnyOne, 0};
  if (c == 'T') return {GlobAtom::Kind::kSymbol, kT};
  return {GlobAtom::Kind::kSymbol, static_cast<unsigned char>(c)};
}

/// Glob from a spelling where `T` is the token kT.
inline Glob globOf(const std::string& spelling) {
  Glob glob;
  for (char c : spelling) glob.push_back(atomOf(c));
  return glob;
}

/// Word from a spelling where `T` is kT and `U` is kU.
inline Word wordOf(const std::string& spelling) {
  Word w;
  for (char c : spelling) {
    w.push_back(c == 'T' ? kT : c == 'U' ? kU : static_cast<unsigned char>(c));
  }
  return w;
}

inline std::string show(const Word& w) {
  std::string s = "\"";
  for (Symbol c : w) {
    if (c == kT) {
      s += "<T>";
    } else if (c == kU) {
      s += "<U>";
    } else if (c >= 32 && c < 127) {
      s += static_cast<char>(c);
    } else {
      s += "<" + std::to_string(c) + ">";
    }
  }
  return s + "\"";
}

/// Every string over `alphabet` of length <= max_len, in length-lexicographic order when
/// `alphabet` is sorted.
template <typename T>
std::vector<std::vector<T>> allStrings(const std::vector<T>& alphabet, std::size_t max_len) {
  std::vector<std::vector<T>> out{{}};
  std::size_t level_begin = 0;
  for (std::size_t len = 1; len <= max_len; ++len) {
    const std::size_t level_end = out.size();
    for (std::size_t i = level_begin; i < level_end; ++i) {
      for (const T& c : alphabet) {
        std::vector<T> next = out[i];
        next.push_back(c);
        out.push_back(std::move(next));
      }
    }
    level_begin = level_end;
  }
  return out;
}

/// Every glob spelling over `atoms` with at most `max_len` atoms.
inline std::vector<std::string> allGlobSpellings(const std::string& atoms, std::size_t max_len) {
  std::vector<std::string> out;
  for (const std::vector<char>& v : allStrings(std::vector<char>(atoms.begin(), atoms.end()), max_len)) {
    out.emplace_back(v.begin(), v.end());
  }
  return out;
}

}  // namespace iotlint::automata::testing
