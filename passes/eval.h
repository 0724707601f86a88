// passes/eval.h: concrete evaluation of one request against one policy (`iotlint eval`).
//
// Unlike coverage, nothing is approximated: the request's values are substituted for the
// policy variables and each resource is glob-matched against the request's ARN, exactly as AWS
// IoT evaluates it: an explicit Deny wins over any Allow; without an Allow the request is
// implicitly denied. A condition iotlint cannot decide from the request (a certificate field,
// the source IP) is assumed to hold for an Allow and not to hold for a Deny, and the
// explanation says so.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ir/policy.h"

namespace iotlint::passes {

struct EvalRequest {
  std::string action;    ///< e.g. `iot:Publish` (case-insensitive)
  std::string resource;  ///< the full ARN, e.g. `arn:aws:iot:us-east-1:123456789012:topic/a`
  /// SELF's thing name (`${iot:Connection.Thing.ThingName}`); none: the connection has no thing.
  std::optional<std::string> thing_name;
  /// The MQTT client id (`${iot:ClientId}`); defaults to the thing name.
  std::optional<std::string> client_id;
  bool attached = true;  ///< `iot:Connection.Thing.IsAttached`
};

enum class Decision : std::uint8_t { kAllow, kDeny };

struct DecidingStatement {
  std::uint32_t index = 0;
  std::string sid;          ///< empty when the statement has none
  ir::SourceRange range;    ///< the statement object
  std::string matched;      ///< which resource matched (or "NotResource")
};

struct EvalResult {
  Decision decision = Decision::kDeny;
  bool implicit = false;  ///< denied because no statement allows it
  /// The Deny statements that override (decision DENY), or the Allow statements that match.
  std::vector<DecidingStatement> statements;
  std::vector<std::string> assumptions;  ///< undecidable conditions, unresolved variables
  std::vector<std::string> notes;        ///< e.g. the request's resource type cannot match the action
  std::string explanation;               ///< human-readable, deterministic; see formatEvalResult
};

EvalResult evaluate(const ir::Policy& policy, const EvalRequest& request);

}  // namespace iotlint::passes
