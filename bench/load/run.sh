#!/usr/bin/env bash
# The HTTP load ratios of issue 14 — P2, P2a, P2b and P8 — against raw baselines measured in the same run.
#
#   bench/load/run.sh [--quick]
#
# Builds the API, the CLI and the raw baseline (bench/Strata.Load.Baseline) in Release; recreates the PostgreSQL
# database strata_load; migrates and seeds it with the strata CLI and creates the administrator there; starts the API
# (Production, PostgreSQL, application role strata_app) and creates the data through its HTTP API (a part with a
# three-level category path, 10 tags, 10 alternatives recorded from both sides and 5 fitments; a signed-up user with
# a session token and a workspace); then runs the API and the baseline in turn — never both at once — and for each
# route warms up, runs `wrk -t2 -c32` (and -c8 for the part; a 10 s timeout, so slow answers count in the latencies
# instead of vanishing as timeouts), samples the server's resident memory during the part load and, for the API, the
# Npgsql pool after the load and Npgsql's command count per request. Prints the ratio table (markdown) and details.
#
# Settings (environment): LOAD_SECONDS (default 10; 3 with --quick), LOAD_WARMUP_SECONDS (10; 1 with --quick),
# LOAD_THREADS (2), LOAD_STRATA_PORT (5100), LOAD_RAW_PORT (5101), LOAD_DATABASE (strata_load), LOAD_KEEP_DATABASE=1
# to keep it afterwards, LOAD_OUTPUT=FILE to keep the raw results (tab-separated), LOAD_LOGS=DIR to keep the servers'
# and the CLI's logs. PostgreSQL: PGHOST/PGPORT
# (localhost:5432), the owner role STRATA_BENCH_OWNER and the application role STRATA_BENCH_APP ("user:password";
# strata_owner:strata_owner and strata_app:strata_app, the development roles of scripts/postgres-dev-setup.sh).
#
# Exit status 1 when a route answered anything but 2xx under load or the baseline's JSON differs from Strata's (the
# ratio would compare different work). Timings belong here and in docs/performance.md, never in tests.
set -euo pipefail

quick=false
for argument in "$@"; do
  case "$argument" in
    --quick) quick=true ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $argument (try --help)" >&2; exit 2 ;;
  esac
done

# The warm-up lets tiered compilation finish before anything is measured: the runtime recompiles hot methods with
# profile data in the background, and an app with more code takes longer to get there (Strata's /health/live answered
# ~14 000 requests/s 4 s after start and ~58 000 after 30 s on the same build; the bare baseline is there in seconds).
if $quick; then seconds="${LOAD_SECONDS:-3}"; warmup="${LOAD_WARMUP_SECONDS:-1}"; else seconds="${LOAD_SECONDS:-10}"; warmup="${LOAD_WARMUP_SECONDS:-10}"; fi
threads="${LOAD_THREADS:-2}"
raw_port="${LOAD_RAW_PORT:-5101}"

here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=settings.sh
source "$here/settings.sh"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
server_pid=""
sampler_pid=""
created_database=false
problems=0

owner_psql() { PGOPTIONS="--client-min-messages=warning" PGPASSWORD="${owner#*:}" psql -q -v ON_ERROR_STOP=1 -h "$pghost" -p "$pgport" -U "${owner%%:*}" -d postgres "$@"; }

stop_sampler() {
  if [[ -n "$sampler_pid" ]]; then kill "$sampler_pid" 2>/dev/null || true; wait "$sampler_pid" 2>/dev/null || true; sampler_pid=""; fi
}

stop_server() {
  stop_sampler
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=""; fi
}

cleanup() {
  stop_server
  if $created_database && [[ "${LOAD_KEEP_DATABASE:-}" != 1 ]]; then
    owner_psql -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

step() { echo "== $*" >&2; }

# ---------------------------------------------------------------- tools and builds
missing=()
for tool in wrk jq curl openssl psql; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if ((${#missing[@]})); then
  packages=("${missing[@]/psql/postgresql-client}")
  step "installing ${packages[*]}"
  sudo_cmd=(); [[ "$(id -u)" == 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get install -y -qq "${packages[@]}" >/dev/null 2>&1 \
    || { "${sudo_cmd[@]}" apt-get update -qq && "${sudo_cmd[@]}" apt-get install -y -qq "${packages[@]}" >/dev/null; }
fi

for project in src/Strata.Api src/Strata.Cli bench/Strata.Load.Baseline; do
  step "building $project (Release)"
  dotnet build "$root/$project" -c Release -v quiet -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
done
api_dir="$root/src/Strata.Api/bin/Release/net10.0"
cli_dir="$root/src/Strata.Cli/bin/Release/net10.0"
raw_dir="$root/bench/Strata.Load.Baseline/bin/Release/net10.0"

# ---------------------------------------------------------------- database and configuration
step "recreating database $database"
owner_psql -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database" >/dev/null
created_database=true

api_settings "$work" "$strata_port"

strata() { (cd "$cli_dir" && dotnet Strata.Cli.dll "$@"); }
admin_email="admin@load.example"
password="load test password"
step "strata db migrate, db seed, users create-admin"
strata db migrate >"$work/cli.log" 2>&1 || { cat "$work/cli.log" >&2; exit 1; }
strata db seed >>"$work/cli.log" 2>&1 || { cat "$work/cli.log" >&2; exit 1; }
echo "$password" | strata users create-admin --email "$admin_email" --name "Load administrator" --password-stdin >>"$work/cli.log" 2>&1 \
  || { cat "$work/cli.log" >&2; exit 1; }

# ---------------------------------------------------------------- servers
start_server() { # name, directory, assembly, port, readiness path
  (cd "$2" && ASPNETCORE_URLS="http://127.0.0.1:$4" exec dotnet "$3") >"$work/$1.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$4$5" >/dev/null 2>&1 && return 0
    kill -0 "$server_pid" 2>/dev/null || { echo "$1 exited during start-up:" >&2; cat "$work/$1.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "$1 did not answer $5 within 120 s" >&2; exit 1
}

# Resident memory of the server, sampled every 0.2 s while a load runs; VmHWM adds the kernel's own peak.
start_sampler() {
  (while kill -0 "$server_pid" 2>/dev/null; do awk '/^VmRSS/ { print $2 }' "/proc/$server_pid/status"; sleep 0.2; done) >"$work/rss" 2>/dev/null &
  sampler_pid=$!
}
sampled_peak_mb() { stop_sampler; sort -n "$work/rss" | tail -1 | awk '{ printf "%.0f", $1 / 1024 }'; }
# The server's CPU time so far (user + system, in clock ticks): fields 14 and 15 of /proc/PID/stat, after the name.
clock_ticks="$(getconf CLK_TCK)"
cpu_ticks() { sed 's/.*) //' "/proc/$server_pid/stat" | awk '{ print $12 + $13 }'; }
hwm_mb() { awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$server_pid/status"; }

# ---------------------------------------------------------------- data through the HTTP API
base="http://127.0.0.1:$strata_port"
call() { # method, path, [JSON body], [token] → body on stdout; fails on anything but 2xx
  local arguments=(-sS -o "$work/body" -w '%{http_code}' -X "$1" -H 'Content-Type: application/json')
  [[ -n "${3:-}" ]] && arguments+=(--data "$3")
  [[ -n "${4:-}" ]] && arguments+=(-H "Authorization: Bearer $4")
  local status
  status="$(curl "${arguments[@]}" "$base$2")"
  [[ "$status" == 2* ]] || { echo "$1 $2 answered $status: $(cat "$work/body")" >&2; exit 1; }
  cat "$work/body"
}

step "starting the API (Production, PostgreSQL, strata_app) and creating the data over HTTP"
start_server strata "$api_dir" Strata.Api.dll "$strata_port" /health/ready
admin="$(call POST /auth/sign-in "{\"email\":\"$admin_email\",\"password\":\"$password\"}" | jq -r .session.token)"
maker="$(call GET '/catalog/manufacturers?search=Honda&limit=1' | jq -r '.items[0].id')"
root_category="$(call POST /catalog/categories '{"name":"Brakes"}' "$admin" | jq -r .id)"
middle_category="$(call POST /catalog/categories "{\"name\":\"Discs and pads\",\"parentId\":\"$root_category\"}" "$admin" | jq -r .id)"
category="$(call POST /catalog/categories "{\"name\":\"Front pads\",\"parentId\":\"$middle_category\"}" "$admin" | jq -r .id)"
part="$(call POST /catalog/parts "{\"manufacturerId\":\"$maker\",\"partNumber\":\"45022-SDA-A00\",\"name\":\"Front brake pad set\",\
\"categoryId\":\"$category\",\"description\":\"Ceramic pads for the front axle.\",\
\"attributes\":{\"thicknessMm\":17.5,\"material\":\"ceramic\",\"wearSensor\":true},\"partName\":\"Brake pad set\"}" "$admin" | jq -r .id)"
kinds=(oem aftermarket interchange)
for i in $(seq 1 10); do
  other="$(call POST /catalog/parts "{\"manufacturerId\":\"$maker\",\"partNumber\":\"ALT-$i\",\"name\":\"Alternative pad set $i\",\"categoryId\":\"$category\"}" "$admin" | jq -r .id)"
  # Half recorded from each side: the detail reads alternatives in both directions.
  if ((i % 2)); then from="$part" to="$other"; else from="$other" to="$part"; fi
  call POST "/catalog/parts/$from/alternatives" "{\"alternativePartId\":\"$to\",\"kind\":\"${kinds[i % 3]}\"}" "$admin" >/dev/null
done
call PUT "/catalog/parts/$part/tags" '{"tags":["brakes","front","ceramic","low dust","oem fit","quiet","winter","summer","performance","eco"]}' "$admin" >/dev/null
model="$(call POST /catalog/models "{\"manufacturerId\":\"$maker\",\"name\":\"Civic\"}" "$admin" | jq -r .id)"
for year in 2001 2004 2007 2010 2013; do
  variation="$(call POST /catalog/variations "{\"modelId\":\"$model\",\"yearFrom\":$year,\"yearTo\":$((year + 2)),\"trim\":\"EX\",\"engine\":\"1.8 i-VTEC\",\"bodyStyle\":\"Sedan\"}" "$admin" | jq -r .id)"
  call POST "/catalog/parts/$part/fitments" "{\"variationId\":\"$variation\",\"categoryId\":\"$category\",\"note\":\"front axle\"}" "$admin" >/dev/null
done
member="$(call POST /auth/sign-up "{\"email\":\"member@load.example\",\"password\":\"$password\",\"name\":\"Load member\"}" | jq -r .session.token)"
workspace="$(call POST /workspaces '{"name":"Load workspace","slug":"load-workspace"}' "$member" | jq -r .id)"

# route id | label | path | connections | needs the member's token
routes=(
  "P2a|GET /health/live|/health/live|32|"
  "P2|GET /catalog/parts/{id}|/catalog/parts/$part|32|"
  "P2|GET /catalog/parts/{id}|/catalog/parts/$part|8|"
  "P2b|GET /workspaces/{id}|/workspaces/$workspace|32|token"
)

answers() { # app, port: each route's body, to compare the baseline's with Strata's
  for route in "${routes[@]}"; do
    IFS='|' read -r id _ path _ auth <<<"$route"
    headers=(); [[ -n "$auth" ]] && headers=(-H "Authorization: Bearer $member")
    curl -sS "${headers[@]}" "http://127.0.0.1:$2$path" >"$work/answer.$1.$id"
  done
}

# Npgsql's meters on the API's /metrics: commands run so far, and connections in use.
metric_sum() { curl -sf "$base/metrics" | awk -v pattern="$1" '$0 ~ pattern { total += $NF } END { printf "%d", total }'; }
operations() { metric_sum '^db_client_operation_duration_seconds_count[{]'; }
# Requests the API has answered, its own /metrics scrapes left out.
served() { curl -sf "$base/metrics" | awk '/^http_server_request_duration_seconds_count[{]/ && !/http_route="\/metrics"/ { total += $NF } END { printf "%d", total }'; }
pool() { metric_sum "^db_client_connection(s_usage|_count)[{].*state=\"$1\""; }

load() { # app, port
  for route in "${routes[@]}"; do
    IFS='|' read -r _ _ path connections auth <<<"$route"
    headers=(); [[ -n "$auth" ]] && headers=(-H "Authorization: Bearer $member")
    wrk -t"$threads" -c"$connections" -d"${warmup}s" "${headers[@]}" "http://127.0.0.1:$2$path" >/dev/null
  done
  for route in "${routes[@]}"; do
    IFS='|' read -r id label path connections auth <<<"$route"
    headers=(); [[ -n "$auth" ]] && headers=(-H "Authorization: Bearer $member")
    [[ "$id" == P2 && "$connections" == 32 ]] && start_sampler
    before=0; requests_before=0; [[ "$1" == strata ]] && before="$(operations)" && requests_before="$(served)"
    cpu_before="$(cpu_ticks)"
    line="$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s -s "$here/report.lua" "${headers[@]}" "http://127.0.0.1:$2$path" | grep '^LOAD ')"
    field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
    cpu_per_request="$(awk -v a="$cpu_before" -v b="$(cpu_ticks)" -v hz="$clock_ticks" -v n="$(field requests)" 'BEGIN { printf "%.0f", n ? (b - a) / hz * 1e6 / n : 0 }')"
    per_request="-"
    if [[ "$1" == strata ]]; then
      # The server's own request count, once the requests wrk left in flight have finished, so their commands are not
      # charged to the completed ones.
      sleep 1
      per_request="$(awk -v a="$before" -v b="$(operations)" -v r="$requests_before" -v s="$(served)" 'BEGIN { printf "%.2f", (s > r ? (b - a) / (s - r) : 0) }')"
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$id" "$label" "$connections" "$(field rps)" "$(field p50_ms)" \
      "$(field p95_ms)" "$(field p99_ms)" "$(field errors)" "$(field non2xx)" "$per_request" "$cpu_per_request" >>"$work/results"
    if [[ "$id" == P2 && "$connections" == 8 ]]; then
      printf '%s\trss\t%s\t%s\n' "$1" "$(sampled_peak_mb)" "$(hwm_mb)" >>"$work/memory"
    fi
  done
}

step "Strata: warm-up ${warmup}s per route, then ${seconds}s per route"
answers strata "$strata_port"
load strata "$strata_port"
sleep 1 # let the last responses finish before reading the pool
printf 'used\t%s\nidle\t%s\n' "$(pool used)" "$(pool idle)" >"$work/pool"
stop_server

step "raw baseline: warm-up ${warmup}s per route, then ${seconds}s per route"
start_server raw "$raw_dir" Strata.Load.Baseline.dll "$raw_port" /health/live
answers raw "$raw_port"
load raw "$raw_port"
stop_server

for route in "${routes[@]}"; do
  IFS='|' read -r id label _ <<<"$route"
  if ! cmp -s "$work/answer.strata.$id" "$work/answer.raw.$id"; then
    echo "warning: $label answers differently (Strata, then raw):" >&2
    diff <(jq -S . "$work/answer.strata.$id" 2>/dev/null || cat "$work/answer.strata.$id") \
      <(jq -S . "$work/answer.raw.$id" 2>/dev/null || cat "$work/answer.raw.$id") >&2 || true
    problems=1
  fi
done
if awk -F'\t' '$9 > 0 || $10 > 0 { bad = 1 } END { exit !bad }' "$work/results"; then
  echo "warning: some runs had socket errors or non-2xx answers (see the details)" >&2
  awk -F'\t' '$10 > 0 { bad = 1 } END { exit !bad }' "$work/results" && problems=1
fi

# ---------------------------------------------------------------- tables
echo
echo "HTTP load, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, wrk -t$threads, ${seconds}s per run after ${warmup}s warm-up, PostgreSQL on $pghost"
echo
echo "| id | route | Strata req/s | raw req/s | ratio | Strata p95 | raw p95 | p95 ratio | target | met? |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
awk -F'\t' '
  FNR == NR { if ($1 == "raw") { rps[$2 FS $4] = $5; p95[$2 FS $4] = $7 } next }
  $1 == "strata" {
    key = $2 FS $4; ratio = rps[key] ? $5 / rps[key] : 0; p95ratio = p95[key] ? $7 / p95[key] : 0
    if ($2 == "P2") { target = "≥ 0.8×, p95 ≤ 1.25×"; met = ratio >= 0.8 && p95ratio <= 1.25 } else { target = "≥ 0.7×"; met = ratio >= 0.7 }
    printf "| %s | %s, -c%s | %.0f | %.0f | %.2f× | %.1f ms | %.1f ms | %.2f× | %s | %s |\n", $2, $3, $4, $5, rps[key], ratio, $7, p95[key], p95ratio, target, met ? "yes" : "no"
  }' "$work/results" "$work/results"
awk -F'\t' -v used="$(awk '$1 == "used" { print $2 }' "$work/pool")" -v idle="$(awk '$1 == "idle" { print $2 }' "$work/pool")" '
  { peak[$1] = $3; hwm[$1] = $4 }
  END {
    printf "| P8 | API resident memory, peak under the P2 load (VmHWM) | %d MB (%d) | %d MB (%d) | %.2f× | | | | ≤ 200 MB | %s |\n",
      peak["strata"], hwm["strata"], peak["raw"], hwm["raw"], peak["raw"] ? peak["strata"] / peak["raw"] : 0, peak["strata"] <= 200 ? "yes" : "no"
    printf "| P8 | Npgsql connections busy after the load (idle) | %s (%s) | | | | | | 0 | %s |\n", used, idle, used == "0" ? "yes" : "no"
  }' "$work/memory"
echo
echo "| app | route | connections | req/s | p50 | p95 | p99 | socket errors | non-2xx | Npgsql commands per request | server CPU per request |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
awk -F'\t' '{ printf "| %s | %s | %s | %.0f | %.2f ms | %.2f ms | %.2f ms | %s | %s | %s | %s µs |\n", $1, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 }' "$work/results"
echo
echo "Server CPU per request (user + system time of the server process over the run, divided by its requests) counts"
echo "neither wrk nor PostgreSQL; on a busy machine it moves less than requests/s."

if [[ -n "${LOAD_OUTPUT:-}" ]]; then cp "$work/results" "$LOAD_OUTPUT"; fi
if [[ -n "${LOAD_LOGS:-}" ]]; then mkdir -p "$LOAD_LOGS" && cp "$work"/strata.log "$work"/raw.log "$work"/cli.log "$LOAD_LOGS"/; fi
exit "$problems"
