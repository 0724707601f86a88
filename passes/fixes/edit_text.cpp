#include "passes/fixes/edit_text.h"

#include <fmt/format.h>

#include <algorithm>

#include "ir/text.h"

namespace iotlint::passes::fixes {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/// Known from reading the file: scanning the text here, once per fix, made fixing a file of many
/// policies quadratic.
std::string newlineOf(const ir::SourceFile& file) { return file.hasCrlf() ? "\r\n" : "\n"; }

std::uint32_t lineStart(const std::string& text, std::uint32_t offset) {
  while (offset > 0 && text[offset - 1] != '\n' && text[offset - 1] != '\r') --offset;
  return offset;
}

/// The white space that starts the line holding `offset`.
std::string lineIndent(const std::string& text, std::uint32_t offset) {
  std::uint32_t begin = lineStart(text, offset);
  std::uint32_t end = begin;
  while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) ++end;
  return text.substr(begin, end - begin);
}

/// Nothing but white space between the start of its line and `offset`.
bool firstOnLine(const std::string& text, std::uint32_t offset) {
  const std::uint32_t begin = lineStart(text, offset);
  return std::all_of(text.begin() + begin, text.begin() + offset, [](char c) { return c == ' ' || c == '\t'; });
}

std::uint32_t skipSpaceForward(const std::string& text, std::uint32_t offset) {
  while (offset < text.size() && isSpace(text[offset])) ++offset;
  return offset;
}

/// How an object's members are laid out, read from one of its members.
struct Layout {
  bool multiline = false;
  std::string newline = "\n";
  std::string member_indent;  ///< indentation of the object's members
  std::string unit = "  ";    ///< one level of indentation
  std::string colon = ": ";   ///< between a key and its value
  std::string comma = ", ";   ///< between members or items on one line: ", ", or "," in compact JSON
};

Layout layoutOf(const ir::SourceFile& file, std::uint32_t object_begin, ir::SourceRange a_key, ir::SourceRange a_value) {
  const std::string& text = file.contents();
  Layout layout;
  layout.newline = newlineOf(file);
  layout.multiline = firstOnLine(text, a_key.begin);
  if (a_key.end <= a_value.begin && a_value.begin <= text.size()) {
    layout.colon = text.substr(a_key.end, a_value.begin - a_key.end);
    if (ir::findFirstOf(layout.colon, "\r\n") != std::string::npos || layout.colon.find(':') == std::string::npos) {
      layout.colon = ": ";
    }
  }
  if (layout.colon.find(' ') == std::string::npos) layout.comma = ",";
  if (layout.multiline) {
    layout.member_indent = lineIndent(text, a_key.begin);
    const std::string outer = lineIndent(text, object_begin);
    if (layout.member_indent.size() > outer.size() && layout.member_indent.starts_with(outer)) {
      layout.unit = layout.member_indent.substr(outer.size());
    } else {
      layout.unit = layout.member_indent.find('\t') != std::string::npos ? "\t" : "  ";
    }
  }
  return layout;
}

Layout statementLayout(const ir::SourceFile& file, const ir::Statement& statement) {
  // Any member of the statement tells its layout; Action is always there.
  return layoutOf(file, statement.range.begin, statement.actions.key_range, statement.actions.value_range);
}

/// `{ "key": "value" }` nested objects, laid out like `layout` at depth `indent`.
std::string objectText(const Layout& layout, const std::string& indent,
                       const std::vector<std::string>& path, std::string_view value) {
  // path = {"Bool", "iot:...IsAttached"}: {"Bool": {"iot:...": "true"}}
  std::string out;
  if (!layout.multiline) {
    for (const auto& key : path) out += "{" + jsonQuote(key) + layout.colon;
    out += jsonQuote(value);
    for (std::size_t i = 0; i < path.size(); ++i) out += "}";
    return out;
  }
  std::string inner = indent;
  for (const auto& key : path) {
    inner += layout.unit;
    out += "{" + layout.newline + inner + jsonQuote(key) + layout.colon;
  }
  out += jsonQuote(value);
  for (std::size_t i = 0; i < path.size(); ++i) {
    inner.resize(inner.size() - layout.unit.size());
    out += layout.newline + inner + "}";
  }
  return out;
}

/// Inserts a member (`"key": <object>` text) as the first member of the object whose `{` is at
/// `brace`. `member_text` is built by the caller for the indentation returned in `indent`.
std::optional<ir::Edit> insertFirstMember(const ir::SourceFile& file, std::uint32_t brace, const Layout& outer,
                                          const std::vector<std::string>& path, std::string_view value) {
  const std::string& text = file.contents();
  if (brace >= text.size() || text[brace] != '{') return std::nullopt;
  const std::uint32_t next = skipSpaceForward(text, brace + 1);
  if (next >= text.size()) return std::nullopt;
  const bool empty = text[next] == '}';
  Layout layout = outer;
  const bool multiline = !empty && text.substr(brace + 1, next - brace - 1).find('\n') != std::string::npos;
  layout.multiline = outer.multiline && (empty || multiline);
  std::string member_indent;
  if (layout.multiline) {
    member_indent = empty ? lineIndent(text, brace) + layout.unit : lineIndent(text, next);
  }
  std::string member = jsonQuote(path.front()) + layout.colon;
  if (path.size() == 1) {
    member += jsonQuote(value);
  } else {
    member += objectText(layout, member_indent, {path.begin() + 1, path.end()}, value);
  }
  std::string inserted;
  if (layout.multiline) {
    inserted = layout.newline + member_indent + member + (empty ? layout.newline + lineIndent(text, brace) : ",");
    if (empty) return ir::Edit{{brace + 1, next}, inserted};
  } else {
    inserted = member + (empty ? "" : layout.comma);
    if (empty) return ir::Edit{{brace + 1, next}, inserted};
    return ir::Edit{{next, next}, inserted};
  }
  return ir::Edit{{brace + 1, brace + 1}, inserted};
}

/// The `{` of the object value that follows a key (skipping white space and the colon).
std::optional<std::uint32_t> objectAfterKey(const ir::SourceFile& file, ir::SourceRange key) {
  const std::string& text = file.contents();
  std::uint32_t at = skipSpaceForward(text, key.end);
  if (at >= text.size() || text[at] != ':') return std::nullopt;
  at = skipSpaceForward(text, at + 1);
  if (at >= text.size() || text[at] != '{') return std::nullopt;
  return at;
}

bool isPlainString(const ir::SourceFile& file, const ir::PolicyString& string) {
  const std::string_view raw = file.text(string.range);
  return raw.size() >= 2 && raw.front() == '"' && raw.back() == '"';
}

}  // namespace

std::string jsonQuote(std::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(static_cast<unsigned char>(c)));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

ir::Edit replaceInString(const ir::PolicyString& string, std::uint32_t begin, std::uint32_t end, std::string text) {
  return ir::Edit{string.rangeOf(begin, end), std::move(text)};
}

std::optional<std::vector<ir::Edit>> replaceItem(const ir::SourceFile& file, const ir::Statement& statement,
                                                 const ir::StringList& list, std::size_t index,
                                                 const std::vector<std::string>& values) {
  if (index >= list.items.size() || values.empty()) return std::nullopt;
  const ir::PolicyString& item = list.items[index];
  if (!isPlainString(file, item)) return std::nullopt;
  if (values.size() == 1) return std::vector<ir::Edit>{{item.range, jsonQuote(values.front())}};
  const std::string& text = file.contents();
  const Layout layout = statementLayout(file, statement);
  std::string joined;
  if (list.scalar) {
    // A scalar becomes an array: one item per line in a statement written one member per line.
    if (layout.multiline && firstOnLine(text, list.key_range.begin)) {
      const std::string indent = lineIndent(text, list.key_range.begin);
      joined = "[";
      for (std::size_t i = 0; i < values.size(); ++i) {
        joined += (i ? "," : "") + layout.newline + indent + layout.unit + jsonQuote(values[i]);
      }
      return std::vector<ir::Edit>{{item.range, joined + layout.newline + indent + "]"}};
    }
    joined = "[";
    for (std::size_t i = 0; i < values.size(); ++i) joined += (i ? layout.comma : "") + jsonQuote(values[i]);
    return std::vector<ir::Edit>{{item.range, joined + "]"}};
  }
  std::string separator;
  if (firstOnLine(text, item.range.begin)) {
    separator = "," + newlineOf(file) + lineIndent(text, item.range.begin);
  } else if (list.items.size() >= 2) {
    // The array's own separator, e.g. ", " or ",".
    const std::size_t k = index + 1 < list.items.size() ? index : index - 1;
    separator = text.substr(list.items[k].range.end, list.items[k + 1].range.begin - list.items[k].range.end);
    if (ir::findFirstOf(separator, "\r\n") != std::string::npos || separator.find(',') == std::string::npos) separator = layout.comma;
  } else {
    separator = layout.comma;
  }
  for (std::size_t i = 0; i < values.size(); ++i) joined += (i ? separator : "") + jsonQuote(values[i]);
  return std::vector<ir::Edit>{{item.range, joined}};
}

std::optional<std::vector<ir::Edit>> addIsAttached(const ir::SourceFile& file, const ir::Statement& statement) {
  const std::string& text = file.contents();
  if (statement.range.size() < 2 || text[statement.range.begin] != '{' || text[statement.range.end - 1] != '}') {
    return std::nullopt;
  }
  const Layout layout = statementLayout(file, statement);
  const ir::Condition* bool_operator = nullptr;
  for (const auto& condition : statement.conditions) {
    if (ir::asciiLowered(condition.key.value) == ir::asciiLowered(kIsAttachedKey)) {
      const bool is_true = ir::asciiLowered(condition.op.value) == "bool" && condition.values.items.size() == 1 &&
                           ir::asciiLowered(condition.values.items.front().value) == "true";
      if (is_true) return std::vector<ir::Edit>{};
      return std::nullopt;  // a conflicting IsAttached condition: the user's intent is unclear
    }
    if (condition.op.value == "Bool" && bool_operator == nullptr) bool_operator = &condition;
  }
  if (bool_operator != nullptr) {
    const auto brace = objectAfterKey(file, bool_operator->op.range);
    if (!brace) return std::nullopt;
    Layout inner = layout;
    inner.multiline = layout.multiline && firstOnLine(text, bool_operator->key.range.begin);
    auto edit = insertFirstMember(file, *brace, inner, {std::string(kIsAttachedKey)}, "true");
    if (!edit) return std::nullopt;
    return std::vector<ir::Edit>{*edit};
  }
  if (statement.condition_range.size() > 0) {
    if (text[statement.condition_range.begin] != '{') return std::nullopt;
    auto edit = insertFirstMember(file, statement.condition_range.begin, layout, {"Bool", std::string(kIsAttachedKey)}, "true");
    if (!edit) return std::nullopt;
    return std::vector<ir::Edit>{*edit};
  }
  // No Condition: a new last member, after the last value of the statement.
  std::uint32_t last = statement.range.end - 1;
  while (last > statement.range.begin && isSpace(text[last - 1])) --last;
  if (last <= statement.range.begin + 1) return std::nullopt;
  const std::string member_indent = layout.multiline ? layout.member_indent : "";
  std::string inserted = (layout.multiline ? "," + layout.newline + member_indent : layout.comma) + "\"Condition\"" +
                         layout.colon + objectText(layout, member_indent, {"Bool", std::string(kIsAttachedKey)}, "true");
  return std::vector<ir::Edit>{{{last, last}, inserted}};
}

std::optional<ir::Edit> insertStatementAfter(const ir::SourceFile& file, const ir::Policy& policy,
                                             const ir::Statement& statement, const std::vector<NewMember>& members) {
  if (policy.statement_scalar || members.empty()) return std::nullopt;
  const std::string& text = file.contents();
  if (statement.range.size() < 2 || text[statement.range.begin] != '{') return std::nullopt;
  const Layout layout = statementLayout(file, statement);
  const bool statement_on_own_line = firstOnLine(text, statement.range.begin);
  const std::string statement_indent = lineIndent(text, statement.range.begin);
  std::string body = "{";
  for (std::size_t i = 0; i < members.size(); ++i) {
    const auto& member = members[i];
    std::string value;
    if (member.values.size() == 1) {
      value = jsonQuote(member.values.front());
    } else {
      value = "[";
      for (std::size_t v = 0; v < member.values.size(); ++v) value += (v ? layout.comma : "") + jsonQuote(member.values[v]);
      value += "]";
    }
    if (layout.multiline) {
      body += layout.newline + layout.member_indent + jsonQuote(member.key) + layout.colon + value + (i + 1 < members.size() ? "," : "");
    } else {
      body += (i ? layout.comma : "") + jsonQuote(member.key) + layout.colon + value;
    }
  }
  body += layout.multiline ? layout.newline + statement_indent + "}" : "}";
  const std::string separator = statement_on_own_line ? "," + layout.newline + statement_indent : layout.comma;
  return ir::Edit{{statement.range.end, statement.range.end}, separator + body};
}

std::string arnPrefix(std::string_view value) {
  if (!value.starts_with("arn:")) return {};
  std::size_t at = 0;
  for (int colons = 0; colons < 5; ++colons) {
    at = value.find(':', at);
    if (at == std::string_view::npos) return {};
    ++at;
  }
  const std::string_view prefix = value.substr(0, at);
  if (prefix.find("${") != std::string_view::npos) return {};
  return std::string(prefix);
}

std::string policyArnPrefix(const ir::Policy& policy) {
  for (const auto& statement : policy.statements) {
    for (const auto& item : statement.resources.items) {
      std::string prefix = arnPrefix(item.value);
      if (!prefix.empty()) return prefix;
    }
  }
  return "arn:aws:iot:*:*:";
}

std::optional<ResourceAt> findResource(const ir::Policy& policy, ir::SourceRange range) {
  for (std::size_t i = 0; i < policy.statements.size(); ++i) {
    const auto& items = policy.statements[i].resources.items;
    for (std::size_t j = 0; j < items.size(); ++j) {
      if (items[j].range.contains(range)) return ResourceAt{i, j};
    }
  }
  return std::nullopt;
}

std::optional<std::size_t> findStatement(const ir::Policy& policy, ir::SourceRange range) {
  for (std::size_t i = 0; i < policy.statements.size(); ++i) {
    if (policy.statements[i].range.contains(range)) return i;
  }
  return std::nullopt;
}

}  // namespace iotlint::passes::fixes
