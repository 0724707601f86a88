// tests/reference/glob_reference.h: naive reference matchers for differential tests.
//
// THIS CODE SHOULD NEVER BE USED IN PRODUCTION. It is deliberately simple (backtracking,
// exponential in the number of `*`, string splitting) so that it is obviously correct; the
// automata library is tested against it (tests/unit/automata, tests/fuzz).
#pragma once

#include <span>
#include <vector>

#include "passes/automata/language.h"

namespace iotlint::reference {

using automata::Glob;
using automata::GlobSemantics;
using automata::Symbol;
using Word = std::vector<Symbol>;

/// IAM glob matching by backtracking: `*` tries every split, `?` takes one byte or one of
/// semantics.any_one_also_matches, every other atom must equal the symbol.
bool globMatches(const Glob& glob, std::span<const Symbol> word, const GlobSemantics& semantics = {});

/// MQTT matching of one topic-filter string against one topic name, by splitting on `/`.
/// AWS IoT reading: `+` is one whole level (any content, possibly empty); `#` must be the whole
/// last level and matches that level and everything after (so `a/#` does not match `a`). An
/// empty filter or topic, an invalid filter, or a topic holding `+` or `#` never matches. Tokens
/// (>= kFirstToken) are plain level content.
bool mqttFilterMatches(std::span<const Symbol> filter, std::span<const Symbol> topic);

/// Every filter string that mqttFilterMatches() accepts for `topic`: each level kept or replaced
/// by `+`, optionally cut after some level by a final `#`. Finite; order unspecified.
std::vector<Word> mqttFiltersMatching(std::span<const Symbol> topic);

}  // namespace iotlint::reference
