#include "passes/variables.h"

#include <algorithm>
#include <array>
#include <vector>

#include "ir/text.h"

namespace iotlint::passes {

namespace {

enum class Match : std::uint8_t { kExact, kAttribute, kCertificate };

struct VariableSpec {
  VariableKind kind;
  std::string_view spelling;
  Match match;
  VariableBinding binding;
};

constexpr Match kExact = Match::kExact;
constexpr Match kAttribute = Match::kAttribute;
constexpr Match kCertificate = Match::kCertificate;
constexpr VariableBinding kSelfThing = VariableBinding::kSelfThing;
constexpr VariableBinding kClientId = VariableBinding::kClientId;
constexpr VariableBinding kSharedAdmin = VariableBinding::kSharedAdmin;
constexpr VariableBinding kPrincipal = VariableBinding::kPrincipal;
constexpr VariableBinding kNetwork = VariableBinding::kNetwork;
constexpr VariableBinding kConditionOnly = VariableBinding::kConditionOnly;

constexpr std::array kSpecs = {
#define POLICY_VARIABLE(enumerator, spelling, match, binding) \
  VariableSpec{VariableKind::k##enumerator, spelling, match, binding},
#include "passes/variables.def"
#undef POLICY_VARIABLE
};

// Certificate attribute paths after `iot:Certificate.` [IOT-CVAR].
constexpr std::array<std::string_view, 13> kDistinguishedName = {
    "DistinguishedNameQualifier", "Country", "Organization", "OrganizationalUnit", "State",
    "CommonName", "SerialNumber", "Title", "Surname", "GivenName", "Initials", "Pseudonym",
    "GenerationQualifier"};
constexpr std::array<std::string_view, 5> kAlternativeName = {
    "RFC822Name", "DNSName", "DirectoryName", "UniformResourceIdentifier", "IPAddress"};

std::vector<std::string> certificatePaths() {
  std::vector<std::string> paths = {"SerialNumber", "AvailableKeys"};
  for (std::string_view side : {"Subject.", "Issuer."}) {
    for (auto name : kDistinguishedName) paths.push_back(std::string(side) + std::string(name));
    for (auto name : kAlternativeName) {
      paths.push_back(std::string(side) + "AlternativeName." + std::string(name));
    }
  }
  return paths;
}

const std::vector<std::string>& allCertificatePaths() {
  static const std::vector<std::string> paths = certificatePaths();
  return paths;
}

/// `rest` is a certificate path: a documented path, optionally `.N` (index) or `.List`.
/// Returns {matched, multi_valued}; `compare` decides exact or case-insensitive comparison.
template <typename Compare>
std::optional<bool> matchCertificatePath(std::string_view rest, Compare compare) {
  for (const auto& path : allCertificatePaths()) {
    if (compare(rest, path)) return path == "AvailableKeys";
    if (rest.size() > path.size() + 1 && compare(rest.substr(0, path.size()), path) &&
        rest[path.size()] == '.') {
      const std::string_view suffix = rest.substr(path.size() + 1);
      if (compare(suffix, std::string_view("List"))) return true;
      if (std::all_of(suffix.begin(), suffix.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    }
  }
  return std::nullopt;
}

/// Classifies `name` against the catalog with `compare` (exact or case-insensitive); on success
/// `canonical` receives the documented spelling.
template <typename Compare>
std::optional<VariableClass> lookup(std::string_view name, Compare compare, std::string& canonical) {
  for (const auto& spec : kSpecs) {
    switch (spec.match) {
      case Match::kExact:
        if (compare(name, spec.spelling)) {
          canonical = std::string(spec.spelling);
          return VariableClass{spec.kind, spec.binding, false, {}, false};
        }
        break;
      case Match::kAttribute:
        if (name.size() > spec.spelling.size() + 1 && compare(name.substr(0, spec.spelling.size()), spec.spelling) &&
            name.back() == ']' && name.find(']') == name.size() - 1) {
          canonical = std::string(spec.spelling) + std::string(name.substr(spec.spelling.size()));
          return VariableClass{spec.kind, spec.binding, false, {}, false};
        }
        break;
      case Match::kCertificate:
        if (name.size() > spec.spelling.size() && compare(name.substr(0, spec.spelling.size()), spec.spelling)) {
          if (auto multi = matchCertificatePath(name.substr(spec.spelling.size()), compare)) {
            canonical = std::string(spec.spelling) + std::string(name.substr(spec.spelling.size()));
            return VariableClass{spec.kind, spec.binding, *multi, {}, false};
          }
        }
        break;
    }
  }
  return std::nullopt;
}

}  // namespace

VariableClass classifyVariable(std::string_view name) {
  std::string canonical;
  const auto exact = [](std::string_view a, std::string_view b) { return a == b; };
  if (auto found = lookup(name, exact, canonical)) return *found;

  VariableClass unknown;
  const auto folded = [](std::string_view a, std::string_view b) { return ir::equalsIgnoringCase(a, b); };
  if (lookup(name, folded, canonical)) {
    unknown.suggestion = canonical;
    unknown.case_mismatch = true;
    return unknown;
  }
  // The closest exact-spelled variable (including the common `iot:Thing.ThingName` slip).
  std::size_t best = 4;
  for (const auto& spec : kSpecs) {
    if (spec.match != Match::kExact) continue;
    const std::size_t distance = ir::editDistance(name, spec.spelling);
    if (distance < best) {
      best = distance;
      unknown.suggestion = std::string(spec.spelling);
    }
  }
  if (unknown.suggestion.empty() && name == "iot:Thing.ThingName") {
    unknown.suggestion = "iot:Connection.Thing.ThingName";
  }
  if (unknown.suggestion.empty() && ir::startsWithIgnoringCase(name, "iot:Certificate.")) {
    unknown.suggestion = "iot:Certificate.Subject.CommonName";
  }
  return unknown;
}

std::string_view variableKindName(VariableKind kind) {
  switch (kind) {
#define POLICY_VARIABLE(enumerator, spelling, match, binding) \
  case VariableKind::k##enumerator:                           \
    return #enumerator;
#include "passes/variables.def"
#undef POLICY_VARIABLE
    case VariableKind::kUnknown: return "Unknown";
  }
  return "Unknown";
}

std::string_view bindingName(VariableBinding binding) {
  switch (binding) {
    case VariableBinding::kSelfThing: return "self-thing";
    case VariableBinding::kClientId: return "client-id";
    case VariableBinding::kSharedAdmin: return "shared-admin";
    case VariableBinding::kPrincipal: return "principal";
    case VariableBinding::kNetwork: return "network";
    case VariableBinding::kConditionOnly: return "condition-only";
    case VariableBinding::kUnknown: return "unknown";
  }
  return "unknown";
}

}  // namespace iotlint::passes
