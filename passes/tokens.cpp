#include "passes/tokens.h"

#include <fmt/format.h>

namespace iotlint::passes {

automata::Symbol TokenTable::valueToken(const std::string& variable_name) {
  auto [it, inserted] = by_name_.try_emplace(variable_name, 0);
  if (inserted) {
    it->second = automata::kFirstToken + 2 + static_cast<automata::Symbol>(names_.size());
    names_.push_back(variable_name);
  }
  return it->second;
}

std::optional<automata::Symbol> TokenTable::findValueToken(const std::string& variable_name) const {
  const auto it = by_name_.find(variable_name);
  if (it == by_name_.end()) return std::nullopt;
  return it->second;
}

std::vector<automata::Symbol> TokenTable::valueTokens() const {
  std::vector<automata::Symbol> tokens;
  for (std::size_t i = 0; i < names_.size(); ++i) tokens.push_back(automata::kFirstToken + 2 + static_cast<automata::Symbol>(i));
  return tokens;
}

std::vector<automata::Symbol> TokenTable::allTokens() const {
  std::vector<automata::Symbol> tokens = {kSelf, kOther};
  for (auto token : valueTokens()) tokens.push_back(token);
  return tokens;
}

std::string TokenTable::render(automata::Symbol symbol, const RenderOptions& options) const {
  if (symbol == kSelf) return options.self_name.empty() ? "SELF" : options.self_name;
  if (symbol == kOther) return options.other_name.empty() ? "OTHER-1" : options.other_name;
  if (symbol < automata::kFirstToken) {
    const auto byte = static_cast<unsigned char>(symbol);
    if (byte < 0x20 || byte >= 0x7F) return fmt::format("\\x{:02X}", static_cast<unsigned>(byte));
    return std::string(1, static_cast<char>(byte));
  }
  const std::size_t index = symbol - automata::kFirstToken - 2;
  if (index < names_.size()) return "${" + names_[index] + "}";
  return fmt::format("<token {}>", symbol);
}

std::string TokenTable::renderWord(std::span<const automata::Symbol> word, const RenderOptions& options) const {
  std::string text;
  for (auto symbol : word) text += render(symbol, options);
  return text;
}

std::vector<std::string> sampleMembers(const automata::Language& language, const TokenTable& tokens,
                                       std::size_t limit, const RenderOptions& options) {
  std::vector<std::string> samples;
  automata::Language rest = language;
  while (samples.size() < limit) {
    auto word = rest.shortestMember();
    if (!word) break;
    samples.push_back(tokens.renderWord(*word, options));
    rest = rest.minus(automata::Language::exactly(*word));
  }
  return samples;
}

}  // namespace iotlint::passes
