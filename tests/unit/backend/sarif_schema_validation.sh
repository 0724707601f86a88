#!/bin/sh
# ctest sarif_schema_validation: write the sample reports, then validate them with tools/sarif-validate.
# Usage: sarif_schema_validation.sh SARIF_SAMPLE OUTPUT_DIR SARIF_VALIDATE_DIR SARIF_SCHEMA
# Exits 77 (ctest: skipped) when a prerequisite is missing.
set -eu
sample=$1 out=$2 validate_dir=$3 schema=$4
# In CI (CI=true) a missing validator is a failure: CI must never pass by validating nothing.
skip() {
  if [ "${CI:-}" = "true" ]; then echo "FAILED: $* (required in CI)"; exit 1; fi
  echo "SKIPPED: $*"; exit 77
}
command -v node >/dev/null 2>&1 || skip "node is not installed"
[ -d "$validate_dir/node_modules" ] || skip "no $validate_dir/node_modules (run: npm ci --prefix $validate_dir)"
[ -f "$schema" ] || skip "no SARIF schema at $schema"
"$sample" "$out"
SARIF_SCHEMA=$schema exec "$validate_dir/run.sh" "$out/sample.sarif" "$out/clean.sarif" "$out/sample.json"
