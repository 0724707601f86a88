// tests/unit/tools/fix_property_test.cpp: fixing generated policies (semantics.md §6, the D3 fix
// harness): after fixing, no overly permissive grant remains, the fixed document parses, a second
// run changes nothing, and SELF gets the same answer as before on its own resources.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <random>

#include "passes/eval.h"
#include "passes/fixes/fixes.h"
#include "tools/iotlint/fixer.h"

namespace iotlint::tools {
namespace {

struct Family {
  std::string_view action;
  std::vector<std::string> resources;  ///< after `arn:aws:iot:us-east-1:123456789012:`
};

const std::vector<Family>& families() {
  static const std::vector<Family> all = {
      {"iot:Connect", {"client/*", "client/${iot:ClientId}", "client/${iot:Connection.Thing.ThingName}", "client/sensor-001"}},
      {"iot:Publish",
       {"topic/$aws/things/*/shadow/update", "topic/$aws/things/+/shadow/update", "topic/$aws/things/*",
        "topic/$aws/things/${iot:Connection.Thing.ThingName}/*", "topic/sensors/data", "topic/$aws/things/pump-7/shadow/get"}},
      {"iot:Subscribe",
       {"topicfilter/$aws/things/*/shadow/#", "topicfilter/$aws/things/+/shadow/update/accepted",
        "topicfilter/$aws/things/${iot:Connection.Thing.ThingName}/#", "topicfilter/sensors/+"}},
      {"iot:Receive", {"topic/$aws/things/*", "topic/sensors/*"}},
      {"iot:GetThingShadow", {"thing/*", "thing/${iot:Connection.Thing.ThingName}", "thing/pump-7", "thing/?*"}},
      {"iot:UpdateThingShadow", {"thing/*", "thing/${iot:Connection.Thing.ThingName}"}},
  };
  return all;
}

/// SELF's own resources, one per family: the answer for them must not change.
const std::vector<std::pair<std::string, std::string>>& ownRequests() {
  static const std::vector<std::pair<std::string, std::string>> all = {
      {"iot:Connect", "client/dev-1"},
      {"iot:Publish", "topic/$aws/things/dev-1/shadow/update"},
      {"iot:Subscribe", "topicfilter/$aws/things/dev-1/shadow/update/accepted"},
      {"iot:Receive", "topic/$aws/things/dev-1/shadow/update/accepted"},
      {"iot:GetThingShadow", "thing/dev-1"},
      {"iot:UpdateThingShadow", "thing/dev-1"},
  };
  return all;
}

std::string quote(std::string_view text) { return "\"" + std::string(text) + "\""; }

/// A random policy in a random layout: one line, two-space, tab or CRLF; scalars or arrays.
std::string generate(std::mt19937& random) {
  const auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };
  const int layout = static_cast<int>(pick(4));
  const std::string nl = layout == 0 ? "" : layout == 3 ? "\r\n" : "\n";
  const std::string unit = layout == 0 ? "" : layout == 2 ? "\t" : "  ";
  const std::string sep = layout == 0 ? " " : "";
  const auto in = [&](int depth) {
    std::string out;
    for (int i = 0; i < depth; ++i) out += unit;
    return out;
  };
  std::string text = "{" + nl + in(1) + "\"Version\": \"2012-10-17\"," + sep + nl + in(1) + "\"Statement\": [";
  const std::size_t statements = 1 + pick(3);
  for (std::size_t s = 0; s < statements; ++s) {
    const Family& family = families()[pick(families().size())];
    std::vector<std::string> resources;
    const std::size_t count = 1 + pick(2);
    for (std::size_t r = 0; r < count; ++r) {
      resources.push_back(quote("arn:aws:iot:us-east-1:123456789012:" + family.resources[pick(family.resources.size())]));
    }
    if (pick(6) == 0) resources = {quote("*")};
    std::string resource_text;
    if (resources.size() == 1 && pick(2) == 0) {
      resource_text = resources.front();
    } else {
      resource_text = "[";
      for (std::size_t r = 0; r < resources.size(); ++r) resource_text += (r ? ", " : "") + resources[r];
      resource_text += "]";
    }
    const std::string action = pick(2) == 0 ? quote(family.action) : "[" + quote(family.action) + "]";
    text += (s ? "," + sep : std::string()) + nl + in(2) + "{" + nl + in(3) + "\"Effect\": \"Allow\"," + sep + nl + in(3) +
            "\"Action\": " + action + "," + sep + nl + in(3) + "\"Resource\": " + resource_text + nl + in(2) + "}";
  }
  text += nl + in(1) + "]" + nl + "}" + nl;
  return text;
}

passes::Decision decide(const ir::Policy& policy, const std::string& action, const std::string& resource) {
  passes::EvalRequest request;
  request.action = action;
  request.resource = "arn:aws:iot:us-east-1:123456789012:" + resource;
  request.thing_name = "dev-1";
  return passes::evaluate(policy, request).decision;
}

TEST(FixProperty, GeneratedPoliciesAreFixedSafelyAndOnce) {
  FixSettings settings;
  settings.input.format = frontend::InputFormat::kPolicy;
  settings.unsafe = true;
  std::mt19937 random(20261128);
  constexpr int kCases = 60;
  int fixed_cases = 0;
  for (int i = 0; i < kCases; ++i) {
    const std::string text = generate(random);
    SCOPED_TRACE(text);
    const FixOutcome outcome = fixToFixpoint("generated.json", text, settings);
    EXPECT_TRUE(outcome.converged);
    if (outcome.fixed != text) ++fixed_cases;
    // The fixed document parses, into one policy, without structural findings.
    const FileAnalysis after = analyzeText("generated.json", outcome.fixed, settings);
    ASSERT_EQ(after.policies.size(), 1U) << outcome.fixed;
    for (const auto& d : after.diagnostics) {
      EXPECT_FALSE(ir::ruleInfo(d.rule).id.starts_with("IL1")) << d.message << "\n" << outcome.fixed;
      EXPECT_NE(d.rule, ir::RuleId::kOverlyPermissive) << d.message << "\n" << outcome.fixed;
    }
    // No grant reaches another device any more.
    const FileAnalysis before = analyzeText("generated.json", text, settings);
    ASSERT_EQ(before.policies.size(), 1U);
    const passes::GrantComparison comparison = passes::compareGrants(before.policies.front(), after.policies.front());
    ASSERT_TRUE(comparison.comparable) << comparison.reason;
    EXPECT_TRUE(comparison.no_longer_broad) << outcome.fixed;
    EXPECT_TRUE(comparison.subset) << comparison.reason << "\n" << outcome.fixed;
    // Idempotent.
    const FixOutcome again = fixToFixpoint("generated.json", outcome.fixed, settings);
    EXPECT_EQ(again.fixed, outcome.fixed);
    EXPECT_EQ(again.applied, 0U);
    // SELF gets the same answer on its own resources. For Subscribe, the fix may turn a wildcard
    // filter (`$aws/things/+/...`) into SELF's own filter, so SELF's own filter may become allowed
    // where only the wildcard was: there, an ALLOW must stay an ALLOW.
    for (const auto& [action, resource] : ownRequests()) {
      const passes::Decision was = decide(before.policies.front(), action, resource);
      const passes::Decision now = decide(after.policies.front(), action, resource);
      if (action == "iot:Subscribe" && was == passes::Decision::kDeny) continue;
      EXPECT_EQ(was, now) << action << " " << resource << "\n" << outcome.fixed;
    }
  }
  EXPECT_GT(fixed_cases, kCases / 2) << "the generator should produce mostly broad policies";
}

/// Each finding's rule and location, in report order.
std::vector<std::string> findingsOf(const FileAnalysis& analysis) {
  std::vector<std::string> out;
  for (const auto& d : analysis.diagnostics) {
    out.push_back(fmt::format("{} {}-{}", ir::ruleInfo(d.rule).id, d.range.begin, d.range.end));
  }
  return out;
}

TEST(FixProperty, FindingsWithoutWitnessesAreTheFindingsWithWitnesses) {
  // Verification re-analyses a fixed text without witnesses (fixer.cpp, analyzeForVerdict) and
  // judges it by which rules report where: the same findings as a full analysis.
  std::mt19937 random(20261130);
  frontend::InputOptions input;
  input.format = frontend::InputFormat::kPolicy;
  passes::AnalysisOptions without;
  without.need_witnesses = false;
  std::size_t broad = 0;
  for (int i = 0; i < 200; ++i) {
    std::string text = generate(random);
    // Half of them deny what their first statement names, under the other statements' Allows.
    if (i % 2 == 1) text.replace(text.find("\"Allow\""), 7, "\"Deny\"");
    SCOPED_TRACE(text);
    const FileAnalysis full = analyzeSource("generated.json", text, input, {});
    const FileAnalysis lean = analyzeSource("generated.json", text, input, without);
    EXPECT_EQ(findingsOf(lean), findingsOf(full));
    for (const auto& d : full.diagnostics) broad += d.rule == ir::RuleId::kOverlyPermissive ? 1 : 0;
  }
  EXPECT_GT(broad, 100U) << "the generator should produce mostly broad policies";
}

/// What verification decided for each finding in `range`: its fixes (safety, description) and notes.
std::vector<std::string> verdictsWithin(const std::vector<ir::Diagnostic>& diagnostics, ir::SourceRange range) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) {
    if (!range.contains(d.range)) continue;
    std::string line = std::string(ir::ruleInfo(d.rule).id) + " " + d.message;
    for (const auto& fix : d.fixes) line += fmt::format(" | fix {} {}", static_cast<int>(fix.safety), fix.description);
    for (const auto& note : d.notes) line += " | note " + note.message;
    out.push_back(std::move(line));
  }
  return out;
}

/// `texts` as one file: a JSON array of documents (an account export), or a CloudFormation
/// template with one AWS::IoT::Policy each.
std::string oneFileOf(const std::vector<std::string>& texts, bool template_file) {
  std::string out = template_file ? "{\"Resources\": {\n" : "[\n";
  for (std::size_t i = 0; i < texts.size(); ++i) {
    out += i ? ",\n" : "";
    out += template_file ? fmt::format("\"Policy{}\": {{\"Type\": \"AWS::IoT::Policy\", \"Properties\": {{\"PolicyDocument\": {}}}}}", i, texts[i])
                         : texts[i];
  }
  return out + (template_file ? "}}\n" : "]\n");
}

TEST(FixProperty, ManyPoliciesInOneFileGetTheVerdictsEachGetsAlone) {
  // A file of many policies does not re-read the whole file for each candidate (fixer.cpp): an
  // array of documents verifies each candidate on its own document (verifyOnOwnDocument), a
  // template verifies the candidates of different policies together (verifyTogether). Either way,
  // each must be judged as if its policy were alone in a file.
  FixSettings settings;  // the format detected: an array of documents is read as many policies
  std::mt19937 random(20261129);
  std::vector<std::string> texts;
  for (int i = 0; i < 40; ++i) texts.push_back(generate(random));
  std::vector<std::vector<std::string>> expected;
  std::size_t fixes = 0;
  for (const std::string& text : texts) {
    FileAnalysis alone = analyzeText("one.json", text, settings);
    ASSERT_EQ(alone.policies.size(), 1U);
    verifyFixes(alone, alone.diagnostics, settings);
    expected.push_back(verdictsWithin(alone.diagnostics, alone.policies.front().range));
    for (const auto& d : alone.diagnostics) fixes += d.fixes.size();
  }
  EXPECT_GT(fixes, texts.size()) << "the generator should produce policies with verified fixes";
  for (const bool template_file : {false, true}) {
    SCOPED_TRACE(template_file ? "template" : "array");
    const std::string text = oneFileOf(texts, template_file);
    FileAnalysis together = analyzeText("many.json", text, settings);
    ASSERT_EQ(together.format, template_file ? frontend::InputFormat::kCloudFormation : frontend::InputFormat::kPolicy);
    ASSERT_EQ(together.policies.size(), texts.size()) << (together.diagnostics.empty() ? "" : together.diagnostics.front().message);
    verifyFixes(together, together.diagnostics, settings);
    for (std::size_t i = 0; i < texts.size(); ++i) {
      SCOPED_TRACE(texts[i]);
      EXPECT_EQ(verdictsWithin(together.diagnostics, together.policies[i].range), expected[i]);
    }
  }
}

TEST(FixProperty, AFixThatBreaksItsDocumentInAnArrayIsRefused) {
  // On its own document, a candidate must still read as one policy without a syntax error, so
  // that the rest of the array reads as before; one that does not is refused, as it is when the
  // whole file is re-read.
  const std::string document = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iot:Connect", "Resource": "*"}]})";
  const std::string array = "[\n" + document + ",\n" + document + "\n]\n";
  FixSettings settings;
  FileAnalysis analysis = analyzeText("many.json", array, settings);
  ASSERT_EQ(analysis.policies.size(), 2U);
  const auto broad = std::find_if(analysis.diagnostics.begin(), analysis.diagnostics.end(),
                                  [](const ir::Diagnostic& d) { return d.rule == ir::RuleId::kOverlyPermissive; });
  ASSERT_NE(broad, analysis.diagnostics.end());
  ASSERT_FALSE(broad->fixes.empty());
  // The candidate closes the document early: `{"Version": ...}]}` followed by the rest.
  const ir::SourceRange document_range = analysis.policies.front().range;
  broad->fixes.resize(1);
  broad->fixes.front().edits = {{{document_range.begin + 1, document_range.begin + 1}, "}, {"}};
  verifyFixes(analysis, analysis.diagnostics, settings);
  EXPECT_TRUE(broad->fixes.empty());
  ASSERT_FALSE(broad->notes.empty());
  EXPECT_NE(broad->notes.back().message.find("does not read as the same policies"), std::string::npos) << broad->notes.back().message;
}

TEST(FixProperty, AFileOfManyPoliciesGetsTheSameReportOnSeveralThreads) {
  // Its policies are analysed, and its verification rounds run, on several threads
  // (fixer.cpp, analyzeSource and verifyTogether); the report must not depend on it.
  std::mt19937 random(20261131);
  std::string array = "[\n";
  for (int i = 0; i < 100; ++i) array += (i ? ",\n" : "") + generate(random);
  array += "]\n";
  std::vector<std::string> reports;
  for (const unsigned jobs : {1U, 2U, 3U}) {
    FixSettings settings;
    settings.jobs = jobs;
    FileAnalysis analysis = analyzeText("many.json", array, settings);
    ASSERT_EQ(analysis.policies.size(), 100U);
    verifyFixes(analysis, analysis.diagnostics, settings);
    const auto verdicts = verdictsWithin(analysis.diagnostics, ir::SourceRange{0, static_cast<std::uint32_t>(array.size())});
    std::string report;
    for (std::size_t i = 0; i < verdicts.size(); ++i) {
      report += fmt::format("{}-{} {}\n", analysis.diagnostics[i].range.begin, analysis.diagnostics[i].range.end, verdicts[i]);
    }
    reports.push_back(std::move(report));
  }
  EXPECT_NE(reports[0].find("| fix"), std::string::npos) << "the generator should produce policies with verified fixes";
  EXPECT_EQ(reports[1], reports[0]);
  EXPECT_EQ(reports[2], reports[0]);
}

}  // namespace
}  // namespace iotlint::tools
