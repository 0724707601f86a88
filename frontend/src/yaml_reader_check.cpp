#include "frontend/src/yaml_reader_check.h"

#include <yaml-cpp/yaml.h>

#include "frontend/src/json_reader_check.h"
#include "frontend/src/yaml_text.h"

namespace iotlint::frontend {

namespace {

/// The tree from yaml-cpp's node graph: iotlint's YAML reader before libyaml, kept as the reference.
class YamlCppBuilder {
 public:
  explicit YamlCppBuilder(const ir::SourceFile& file) : file_(file), text_(file) {}

  /// Thrown past 200,000 values: aliases of aliases, which the reference expands without limit.
  struct TooManyValues {};

  JsonValue build(const YAML::Node& node, std::uint32_t depth) {
    if (++values_ > 200'000) throw TooManyValues{};
    const std::uint32_t start = startOf(node);
    return text_.tagged(node.Tag(), start, buildUntagged(node, depth, text_.afterProperties(start)));
  }

 private:
  std::uint32_t startOf(const YAML::Node& node) const {
    const int pos = node.Mark().pos;
    return pos < 0 ? 0 : std::min(static_cast<std::uint32_t>(pos), file_.size());
  }

  JsonValue buildUntagged(const YAML::Node& node, std::uint32_t depth, std::uint32_t start) {
    if (depth > kMaxYamlDepth) {
      JsonValue empty;
      empty.range = {start, start};
      return empty;
    }
    switch (node.Type()) {
      case YAML::NodeType::Scalar:
        return text_.scalar(start, node.Scalar(), node.Tag() == "?");
      case YAML::NodeType::Map: {
        JsonValue mapping = YamlText::collection(JsonValue::Kind::kObject, start);
        std::uint32_t end = start;
        for (auto it = node.begin(); it != node.end(); ++it) {
          JsonMember member;
          member.key = text_.key(text_.afterProperties(startOf(it->first)), it->first.IsScalar() ? it->first.Scalar() : std::string());
          member.value = it->second.IsNull() ? YamlText::nullAfter(member.key.range.end) : build(it->second, depth + 1);
          end = std::max({end, member.key.range.end, member.value.range.end});
          YamlText::addMember(mapping, std::move(member));
        }
        text_.closeCollection(mapping, end);
        return mapping;
      }
      case YAML::NodeType::Sequence: {
        JsonValue sequence = YamlText::collection(JsonValue::Kind::kArray, start);
        std::uint32_t end = start;
        for (auto it = node.begin(); it != node.end(); ++it) {
          sequence.elements.push_back(build(*it, depth + 1));
          end = std::max(end, sequence.elements.back().range.end);
        }
        text_.closeCollection(sequence, end);
        return sequence;
      }
      default:
        return YamlText::nullAfter(start);
    }
  }

  const ir::SourceFile& file_;
  YamlText text_;
  std::size_t values_ = 0;
};

std::optional<JsonValue> readWithYamlCpp(const ir::SourceFile& file) {
  if (file.size() > kMaxYamlFileBytes) return std::nullopt;
  YAML::Node root;
  try {
    root = YAML::Load(file.contents());
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
  if (!root.IsMap() && !root.IsSequence()) return std::nullopt;
  try {
    return YamlCppBuilder(file).build(root, 0);
  } catch (const YamlCppBuilder::TooManyValues&) {
    return std::nullopt;
  }
}

}  // namespace

YamlReaderComparison compareYamlReaders(std::string_view bytes) {
  YamlReaderComparison comparison;
  const ir::SourceFile file("compare.yaml", std::string(bytes));
  ir::DiagnosticEngine diagnostics;
  const std::optional<JsonValue> libyaml = parseYaml(file, diagnostics, true);
  comparison.libyaml_read = libyaml.has_value();
  // Texts iotlint refuses at its limits (aliases that expand too far, nesting past 256 levels) are
  // not given to yaml-cpp, which would copy the aliases without end.
  const auto& found = diagnostics.diagnostics();
  if (!found.empty() && (found.front().rule == ir::RuleId::kNestingTooDeep ||
                         found.front().message.find("aliases expand") != std::string::npos)) {
    return comparison;
  }
  const std::optional<JsonValue> yaml_cpp = readWithYamlCpp(file);
  comparison.yaml_cpp_read = yaml_cpp.has_value();
  bool lone_carriage_return = false;
  for (std::size_t i = bytes.find('\r'); i != std::string_view::npos; i = bytes.find('\r', i + 1)) {
    lone_carriage_return = lone_carriage_return || i + 1 == bytes.size() || bytes[i + 1] != '\n';
  }
  comparison.compared = libyaml && yaml_cpp && !bytes.starts_with("\xEF\xBB\xBF") && !lone_carriage_return;
  if (comparison.compared) comparison.mismatch = compareJsonTrees(*libyaml, *yaml_cpp, "$");
  return comparison;
}

}  // namespace iotlint::frontend
