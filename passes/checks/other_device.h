// passes/checks/other_device.h: what belongs to another device, and how witnesses read.
//
// Shared by the Device Defender checks (overly_permissive.cpp, potential_misconfiguration.cpp):
// the resource names of another thing OTHER per action family (semantics.md §1), the project's
// per-device topic layouts (`devices/{thing}/#`), and the small language helpers that turn a
// non-empty intersection into a readable witness.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ir/policy.h"
#include "passes/automata/language.h"
#include "passes/tokens.h"

namespace iotlint::passes {

/// Why `layout` is not a valid per-device topic layout, or nullopt when it is one.
/// A layout is an MQTT topic filter with exactly one `{thing}` (the thing-name position);
/// `+` and `#` are MQTT wildcards of the layout (one level, the rest); `*`, `?`, other braces and
/// invalid MQTT filters are rejected.
std::optional<std::string> deviceTopicLayoutError(std::string_view layout);

/// The topics a valid layout gives to OTHER: `{thing}` replaced by OTHER, read as an MQTT filter.
automata::Language layoutTopicsOfOther(std::string_view layout);

/// A set of OTHER's topics, with the words that describe it in messages.
struct OtherTopics {
  automata::Language topics = automata::Language::none();
  std::string description;  ///< e.g. "reserved topics", "topics of the layout `devices/{thing}/#`"
  /// Where witnesses are looked for first (a subset of `topics` worth showing).
  automata::Language preferred = automata::Language::everything();
};

/// OTHER's topics: its `$aws/things/OTHER/...` reserved topics, its `$aws/commands/things/OTHER/...`
/// command topics, and one entry per valid project layout (invalid ones are skipped: the driver
/// rejects them before analysis).
std::vector<OtherTopics> otherDeviceTopics(const std::vector<std::string>& layouts);

/// Thing names of shadow and job APIs that belong to OTHER: `OTHER` and `OTHER/<shadow>`.
automata::Language otherThingNames();

/// Every topic filter that matches `topic` under MQTT rules (a finite set): each level either
/// itself or `+`, or a prefix of levels followed by `#`.
automata::Language filtersMatchingTopic(std::span<const automata::Symbol> topic);

/// Topics that read well in messages: levels of a lowercase letter (or a token) followed by
/// lowercase letters, digits, `_` and `-`; `$aws`-like first levels. Witness searches try this
/// first, then alphanumeric names, then any member.
automata::Language readableTopics(const TokenTable& tokens);

/// A readable member of `language`: the first of `preferred` it contains, else the shortest
/// readable member, else the shortest member.
std::optional<std::vector<automata::Symbol>> readableMember(const automata::Language& language,
                                                            std::span<const std::vector<automata::Symbol>> preferred,
                                                            const TokenTable& tokens);

/// Reserved topics of OTHER that make good examples (`$aws/things/OTHER/shadow/update`, ...).
const std::vector<std::vector<automata::Symbol>>& exampleTopicsOfOther();

/// How witnesses name SELF and OTHER: `options` where set, else `device-1` and `device-2` (or the
/// next free `device-N`, so that neither name occurs in the policy's text).
RenderOptions witnessNames(const ir::Policy& policy, const RenderOptions& options);

/// Whether `word` holds `symbol`.
bool holds(std::span<const automata::Symbol> word, automata::Symbol symbol);

/// `a`, `a` and `b`, `a`, `b` and `c`: a list for messages.
std::string joinWords(const std::vector<std::string>& words);

}  // namespace iotlint::passes
