#include "passes/checks/check.h"

namespace iotlint::passes {

void runChecks(const CheckContext& context) {
#define CHECK(function) function(context);
#include "passes/checks/checks.def"
#undef CHECK
  (void)context;
}

}  // namespace iotlint::passes
