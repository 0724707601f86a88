#!/usr/bin/env bash
# tools/sarif-validate/run.sh: validate iotlint reports offline.
#
#   tools/sarif-validate/run.sh REPORT...
#
# Every REPORT is checked against its JSON schema with ajv (validate.js): *.sarif against the official
# SARIF 2.1.0 schema ($SARIF_SCHEMA, default ../shared/schemas/sarif-schema-2.1.0.json next to the
# repository), anything else against docs/json-report.schema.json. Each *.sarif is then checked by the
# SARIF Multitool with the SARIF and GitHub (Ghas) rule sets. The Multitool exits 0 even when it
# reports errors, so its output log is judged by validate.js. Exits non-zero on any problem.
# Needs: node, and `npm ci` run in this directory.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
sarif_schema=${SARIF_SCHEMA:-$repo/../shared/schemas/sarif-schema-2.1.0.json}

if [ $# -eq 0 ]; then
  echo "usage: $0 REPORT..." >&2
  exit 2
fi
if [ ! -d "$here/node_modules" ]; then
  echo "$0: no node_modules; run: npm ci --prefix $here" >&2
  exit 2
fi
if [ ! -f "$sarif_schema" ]; then
  echo "$0: no SARIF schema at $sarif_schema (set SARIF_SCHEMA)" >&2
  exit 2
fi

status=0
node "$here/validate.js" --sarif-schema "$sarif_schema" "$@" || status=1

multitool=$(cd "$here" && node -p 'require("@microsoft/sarif-multitool-linux")')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The self-contained .NET binary needs ICU unless globalization is invariant; it needs none here.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
for report in "$@"; do
  case "$report" in *.sarif) ;; *) continue ;; esac
  echo "$report: SARIF Multitool (rule kinds Sarif;Ghas)"
  # Called directly, not through the npm bin.js wrapper, which would split "Sarif;Ghas" in a shell.
  if ! "$multitool" validate "$report" --rule-kind "Sarif;Ghas" --level "Error;Warning;Note" -c "$here/multitool-offline.xml" \
      -o "$work/validation.sarif" --log ForceOverwrite >"$work/multitool.out" 2>&1; then
    cat "$work/multitool.out" >&2
    status=1
    continue
  fi
  if [ ! -s "$work/validation.sarif" ]; then
    cat "$work/multitool.out" >&2
    echo "$report: the Multitool wrote no log" >&2
    status=1
    continue
  fi
  node "$here/validate.js" --multitool-log "$work/validation.sarif" || status=1
done
exit $status
