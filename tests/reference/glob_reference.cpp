// tests/reference/glob_reference.cpp: see the header. NEVER USE IN PRODUCTION.
#include "glob_reference.h"

#include <algorithm>

namespace iotlint::reference {
namespace {

bool matchFrom(const Glob& glob, std::size_t gi, std::span<const Symbol> word, std::size_t wi,
               const GlobSemantics& semantics) {
  if (gi == glob.size()) return wi == word.size();
  const automata::GlobAtom& atom = glob[gi];
  switch (atom.kind) {
    case automata::GlobAtom::Kind::kAnySequence:
      for (std::size_t k = wi; k <= word.size(); ++k) {
        if (matchFrom(glob, gi + 1, word, k, semantics)) return true;
      }
      return false;
    case automata::GlobAtom::Kind::kAnyOne: {
      if (wi == word.size()) return false;
      const Symbol c = word[wi];
      const auto& extra = semantics.any_one_also_matches;
      const bool ok = c < automata::kFirstToken || std::find(extra.begin(), extra.end(), c) != extra.end();
      return ok && matchFrom(glob, gi + 1, word, wi + 1, semantics);
    }
    case automata::GlobAtom::Kind::kSymbol:
      return wi < word.size() && word[wi] == atom.symbol &&
             matchFrom(glob, gi + 1, word, wi + 1, semantics);
  }
  return false;
}

std::vector<Word> splitLevels(std::span<const Symbol> s) {
  std::vector<Word> levels(1);
  for (Symbol c : s) {
    if (c == '/') {
      levels.emplace_back();
    } else {
      levels.back().push_back(c);
    }
  }
  return levels;
}

bool hasWildcard(std::span<const Symbol> s) {
  return std::any_of(s.begin(), s.end(), [](Symbol c) { return c == '+' || c == '#'; });
}

}  // namespace

bool globMatches(const Glob& glob, std::span<const Symbol> word, const GlobSemantics& semantics) {
  return matchFrom(glob, 0, word, 0, semantics);
}

bool mqttFilterMatches(std::span<const Symbol> filter, std::span<const Symbol> topic) {
  if (filter.empty() || topic.empty() || hasWildcard(topic)) return false;
  const std::vector<Word> f = splitLevels(filter);
  const std::vector<Word> t = splitLevels(topic);
  const Word plus{'+'};
  const Word hash{'#'};
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!hasWildcard(f[i])) continue;
    if (f[i] == plus) continue;
    if (f[i] == hash && i + 1 == f.size()) continue;
    return false;  // `+`/`#` not alone in its level, or `#` not last
  }
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f[i] == hash) return t.size() > i;  // level i exists: `a/#` needs `a/...`
    if (i >= t.size()) return false;
    if (f[i] == plus) continue;
    if (f[i] != t[i]) return false;
  }
  return f.size() == t.size();
}

std::vector<Word> mqttFiltersMatching(std::span<const Symbol> topic) {
  std::vector<Word> out;
  if (topic.empty() || hasWildcard(topic)) return out;
  const std::vector<Word> t = splitLevels(topic);
  const std::size_t m = t.size();
  // For each prefix length n and each subset of its levels replaced by `+`.
  for (std::size_t n = 0; n <= m; ++n) {
    for (std::size_t mask = 0; mask < (std::size_t{1} << n); ++mask) {
      Word prefix;
      for (std::size_t i = 0; i < n; ++i) {
        if (i > 0) prefix.push_back('/');
        if (mask & (std::size_t{1} << i)) {
          prefix.push_back('+');
        } else {
          prefix.insert(prefix.end(), t[i].begin(), t[i].end());
        }
      }
      if (n == m) out.push_back(prefix);  // all levels, no `#`
      if (n < m) {                        // `#` stands for levels n..m-1
        Word with_hash = prefix;
        if (n > 0) with_hash.push_back('/');
        with_hash.push_back('#');
        out.push_back(std::move(with_hash));
      }
    }
  }
  return out;
}

}  // namespace iotlint::reference
