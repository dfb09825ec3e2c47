#!/usr/bin/env bash
# C# client check: generates a client from the API's OpenAPI document with Kiota (the repo's local dotnet tool) and
# compiles it with Usage.cs, warnings as errors for Usage.cs (the repo's Directory.Build.props).
#   usage: clients/csharp/check.sh DOC_PATH      (from anywhere; DOC_PATH is the OpenAPI JSON/YAML file)
# Exits non-zero when Kiota fails or reports an error, when it warns about the document (unless KIOTA_WARNINGS_OK=1),
# or when the build fails. Generated/ is cleaned first and is git-ignored.
set -euo pipefail

if [ "$#" -ne 1 ] || [ ! -f "$1" ]; then
  echo "usage: $0 DOC_PATH (an existing OpenAPI document)" >&2
  exit 2
fi
doc="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Kiota: no update check (KIOTA_OFFLINE_ENABLED), no telemetry, no hints, no colours in CI logs.
export KIOTA_OFFLINE_ENABLED=true KIOTA_CLI_TELEMETRY_OPTOUT=true KIOTA_TUTORIAL_ENABLED=false KIOTA_CONSOLE_COLORS_ENABLED=false

echo "== kiota generate ($doc)"
dotnet tool restore >/dev/null
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
dotnet kiota generate -l csharp -d "$doc" -o Generated --clean-output --exclude-backward-compatible \
  --class-name StrataClient --namespace-name Strata.Client --log-level Warning >"$log" 2>&1
kiota_status=$?
set -e
cat "$log"
if [ "$kiota_status" -ne 0 ]; then
  echo "kiota generate failed ($kiota_status)." >&2
  exit "$kiota_status"
fi
# Kiota logs each problem it finds as "warn: …" / "fail: …" followed by the message, and may still exit 0 (it does
# for a document it cannot parse): an error is always fatal, a warning unless KIOTA_WARNINGS_OK=1.
errors=$(grep -cE '^(fail|crit):' "$log" || true)
warnings=$(grep -cE '^warn:' "$log" || true)
if [ "$errors" -gt 0 ]; then
  echo "Kiota reported $errors error(s) reading the OpenAPI document (above)." >&2
  exit 1
fi
if [ "$warnings" -gt 0 ] && [ "${KIOTA_WARNINGS_OK:-0}" != 1 ]; then
  echo "Kiota reported $warnings warning(s) about the OpenAPI document (above); fix the document, or set KIOTA_WARNINGS_OK=1 to let them pass." >&2
  exit 1
fi

echo "== dotnet build Strata.Client.Check"
dotnet build Strata.Client.Check.csproj -nologo -v quiet -p:TreatWarningsAsErrors=true
