#include "passes/resource_pattern.h"

#include <algorithm>
#include <array>

namespace iotlint::passes {

namespace {

using Kind = PatternAtom::Kind;

PatternAtom byteAtom(char c) { return {Kind::kByte, c, 0}; }

void appendLiteralGlob(Pattern& out, std::string_view text, bool wildcards) {
  for (char c : text) {
    if (wildcards && c == '*') {
      out.push_back({Kind::kAnySequence, 0, 0});
    } else if (wildcards && c == '?') {
      out.push_back({Kind::kAnyOne, 0, 0});
    } else {
      out.push_back(byteAtom(c));
    }
  }
}

/// Derivative of a glob by one byte: the globs matching { w | c w in L(glob) }.
//    d_c([])        = {}
//    d_c(b g)       = {g} if b == c, else {}
//    d_c(? g)       = {g}
//    d_c(* g)       = {* g} U d_c(g)
//    d_c(${v} g)    = {}      (a variable never spells the ARN's TYPE)
void derive(const Pattern& glob, std::size_t from, char c, std::vector<Pattern>& out) {
  if (from >= glob.size()) return;
  const PatternAtom& atom = glob[from];
  switch (atom.kind) {
    case Kind::kByte:
      if (atom.byte == c) out.emplace_back(glob.begin() + static_cast<std::ptrdiff_t>(from) + 1, glob.end());
      return;
    case Kind::kAnyOne:
      out.emplace_back(glob.begin() + static_cast<std::ptrdiff_t>(from) + 1, glob.end());
      return;
    case Kind::kAnySequence:
      out.emplace_back(glob.begin() + static_cast<std::ptrdiff_t>(from), glob.end());
      derive(glob, from + 1, c, out);
      return;
    case Kind::kVariable:
      return;
  }
}

void dedupe(std::vector<Pattern>& patterns) {
  std::vector<Pattern> unique;
  for (auto& p : patterns) {
    if (std::find(unique.begin(), unique.end(), p) == unique.end()) unique.push_back(std::move(p));
  }
  patterns = std::move(unique);
}

bool isStarOnly(const Pattern& p) {
  return !p.empty() && std::all_of(p.begin(), p.end(), [](const PatternAtom& a) { return a.kind == Kind::kAnySequence; });
}

}  // namespace

std::vector<ir::StringPart> splitPolicyString(std::string_view value) {
  using PartKind = ir::StringPart::Kind;
  std::vector<ir::StringPart> parts;
  std::size_t i = 0;
  std::string literal;
  std::size_t literal_begin = 0;
  const auto flush = [&](std::size_t end) {
    if (!literal.empty()) {
      parts.push_back({PartKind::kLiteral, literal, static_cast<std::uint32_t>(literal_begin), static_cast<std::uint32_t>(end)});
      literal.clear();
    }
  };
  while (i < value.size()) {
    const char c = value[i];
    if (c == '$' && i + 1 < value.size() && value[i + 1] == '{') {
      const std::size_t close = value.find('}', i + 2);
      if (close != std::string_view::npos && close > i + 2) {
        flush(i);
        const std::string_view inner = value.substr(i + 2, close - i - 2);
        const bool escape = inner == "*" || inner == "?" || inner == "$";
        parts.push_back({escape ? PartKind::kEscape : PartKind::kVariable, std::string(inner),
                         static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(close + 1)});
        i = close + 1;
        literal_begin = i;
        continue;
      }
    }
    if (c == '*' || c == '?') {
      flush(i);
      parts.push_back({c == '*' ? PartKind::kAnySequence : PartKind::kAnyOne, std::string(1, c),
                       static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + 1)});
      ++i;
      literal_begin = i;
      continue;
    }
    if (literal.empty()) literal_begin = i;
    literal += c;
    ++i;
  }
  flush(value.size());
  return parts;
}

ResolvedString resolveString(const ir::PolicyString& string, ir::PolicyVersion version) {
  using PartKind = ir::StringPart::Kind;
  const bool legacy = version != ir::PolicyVersion::kV2012;
  const std::vector<ir::StringPart> split = string.parts.empty() ? splitPolicyString(string.value) : std::vector<ir::StringPart>{};
  const std::vector<ir::StringPart>& parts = string.parts.empty() ? split : string.parts;

  ResolvedString result;
  for (const auto& part : parts) {
    switch (part.kind) {
      case PartKind::kLiteral:
        appendLiteralGlob(result.atoms, part.text, false);
        break;
      case PartKind::kAnySequence:
        result.atoms.push_back({Kind::kAnySequence, 0, 0});
        break;
      case PartKind::kAnyOne:
        result.atoms.push_back({Kind::kAnyOne, 0, 0});
        break;
      case PartKind::kEscape:
      case PartKind::kVariable: {
        if (legacy) {
          // Literal text: the raw `${...}` exactly as written, wildcards inside still wildcards.
          const auto end = std::min<std::size_t>(part.end, string.value.size());
          const auto begin = std::min<std::size_t>(part.begin, end);
          appendLiteralGlob(result.atoms, std::string_view(string.value).substr(begin, end - begin), true);
          result.legacy_literal = true;
        } else if (part.kind == PartKind::kEscape) {
          if (!part.text.empty()) result.atoms.push_back(byteAtom(part.text[0]));
        } else {
          const auto index = static_cast<std::uint32_t>(result.variables.size());
          result.variables.push_back({part.text, classifyVariable(part.text), string.rangeOf(part.begin, part.end)});
          result.atoms.push_back({Kind::kVariable, 0, index});
        }
        break;
      }
    }
  }
  return result;
}

ParsedResource parseResource(const ResolvedString& resource) {
  ParsedResource parsed;
  const Pattern& atoms = resource.atoms;
  if (isStarOnly(atoms)) {
    parsed.form = ParsedResource::Form::kStar;
    parsed.resource_part = atoms;
    return parsed;
  }
  constexpr std::string_view kArnPrefix = "arn:";
  if (atoms.size() < kArnPrefix.size()) return parsed;
  for (std::size_t i = 0; i < kArnPrefix.size(); ++i) {
    if (atoms[i].kind != Kind::kByte || atoms[i].byte != kArnPrefix[i]) return parsed;
  }
  // Segments: partition, service, region, account, then the resource part (which may hold ':').
  std::array<Pattern, 4> segments;
  std::size_t segment = 0;
  std::size_t i = kArnPrefix.size();
  for (; i < atoms.size() && segment < 4; ++i) {
    if (atoms[i].kind == Kind::kByte && atoms[i].byte == ':') {
      ++segment;
      continue;
    }
    if (atoms[i].kind == Kind::kVariable) parsed.misplaced_variables.push_back(atoms[i].variable);
    segments[segment].push_back(atoms[i]);
  }
  if (segment < 4) {
    // Fewer than five colons: only a trailing `*` can still reach past the colons [IAM-RES].
    if (segments[segment].empty() || segments[segment].back().kind != Kind::kAnySequence) return parsed;
    parsed.resource_part = {{Kind::kAnySequence, 0, 0}};
  } else {
    parsed.resource_part.assign(atoms.begin() + static_cast<std::ptrdiff_t>(i), atoms.end());
  }
  if (!parsed.misplaced_variables.empty()) {
    parsed.form = ParsedResource::Form::kMisplacedVariable;
    return parsed;
  }
  const bool partition_ok = globMatches(segments[0], "aws") || globMatches(segments[0], "aws-cn") ||
                            globMatches(segments[0], "aws-us-gov");
  const bool service_ok = segment < 1 || globMatches(segments[1], "iot");
  parsed.form = partition_ok && service_ok ? ParsedResource::Form::kArn : ParsedResource::Form::kNotIot;
  return parsed;
}

std::vector<Pattern> namesForType(const ParsedResource& resource, ResourceType type) {
  switch (resource.form) {
    case ParsedResource::Form::kStar:
    case ParsedResource::Form::kArn:
      break;
    case ParsedResource::Form::kMalformed:
    case ParsedResource::Form::kNotIot:
    case ParsedResource::Form::kMisplacedVariable:
      return {};
  }
  if (type == ResourceType::kAll) {
    if (isStarOnly(resource.resource_part)) return {{{Kind::kAnySequence, 0, 0}}};
    return {};
  }
  std::string prefix(resourceTypePrefix(type));
  prefix += '/';
  // Most resources spell their type out (`topic/...`): while the atoms are bytes, each derivative
  // is a comparison, and a mismatch leaves nothing.
  const Pattern& part = resource.resource_part;
  std::size_t spelled = 0;
  for (; spelled < prefix.size() && spelled < part.size() && part[spelled].kind == Kind::kByte; ++spelled) {
    if (part[spelled].byte != prefix[spelled]) return {};
  }
  std::vector<Pattern> current = {Pattern(part.begin() + static_cast<std::ptrdiff_t>(spelled), part.end())};
  for (char c : std::string_view(prefix).substr(spelled)) {
    std::vector<Pattern> next;
    for (const auto& glob : current) derive(glob, 0, c, next);
    dedupe(next);
    current = std::move(next);
    if (current.empty()) break;
  }
  return current;
}

bool globMatches(const Pattern& pattern, std::string_view text) {
  std::size_t p = 0;
  std::size_t t = 0;
  std::size_t star = std::string_view::npos;
  std::size_t resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p].kind == Kind::kAnyOne ||
                               (pattern[p].kind == Kind::kByte && pattern[p].byte == text[t]))) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p].kind == Kind::kAnySequence) {
      star = p++;
      resume = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p].kind == Kind::kAnySequence) ++p;
  return p == pattern.size();
}

std::string patternText(const Pattern& pattern, const std::vector<VariableUse>& variables) {
  std::string text;
  for (const auto& atom : pattern) {
    switch (atom.kind) {
      case Kind::kByte:
        if (atom.byte == '*' || atom.byte == '?') {
          text += "${";
          text += atom.byte;
          text += '}';
        } else {
          text += atom.byte;
        }
        break;
      case Kind::kAnySequence: text += '*'; break;
      case Kind::kAnyOne: text += '?'; break;
      case Kind::kVariable:
        text += "${";
        text += atom.variable < variables.size() ? variables[atom.variable].name : std::string("?");
        text += '}';
        break;
    }
  }
  return text;
}

std::size_t resourcePartBegin(const ir::PolicyString& resource) {
  const std::vector<ir::StringPart> split = resource.parts.empty() ? splitPolicyString(resource.value) : std::vector<ir::StringPart>{};
  const std::vector<ir::StringPart>& parts = resource.parts.empty() ? split : resource.parts;
  int colons = 0;
  for (const auto& part : parts) {
    if (part.kind != ir::StringPart::Kind::kLiteral) continue;
    for (std::size_t i = 0; i < part.text.size(); ++i) {
      if (part.text[i] == ':' && ++colons == 5) return part.begin + i + 1;
    }
  }
  return std::string::npos;
}

}  // namespace iotlint::passes
