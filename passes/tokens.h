// passes/tokens.h: the symbols that stand for whole values in the coverage languages.
//
// The per-device question ("can SELF reach another device's resources?") is asked over strings
// in which some values are not spelled out but kept as single opaque symbols (automata tokens):
//   SELF   the thing name of the device that holds the policy
//   OTHER  a fresh thing name of another device: distinct from SELF and from every literal in
//          the policy (a thing name is 1-128 of [a-zA-Z0-9:_-], so it may be one character)
//   one token per principal- or admin-bound value (`${iot:Certificate.Subject.CommonName}`,
//          `${iot:CertificateId}`, `${iot:Connection.Thing.Attributes[x]}`, ...): a fixed value
//          that the device cannot choose
// Tokens never contain `/`, `+` or `#`.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "passes/automata/language.h"

namespace iotlint::passes {

/// How witnesses are shown to users.
struct RenderOptions {
  std::string self_name;   ///< SELF's thing name; "SELF" when empty
  std::string other_name;  ///< OTHER's thing name; "OTHER-1" when empty
};

class TokenTable {
 public:
  static constexpr automata::Symbol kSelf = automata::kFirstToken;
  static constexpr automata::Symbol kOther = automata::kFirstToken + 1;

  /// The token of a principal- or admin-bound variable, by its documented name (created on
  /// first use; the same name always yields the same token).
  automata::Symbol valueToken(const std::string& variable_name);
  /// The token of `variable_name` if one was created.
  std::optional<automata::Symbol> findValueToken(const std::string& variable_name) const;
  /// Every value token created so far (not SELF or OTHER), in creation order.
  std::vector<automata::Symbol> valueTokens() const;
  /// SELF, OTHER and every value token: what `?` also matches in may-analysis.
  std::vector<automata::Symbol> allTokens() const;

  std::string render(automata::Symbol symbol, const RenderOptions& options = {}) const;
  /// A word as readable text: bytes as is (non-printable ones as `\xNN`), tokens by render().
  std::string renderWord(std::span<const automata::Symbol> word, const RenderOptions& options = {}) const;

 private:
  std::map<std::string, automata::Symbol> by_name_;
  std::vector<std::string> names_;  ///< names_[i] is the variable of token kFirstToken + 2 + i
};

/// The words of a language in a readable form, for dumps: up to `limit` shortest members.
std::vector<std::string> sampleMembers(const automata::Language& language, const TokenTable& tokens,
                                       std::size_t limit, const RenderOptions& options = {});

}  // namespace iotlint::passes
