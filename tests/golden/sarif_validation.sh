#!/usr/bin/env bash
# ctest sarif_validation: iotlint's SARIF and JSON reports for the bundled examples and for every
# golden input, validated against the official SARIF 2.1.0 schema, GitHub's ingestion rules
# (SARIF Multitool) and docs/json-report.schema.json.
# Usage: sarif_validation.sh IOTLINT REPO_ROOT OUTPUT_DIR SARIF_SCHEMA
# Without node, the npm packages or the schema the test is skipped (exit 77), except in CI
# (CI=true), where a missing validator is a failure: CI must never pass by validating nothing.
set -euo pipefail
iotlint=$1 repo=$2 out=$3 schema=$4
validate_dir=$repo/tools/sarif-validate
skip() {
  if [ "${CI:-}" = "true" ]; then echo "FAILED: $* (required in CI)"; exit 1; fi
  echo "SKIPPED: $*"; exit 77
}
command -v node >/dev/null 2>&1 || skip "node is not installed"
[ -d "$validate_dir/node_modules" ] || skip "no $validate_dir/node_modules (run: npm ci --prefix $validate_dir)"
[ -f "$schema" ] || skip "no SARIF schema at $schema"

mkdir -p "$out"
cd "$repo"
# Regular files only: a golden case may be a link to a device file (the size-limit case).
mapfile -t inputs < <(find examples tests/golden/rules tests/golden/check -type f \
  \( -name '*.json' -o -name '*.yaml' -o -name '*.yml' -o -name '*.tf' -o -name '*.template' \) | sort)
for format in sarif json; do
  status=0
  "$iotlint" check --format "$format" -o "$out/report.$format" "${inputs[@]}" || status=$?
  if [ "$status" -ne 1 ]; then echo "iotlint check --format $format exited $status, expected 1 (findings)"; exit 1; fi
done
"$iotlint" check --format sarif -o "$out/clean.sarif" examples/device-scoped.json
echo "validating reports for ${#inputs[@]} inputs"
SARIF_SCHEMA=$schema "$validate_dir/run.sh" "$out/report.sarif" "$out/clean.sarif" "$out/report.json"
# A second consumer: regions read back with UTF-16 columns, as editors do, must cover the text
# iotlint says they cover.
node "$validate_dir/render.js" --check "$out/report.sarif" > "$out/rendered.txt" || { tail -20 "$out/rendered.txt"; exit 1; }
tail -1 "$out/rendered.txt"
