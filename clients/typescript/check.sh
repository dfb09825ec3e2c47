#!/usr/bin/env bash
# Usage: clients/typescript/check.sh DOC_PATH
#
# Checks that a TypeScript client can use the API through the OpenAPI document DOC_PATH without casts:
#   1. npm ci (the pinned typescript, openapi-typescript and openapi-fetch of package-lock.json)
#   2. openapi-typescript DOC_PATH -> generated/strata.d.ts
#   3. purity.mjs: src/scenario.ts has no any, casts, non-null assertions or @ts- directives
#   4. tsc --strict -p tsconfig.json: the scenario compiles against the generated types (error count printed)
#   5. coverage.mjs: the scenario calls every operation (method + path) of the document
# Exits non-zero when any step fails; steps 3–5 all run so that one run reports everything.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 DOC_PATH" >&2
  exit 2
fi
if [[ ! -f "$1" ]]; then
  echo "check.sh: no OpenAPI document at $1" >&2
  exit 2
fi
doc="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
cd "$(dirname "${BASH_SOURCE[0]}")"

npm ci --no-audit --no-fund --loglevel=error >/dev/null

mkdir -p generated
# Defaults do not make a property required: in this API they are C# default parameter values of request records
# (UpdateRoleRequest.clearParent), which a client may omit.
node_modules/.bin/openapi-typescript "$doc" --output generated/strata.d.ts --default-non-nullable=false >/dev/null

failed=0

node purity.mjs src/scenario.ts || failed=1

if tsc_output="$(node_modules/.bin/tsc -p tsconfig.json --strict --pretty false 2>&1)"; then
  echo "tsc: 0 errors"
else
  echo "$tsc_output"
  errors="$(grep -cE ': error TS[0-9]+:' <<<"$tsc_output" || true)"
  echo "tsc: ${errors} error(s)"
  failed=1
fi

node coverage.mjs "$doc" src/scenario.ts || failed=1

if [[ $failed -ne 0 ]]; then
  echo "check.sh: FAILED against $doc" >&2
  exit 1
fi
echo "check.sh: passed against $doc"
