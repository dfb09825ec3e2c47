#!/usr/bin/env bash
# Where the API's resident memory goes under load, and what a runtime setting changes (P8's evidence).
#
#   LOAD_KEEP_DATABASE=1 bench/load/run.sh --quick      # once: builds, and leaves strata_load with its data
#   bench/load/memory.sh LABEL [NAME=VALUE ...]         # then per setting, e.g. DOTNET_GCgen0size=0x400000
#
# Starts the Release API built by run.sh (or API_DIR) on strata_load with run.sh's settings plus the given
# environment, signs up a member with a workspace, warms up each route of run.sh (health 5 s, workspace 10 s, part
# 10 s), then samples VmRSS every 0.2 s while the part route runs 10 s at -c32 and 10 s at -c8. Prints one line:
# idle, peak, threads, requests/s, /health/live requests/s after, and /proc/PID/smaps_rollup at the end; then the
# largest mappings (the unnamed ones are the GC heap and native memory; memfd:doublemapper is JIT code, stubs and type
# data, double-mapped for W^X). PostgreSQL: PGHOST/PGPORT, STRATA_BENCH_OWNER, STRATA_BENCH_APP as in run.sh.
set -euo pipefail
label="${1:?usage: memory.sh LABEL [NAME=VALUE ...]}"; shift
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=settings.sh
source "$here/settings.sh"
api_dir="${API_DIR:-$here/../../src/Strata.Api/bin/Release/net10.0}"
base="http://127.0.0.1:$strata_port"
work="$(mktemp -d)"; pid=""; sampler=""
trap '[[ -n "$sampler" ]] && kill "$sampler" 2>/dev/null; [[ -n "$pid" ]] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

api_settings "$work" "$strata_port"
part="$(PGPASSWORD="${owner#*:}" psql -h "$pghost" -p "$pgport" -U "${owner%%:*}" -d "$database" -Atc "SELECT public_id FROM catalog.parts LIMIT 1")"
[[ -n "$part" ]] || { echo "no part in $database: run LOAD_KEEP_DATABASE=1 bench/load/run.sh --quick first" >&2; exit 1; }

(cd "$api_dir" && exec env "$@" ASPNETCORE_URLS="$base" dotnet Strata.Api.dll) >"$work/api.log" 2>&1 &
pid=$!
for _ in $(seq 1 200); do curl -sf "$base/health/live" >/dev/null 2>&1 && break; sleep 0.3; done
kib() { awk -v key="$1" '$1 == key":" { printf "%d", $2 / 1024 }' "/proc/$pid/status"; }
rps() { awk '/Requests\/sec/ { printf "%d", $2 }'; }
idle="$(kib VmRSS)"
email="member-$RANDOM$RANDOM@load.example"
token="$(curl -sf -X POST -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"load test password\",\"name\":\"Member\"}" "$base/auth/sign-up" | jq -r .session.token)"
workspace="$(curl -sf -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $token" -d "{\"name\":\"Memory\",\"slug\":\"memory-$RANDOM$RANDOM\"}" "$base/workspaces" | jq -r .id)"
wrk -t2 -c32 -d5s "$base/health/live" >/dev/null
wrk -t2 -c32 -d10s -H "Authorization: Bearer $token" "$base/workspaces/$workspace" >/dev/null
wrk -t2 -c32 -d10s "$base/catalog/parts/$part" >/dev/null
(while kill -0 "$pid" 2>/dev/null; do awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status"; sleep 0.2; done) >"$work/rss" &
sampler=$!
c32="$(wrk -t2 -c32 -d10s "$base/catalog/parts/$part" | rps)"
c8="$(wrk -t2 -c8 -d10s "$base/catalog/parts/$part" | rps)"
kill "$sampler"; sampler=""
health="$(wrk -t2 -c32 -d5s "$base/health/live" | rps)"
rollup="$(awk '/^(Rss|Anonymous|Shared_Clean|Private_Clean|Private_Dirty):/ { printf "%s %d MB, ", $1, $2 / 1024 }' "/proc/$pid/smaps_rollup")"
echo "$label: idle $idle MB, peak $(sort -n "$work/rss" | tail -1) MB, threads $(awk '/^Threads/ { print $2 }' "/proc/$pid/status"), part $c32 req/s (-c32) $c8 (-c8), /health/live $health req/s; ${rollup%, }"
awk '/^[0-9a-f]+-[0-9a-f]+ / { name = ($6 == "" ? "(anonymous)" : $6) } /^Rss:/ { rss[name] += $2 }
  END { for (n in rss) if (rss[n] >= 2048) printf "  %6d MB  %s\n", rss[n] / 1024, n }' "/proc/$pid/smaps" | sort -rn | head -8
