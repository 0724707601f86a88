// bench/corpus.cpp: the policy generator (see corpus.h).
#include "bench/corpus.h"

#include <algorithm>
#include <array>
#include <random>
#include <string_view>

namespace iotlint::bench {

namespace {

constexpr std::size_t kPolicyLimit = 2048;  // characters, the AWS IoT limit on a policy document

constexpr std::array<std::string_view, 4> kRegions = {"us-east-1", "eu-west-1", "ap-southeast-2", "eu-central-1"};
constexpr std::array<std::string_view, 6> kTopics = {"telemetry", "status", "events", "commands", "config", "alerts"};
constexpr std::array<std::string_view, 4> kShadowOps = {"get", "update", "delete", "update/delta"};

class Generator {
 public:
  explicit Generator(std::uint32_t seed) : random_(seed) {}

  std::string policy(std::size_t target) {
    const std::size_t roll = pick(100);
    const bool broad = roll < CorpusMix::kBroad;
    const bool variables = pick(100) < CorpusMix::kVariables;
    const bool deny = pick(100) < CorpusMix::kDeny;
    const bool conditions = pick(100) < CorpusMix::kConditions;
    if (pick(100) < CorpusMix::kLarge) target = kPolicyLimit - 60;
    arn_ = "arn:aws:iot:" + std::string(kRegions[pick(kRegions.size())]) + ":" + account() + ":";
    thing_ = variables && pick(2) == 0 ? "${iot:ClientId}" : "${iot:Connection.Thing.ThingName}";

    std::vector<std::string> statements;
    statements.push_back(connect(broad && pick(2) == 0));
    statements.push_back(publish(broad));
    if (broad) statements.push_back(subscribe(broad));
    if (deny) statements.push_back(denyStatement());
    if (conditions) statements.back() = withCondition(statements.back());
    std::string text = document(statements);
    // Grow with more device topics (a realistic way policies get long) up to the target size.
    for (bool first = true;; first = false) {
      std::string more = first && !broad ? subscribe(false) : extraStatement();
      if (pick(4) == 0 && conditions) more = withCondition(more);
      std::vector<std::string> grown = statements;
      grown.insert(grown.end() - (deny ? 1 : 0), more);
      std::string candidate = document(grown);
      if (candidate.size() > target || candidate.size() > kPolicyLimit) break;
      statements = std::move(grown);
      text = std::move(candidate);
    }
    return text;
  }

 private:
  std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_); }

  std::string account() {
    std::string digits;
    for (int i = 0; i < 12; ++i) digits += static_cast<char>('0' + pick(10));
    return digits;
  }

  std::string topic() const { return std::string(kTopics[topic_index_ % kTopics.size()]); }

  static std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

  static std::string statement(std::string_view effect, const std::vector<std::string>& actions,
                               const std::vector<std::string>& resources) {
    const auto list = [](const std::vector<std::string>& items) {
      if (items.size() == 1) return quoted(items.front());
      std::string out = "[";
      for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + quoted(items[i]);
      return out + "]";
    };
    return "    {\n      \"Effect\": \"" + std::string(effect) + "\",\n      \"Action\": " + list(actions) +
           ",\n      \"Resource\": " + list(resources) + "\n    }";
  }

  std::string connect(bool broad) {
    return statement("Allow", {"iot:Connect"}, {arn_ + (broad ? "client/*" : "client/" + thing_)});
  }

  std::string publish(bool broad) {
    if (broad && pick(3) == 0) return statement("Allow", {"iot:*"}, {"*"});
    std::vector<std::string> resources;
    resources.push_back(arn_ + "topic/" + (broad ? "devices/*" : "devices/" + thing_ + "/" + topic()));
    ++topic_index_;
    if (pick(4) == 0) resources.push_back(arn_ + "topic/$aws/things/" + thing_ + "/shadow/" + std::string(kShadowOps[pick(4)]));
    return statement("Allow", {"iot:Publish"}, resources);
  }

  std::string subscribe(bool broad) {
    const std::string filter = broad ? "topicfilter/$aws/things/+/shadow/#" : "topicfilter/devices/" + thing_ + "/commands";
    const std::string topic = broad ? "topic/$aws/things/*/shadow/*" : "topic/devices/" + thing_ + "/commands";
    return statement("Allow", {"iot:Subscribe", "iot:Receive"}, {arn_ + filter, arn_ + topic});
  }

  std::string denyStatement() {
    return statement("Deny", {"iot:Publish", "iot:Subscribe"},
                     {arn_ + "topic/$aws/things/" + thing_ + "/jobs/*", arn_ + "topicfilter/admin/#"});
  }

  std::string extraStatement() {
    const std::string t = topic();
    ++topic_index_;
    switch (pick(4)) {
      case 0: return statement("Allow", {"iot:Publish"}, {arn_ + "topic/devices/" + thing_ + "/" + t});
      case 1:
        return statement("Allow", {"iot:Subscribe"}, {arn_ + "topicfilter/devices/" + thing_ + "/" + t + "/+"});
      case 2: return statement("Allow", {"iot:Receive"}, {arn_ + "topic/devices/" + thing_ + "/" + t + "/*"});
      default:
        return statement("Allow", {"iot:GetThingShadow", "iot:UpdateThingShadow"},
                         {arn_ + "thing/" + thing_});
    }
  }

  std::string withCondition(const std::string& statement) {
    const std::string condition =
        pick(2) == 0 ? R"("Condition": {"Bool": {"iot:Connection.Thing.IsAttached": "true"}})"
                     : R"("Condition": {"ForAnyValue:StringLike": {"iot:Connection.Thing.ThingTypeName": ["sensor-*", "gateway"]}})";
    const std::size_t end = statement.rfind("\n    }");
    return statement.substr(0, end) + ",\n      " + condition + statement.substr(end);
  }

  static std::string document(const std::vector<std::string>& statements) {
    std::string text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n";
    for (std::size_t i = 0; i < statements.size(); ++i) text += statements[i] + (i + 1 < statements.size() ? ",\n" : "\n");
    return text + "  ]\n}\n";
  }

  std::mt19937 random_;
  std::string arn_;
  std::string thing_;
  std::size_t topic_index_ = 0;
};

}  // namespace

std::vector<std::string> generateCorpus(const CorpusOptions& options) {
  Generator generator(options.seed);
  std::mt19937 sizes(options.seed ^ 0x5bd1e995U);
  // Sizes spread around the typical size (and a few reach the limit, CorpusMix::kLarge).
  std::uniform_real_distribution<double> spread(0.7, 1.3);
  std::vector<std::string> policies;
  policies.reserve(options.count);
  for (std::size_t i = 0; i < options.count; ++i) {
    const auto target = static_cast<std::size_t>(static_cast<double>(options.typical_bytes) * spread(sizes));
    policies.push_back(generator.policy(std::min(target, kPolicyLimit)));
  }
  return policies;
}

namespace {

std::string adversarialDocument(const std::string& statements) {
  return "{\"Version\": \"2012-10-17\", \"Statement\": [" + statements + "]}\n";
}

std::string adversarialStatement(std::string_view effect, std::string_view actions, const std::string& resources,
                                 std::string_view resource_key = "Resource") {
  return "{\"Effect\": \"" + std::string(effect) + "\", \"Action\": " + std::string(actions) + ", \"" +
         std::string(resource_key) + "\": " + resources + "}";
}

}  // namespace

std::vector<AdversarialPolicy> generateAdversarial() {
  const std::string arn = "arn:aws:iot:us-east-1:123456789012:";
  const std::string every_action = R"(["iot:Connect", "iot:Publish", "iot:Subscribe", "iot:Receive", "iot:GetThingShadow"])";
  std::vector<AdversarialPolicy> out;
  const auto run = [](std::string_view unit, std::size_t times) {
    std::string text;
    for (std::size_t i = 0; i < times; ++i) text += unit;
    return text;
  };
  // One resource that is nothing but wildcards, up to the policy size limit.
  out.push_back({"wildcard-run-900", adversarialDocument(adversarialStatement(
                                         "Allow", every_action, "\"" + arn + "topic/" + run("*?", 900) + "\""))});
  // Wildcards between letters (no run to collapse, every `*` a loop state of its own), allowed
  // and partly denied again: products and complements of long languages.
  out.push_back({"wildcards-between-letters",
                 adversarialDocument(adversarialStatement("Allow", "\"iot:*\"", "\"" + arn + "topic/" + run("a*b?", 300) + "\"") +
                                     ", " +
                                     adversarialStatement("Deny", "\"iot:Publish\"", "\"" + arn + "topic/" + run("*a?", 150) + "*\""))});
  // Wildcards between literal levels and variables: many distinct NFA states per resource.
  {
    std::string resources = "[";
    for (int r = 0; r < 10; ++r) {
      std::string pattern = arn + "topic/";
      for (int level = 0; level < 12; ++level) {
        pattern += (level % 3 == 0 ? "*" : level % 3 == 1 ? "${iot:ClientId}?" : "a*b?c");
        pattern += "/";
      }
      resources += (r ? ", \"" : "\"") + pattern + std::to_string(r) + "\"";
    }
    resources += "]";
    out.push_back({"wildcards-and-variables", adversarialDocument(adversarialStatement("Allow", every_action, resources))});
  }
  // Hundreds of statements, each with its own wildcard pattern, half of them Deny.
  {
    std::string statements;
    for (int s = 0; s < 300; ++s) {
      const std::string resource =
          "\"" + arn + (s % 2 ? "topic/" : "topicfilter/") + "fleet/" + std::to_string(s) + "/*/x?" + std::to_string(s % 7) + "/*\"";
      statements += (s ? ", " : "") + adversarialStatement(s % 2 ? "Deny" : "Allow", every_action, resource);
    }
    out.push_back({"statements-300", adversarialDocument(statements)});
  }
  // NotResource over wildcard patterns: complements of long languages.
  {
    std::string resources = "[";
    for (int r = 0; r < 40; ++r) resources += (r ? ", \"" : "\"") + arn + "topic/" + run("*a?", 20) + std::to_string(r) + "\"";
    resources += "]";
    out.push_back({"not-resource-wildcards", adversarialDocument(adversarialStatement("Allow", every_action, resources, "NotResource"))});
  }
  // A Deny whose complement has no small automaton (a letter 20 places from the end, after a
  // `*`: 2^20 subsets) under a broad Allow: the subscribed topics of the difference hit the
  // determinisation cap, once per check that asks. Found by fixer_fuzz.
  out.push_back({"deny-exponential-complement",
                 adversarialDocument(adversarialStatement("Allow", "\"iot:Subscribe\"", "\"" + arn + "topicfilter/*\"") + ", " +
                                     adversarialStatement("Deny", "\"iot:Subscribe\"",
                                                          "\"" + arn + "topicfilter/*a" + run("?", 9) + "s" + run("?", 10) + "\""))});
  // The deepest nesting the frontend accepts (64 levels), inside a condition value.
  out.push_back({"nesting-60", adversarialDocument("{\"Effect\": \"Allow\", \"Action\": \"iot:Connect\", \"Resource\": \"" + arn +
                                                   "client/${iot:ClientId}\", \"Condition\": {\"StringEquals\": {\"iot:ClientId\": " +
                                                   run("[", 56) + "\"x\"" + run("]", 56) + "}}}")});
  // Files crafted against the readers: nesting that would exhaust a recursive parser's stack (or,
  // in libyaml, take time quadratic in the depth), and aliases that expand without end.
  out.push_back({"json-brackets-100000", "{\"Statement\": " + run("[", 100'000) + "}"});
  out.push_back({"terraform-brackets-100000", "resource \"aws_iot_policy\" \"p\" {\n  policy = " + run("[", 100'000) + "\n}\n", ".tf"});
  out.push_back({"yaml-brackets-100000", "Resources: " + run("[", 100'000) + "\n", ".yaml"});
  {
    std::string aliases = "Resources:\n  a0: &a0 [x, x, x, x, x, x, x, x, x]\n";
    for (int level = 1; level <= 9; ++level) {
      const std::string previous = "*a" + std::to_string(level - 1);
      aliases += "  a" + std::to_string(level) + ": &a" + std::to_string(level) + " [" + previous;
      for (int k = 1; k < 9; ++k) aliases += ", " + previous;
      aliases += "]\n";
    }
    out.push_back({"yaml-aliases-9-levels", aliases, ".yaml"});
  }
  return out;
}

}  // namespace iotlint::bench
