#include "passes/checks/other_device.h"

#include <fmt/format.h>

#include "passes/coverage.h"

namespace iotlint::passes {

using automata::Language;
using automata::Symbol;

namespace {

constexpr std::string_view kThing = "{thing}";

std::vector<std::string_view> splitLevels(std::string_view text) {
  std::vector<std::string_view> levels;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = text.find('/', start);
    levels.push_back(text.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return levels;
}

/// The layout as a filter word, `{thing}` replaced by OTHER.
std::vector<Symbol> layoutWord(std::string_view layout) {
  std::vector<Symbol> word;
  for (std::size_t i = 0; i < layout.size();) {
    if (layout.substr(i).starts_with(kThing)) {
      word.push_back(TokenTable::kOther);
      i += kThing.size();
    } else {
      word.push_back(static_cast<unsigned char>(layout[i]));
      ++i;
    }
  }
  return word;
}

Language symbolsOf(std::string_view bytes, const std::vector<Symbol>& tokens) {
  std::vector<Symbol> symbols(tokens);
  for (char c : bytes) symbols.push_back(static_cast<unsigned char>(c));
  return Language::anyOf(symbols);
}

/// Topics whose levels start with one of `lead_bytes` or a token and go on with `level_bytes` or
/// tokens; the first level may start with `$` (reserved topics).
Language topicsOfLevels(std::string_view lead_bytes, std::string_view level_bytes, const TokenTable& tokens) {
  const Language lead = symbolsOf(lead_bytes, tokens.allTokens());
  const Language level = lead.unite(lead.concat(symbolsOf(level_bytes, tokens.allTokens()).plus()));
  const Language first = text("$").concat(level).unite(level);
  return first.unite(first.concat(text("/").concat(level).plus()));
}

constexpr std::string_view kLower = "abcdefghijklmnopqrstuvwxyz";
constexpr std::string_view kLowerDigits = "abcdefghijklmnopqrstuvwxyz0123456789_-";
constexpr std::string_view kAlphanumeric = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
constexpr std::string_view kNamed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.:";

}  // namespace

std::optional<std::string> deviceTopicLayoutError(std::string_view layout) {
  if (layout.empty()) return std::string("the layout is empty");
  if (layout.size() > 1024) return std::string("the layout is longer than 1024 characters");
  std::size_t things = 0;
  for (std::size_t at = layout.find(kThing); at != std::string_view::npos; at = layout.find(kThing, at + 1)) ++things;
  if (things == 0) return fmt::format("the layout has no `{}`: write where the thing name goes, e.g. `devices/{}/#`", kThing, kThing);
  if (things > 1) return fmt::format("the layout has `{}` {} times; a layout names one thing", kThing, things);
  std::string rest(layout);
  rest.erase(rest.find(kThing), kThing.size());
  for (char c : rest) {
    if (c == '{' || c == '}') return fmt::format("`{}` is the only placeholder a layout may hold; remove the other braces", kThing);
    if (c == '*' || c == '?') {
      return fmt::format("`{}` is a policy wildcard, not an MQTT one; use `+` for one level or `#` for the rest", c);
    }
    if (c == '\0') return std::string("the layout holds a NUL character");
  }
  const auto levels = splitLevels(layout);
  for (std::size_t i = 0; i < levels.size(); ++i) {
    const std::string_view level = levels[i];
    if (level.find('#') != std::string_view::npos && (level != "#" || i + 1 != levels.size())) {
      return std::string("`#` must be the whole last level, as in `devices/{thing}/#`");
    }
    if (level.find('+') != std::string_view::npos && level != "+") {
      return std::string("`+` must be a whole level, as in `+/devices/{thing}/#`");
    }
  }
  return std::nullopt;
}

Language layoutTopicsOfOther(std::string_view layout) {
  return Language::exactly(layoutWord(layout)).topicsMatchedByFilters();
}

namespace {

std::vector<OtherTopics> buildOtherDeviceTopics(const std::vector<std::string>& layouts) {
  std::vector<OtherTopics> targets;
  // Witnesses prefer the topic families AWS defines under `$aws/things/{thing}/`.
  std::vector<Language> families;
  for (std::string_view family : {"shadow/", "jobs/", "defender/", "tunnels/", "streams/"}) families.push_back(text(family));
  const Language known = text("$aws/things/").concat(token(TokenTable::kOther)).concat(text("/"))
                             .concat(Language::unionOf(families)).concat(Language::everything());
  targets.push_back({otherThingReservedTopics(), "reserved topics", known});
  targets.push_back({text("$aws/commands/things/").concat(token(TokenTable::kOther)).concat(text("/")).concat(Language::everything()),
                     "command topics", Language::everything()});
  for (const std::string& layout : layouts) {
    if (deviceTopicLayoutError(layout)) continue;
    const Language topics = layoutTopicsOfOther(layout);
    targets.push_back({topics, fmt::format("topics (project layout `{}`)", layout), topics});
  }
  return targets;
}

Language buildFiltersMatchingTopic(std::span<const Symbol> topic) {
  std::vector<std::vector<Symbol>> levels(1);
  for (Symbol symbol : topic) {
    if (symbol == '/') {
      levels.emplace_back();
    } else {
      levels.back().push_back(symbol);
    }
  }
  std::vector<Language> filters;
  Language prefix = Language::exactly(std::span<const Symbol>());  // the levels so far, each itself or `+`, with `/`
  for (std::size_t i = 0; i < levels.size(); ++i) {
    filters.push_back(prefix.concat(text("#")));
    const std::vector<Language> choices = {Language::exactly(levels[i]), text("+")};
    const Language level = Language::unionOf(choices);
    prefix = prefix.concat(level);
    if (i + 1 == levels.size()) {
      filters.push_back(prefix);
    } else {
      prefix = prefix.concat(text("/"));
    }
  }
  return Language::unionOf(filters);
}

/// The last few results of `build` on this thread, by key. The languages below depend only on
/// constants and on small keys (the project layouts, the token table) that recur across the
/// policies a thread analyses; building them once per key is most of what the checks would
/// otherwise spend. Per thread, so nothing is shared but the immutable languages.
template <typename Key, typename Value, std::size_t kCapacity = 8>
class RecentResults {
 public:
  template <typename Build>
  const Value& get(const Key& key, Build build) {
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      if (entries_[i].first == key) return entries_[i].second;
    }
    Value value = build(key);
    if (entries_.size() < kCapacity) {
      entries_.reserve(kCapacity);
      entries_.emplace_back(key, std::move(value));
      return entries_.back().second;
    }
    // Full: overwrite round-robin (callers copy what they keep, so a reference is only needed
    // until the next call).
    auto& slot = entries_[next_victim_];
    next_victim_ = (next_victim_ + 1) % kCapacity;
    slot = {key, std::move(value)};
    return slot.second;
  }

 private:
  std::vector<std::pair<Key, Value>> entries_;
  std::size_t next_victim_ = 0;
};

Language cachedTopicsOfLevels(std::string_view lead_bytes, std::string_view level_bytes, const TokenTable& tokens) {
  using Key = std::pair<std::string_view, std::vector<Symbol>>;
  thread_local RecentResults<Key, Language> cache;
  return cache.get({lead_bytes, tokens.allTokens()}, [&](const Key&) { return topicsOfLevels(lead_bytes, level_bytes, tokens); });
}

}  // namespace

std::vector<OtherTopics> otherDeviceTopics(const std::vector<std::string>& layouts) {
  thread_local RecentResults<std::vector<std::string>, std::vector<OtherTopics>, 4> cache;
  return cache.get(layouts, buildOtherDeviceTopics);
}

Language otherThingNames() {
  thread_local const Language kNames = [] {
    const Language other = token(TokenTable::kOther);
    return other.unite(other.concat(text("/")).concat(Language::everything()));
  }();
  return kNames;
}

Language filtersMatchingTopic(std::span<const Symbol> topic) {
  thread_local RecentResults<std::vector<Symbol>, Language, 16> cache;
  return cache.get(std::vector<Symbol>(topic.begin(), topic.end()),
                   [](const std::vector<Symbol>& key) { return buildFiltersMatchingTopic(key); });
}

Language readableTopics(const TokenTable& tokens) { return cachedTopicsOfLevels(kLower, kLowerDigits, tokens); }

std::optional<std::vector<Symbol>> readableMember(const Language& language,
                                                  std::span<const std::vector<Symbol>> preferred,
                                                  const TokenTable& tokens) {
  for (const auto& word : preferred) {
    if (language.contains(word)) return word;
  }
  if (auto word = language.intersect(readableTopics(tokens)).shortestMember()) return word;
  if (auto word = language.intersect(cachedTopicsOfLevels(kAlphanumeric, kNamed, tokens)).shortestMember()) return word;
  return language.shortestMember();
}

namespace {

std::vector<std::vector<Symbol>> buildExampleTopicsOfOther() {
  std::vector<std::vector<Symbol>> topics;
  for (std::string_view suffix : {"shadow/update", "shadow/update/accepted", "shadow/update/delta", "shadow/get",
                                  "shadow/get/accepted", "shadow/delete", "jobs/get", "jobs/start-next", "jobs/notify-next",
                                  "jobs/notify", "defender/metrics/json", "tunnels/notify"}) {
    std::vector<Symbol> word;
    for (char c : std::string_view("$aws/things/")) word.push_back(static_cast<unsigned char>(c));
    word.push_back(TokenTable::kOther);
    word.push_back('/');
    for (char c : suffix) word.push_back(static_cast<unsigned char>(c));
    topics.push_back(std::move(word));
  }
  // A level-spanning `*` before `${iot:Connection.Thing.ThingName}` reaches OTHER's jobs and named
  // shadows that carry SELF's name: `topic/*/${iot:Connection.Thing.ThingName}/*`.
  for (std::string_view family : {"jobs/", "shadow/name/"}) {
    for (std::string_view tail : {"/get", "/update"}) {
      std::vector<Symbol> word;
      for (char c : std::string_view("$aws/things/")) word.push_back(static_cast<unsigned char>(c));
      word.push_back(TokenTable::kOther);
      word.push_back('/');
      for (char c : family) word.push_back(static_cast<unsigned char>(c));
      word.push_back(TokenTable::kSelf);
      for (char c : tail) word.push_back(static_cast<unsigned char>(c));
      topics.push_back(std::move(word));
    }
  }
  return topics;
}

}  // namespace

const std::vector<std::vector<Symbol>>& exampleTopicsOfOther() {
  static const std::vector<std::vector<Symbol>> kTopics = buildExampleTopicsOfOther();
  return kTopics;
}

RenderOptions witnessNames(const ir::Policy& policy, const RenderOptions& options) {
  std::string_view text;
  if (policy.file != nullptr) text = policy.file->text(policy.range);
  RenderOptions names = options;
  int next = 1;
  const auto freeName = [&] {
    while (true) {
      std::string name = fmt::format("device-{}", next++);
      if (text.find(name) == std::string_view::npos) return name;
    }
  };
  if (names.self_name.empty()) names.self_name = freeName();
  if (names.other_name.empty()) names.other_name = freeName();
  return names;
}

bool holds(std::span<const Symbol> word, Symbol symbol) {
  for (Symbol s : word) {
    if (s == symbol) return true;
  }
  return false;
}

std::string joinWords(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " and " : ", ";
    out += words[i];
  }
  return out;
}

}  // namespace iotlint::passes
