// tests/unit/passes/test_policy.h: parse a policy from text for the passes' tests.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "frontend/parse.h"
#include "ir/diagnostic.h"
#include "ir/policy.h"
#include "ir/source.h"

namespace iotlint::passes::testing {

struct ParsedPolicy {
  std::unique_ptr<ir::SourceFile> file;
  ir::Policy policy;
  ir::DiagnosticEngine frontend_diagnostics;
};

inline std::unique_ptr<ParsedPolicy> parse(const std::string& json) {
  auto parsed = std::make_unique<ParsedPolicy>();
  parsed->file = std::make_unique<ir::SourceFile>("test.json", json);
  auto policy = frontend::parsePolicy(*parsed->file, parsed->frontend_diagnostics);
  if (policy) parsed->policy = std::move(*policy);
  return parsed;
}

/// A 2012-10-17 policy with the given statements (JSON text of the array's items).
inline std::string policyOf(const std::string& statements, const std::string& version = "2012-10-17") {
  std::string text = "{";
  if (!version.empty()) text += "\"Version\": \"" + version + "\", ";
  return text + "\"Statement\": [" + statements + "]}";
}

/// The ARN prefix of the tests' account and region.
inline constexpr std::string_view kArn = "arn:aws:iot:us-east-1:123456789012:";

/// `name` (e.g. `topic/a/b`) as a quoted resource ARN, ready for statement().
inline std::string res(std::string_view name) { return "\"" + std::string(kArn) + std::string(name) + "\""; }

inline std::string statement(const std::string& effect, const std::string& actions, const std::string& resources,
                             const std::string& extra = "") {
  return "{\"Effect\": \"" + effect + "\", \"Action\": " + actions + ", \"Resource\": " + resources +
         (extra.empty() ? "" : ", " + extra) + "}";
}

}  // namespace iotlint::passes::testing
