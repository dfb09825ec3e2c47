#!/usr/bin/env bash
# Measures what is left of the forgot-password timing difference between an address with an account and one without
# (issue 12, defect 6). Requests go through the real HTTP pipeline of a Release build of the API on loopback.
#
#   bench/forgot-password-timing.sh [sqlite|postgres] [requests per path, default 400]
#   STRATA_URL=http://127.0.0.1:5080 bench/forgot-password-timing.sh   # against an API already running (its auth rate
#                                                                      # limit, Strata:Api:AuthPermitLimit, must allow it)
# PostgreSQL: a database strata_bench_forgot is created (and dropped at the end) with PGHOST/PGPORT (localhost:5432) as the owner role
# strata_owner and served as strata_app, the development roles (override with STRATA_BENCH_OWNER / STRATA_BENCH_APP,
# "user:password"). Prints the median and 90th percentile of each path and the difference of the medians.
# Timings belong here and in docs/reliability.md, never in tests.
set -euo pipefail

provider="${1:-sqlite}"
requests="${2:-400}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
api_pid=""

drop_database=""
cleanup() {
  if [[ -n "$api_pid" ]]; then kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; fi
  if [[ -n "$drop_database" ]]; then eval "$drop_database" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

post() { # path, JSON body → "status seconds"
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' -X POST --data "$2" "$url$1"
}

if [[ -z "${STRATA_URL:-}" ]]; then
  port=5199
  url="http://127.0.0.1:$port"
  dotnet build "$root/src/Strata.Api" -c Release -v quiet -nologo >/dev/null
  export ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$url" Strata__Api__AuthPermitLimit=1000000
  export Logging__LogLevel__Default=Warning
  case "$provider" in
    sqlite)
      export Strata__Database__Provider=Sqlite ConnectionStrings__Strata="Data Source=$work/bench.db" ;;
    postgres)
      owner="${STRATA_BENCH_OWNER:-strata_owner:strata_owner}"; app="${STRATA_BENCH_APP:-strata_app:strata_app}"
      host="${PGHOST:-localhost}"; pgport="${PGPORT:-5432}"
      PGPASSWORD="${owner#*:}" psql -q -h "$host" -p "$pgport" -U "${owner%%:*}" -d postgres \
        -c "DROP DATABASE IF EXISTS strata_bench_forgot WITH (FORCE)" -c "CREATE DATABASE strata_bench_forgot"
      drop_database="PGPASSWORD='${owner#*:}' psql -q -h '$host' -p '$pgport' -U '${owner%%:*}' -d postgres -c 'DROP DATABASE IF EXISTS strata_bench_forgot WITH (FORCE)'"
      export Strata__Database__Provider=Postgres
      export ConnectionStrings__Strata="Host=$host;Port=$pgport;Database=strata_bench_forgot;Username=${app%%:*};Password=${app#*:}"
      export ConnectionStrings__StrataMigrations="Host=$host;Port=$pgport;Database=strata_bench_forgot;Username=${owner%%:*};Password=${owner#*:}" ;;
    *) echo "provider must be sqlite or postgres" >&2; exit 2 ;;
  esac
  # The content root is the output folder, where appsettings*.json are.
  (cd "$root/src/Strata.Api/bin/Release/net10.0" && exec dotnet Strata.Api.dll) >"$work/api.log" 2>&1 &
  api_pid=$!
  for _ in $(seq 1 120); do
    curl -sf "$url/health/ready" >/dev/null 2>&1 && break
    kill -0 "$api_pid" 2>/dev/null || { cat "$work/api.log" >&2; exit 1; }
    sleep 0.5
  done
else
  url="$STRATA_URL"
fi

email="bench-$(date +%s%N)@example.com"
status="$(post /auth/sign-up "{\"email\":\"$email\",\"password\":\"a long enough password\",\"name\":\"Bench\"}" | cut -d' ' -f1)"
[[ "$status" == 200 || "$status" == 201 ]] || { echo "sign-up answered $status" >&2; exit 1; }

# Warm up both paths (JIT, pools, the key ring), then alternate, so drift touches both alike.
for i in $(seq 1 50); do
  post /auth/password/forgot "{\"email\":\"$email\"}" >/dev/null
  post /auth/password/forgot "{\"email\":\"nobody-$i-$RANDOM@example.com\"}" >/dev/null
done
for i in $(seq 1 "$requests"); do
  post /auth/password/forgot "{\"email\":\"$email\"}" >>"$work/account"
  post /auth/password/forgot "{\"email\":\"nobody-$i-$RANDOM$RANDOM@example.com\"}" >>"$work/unknown"
done

refused="$(cat "$work/account" "$work/unknown" | awk '$1 != 202' | wc -l)"
[[ "$refused" == 0 ]] || { echo "$refused requests did not answer 202" >&2; exit 1; }
stats() { cut -d' ' -f2 "$1" | sort -n | awk '{ v[NR] = $1 * 1000 } END { printf "%.2f %.2f", v[int((NR + 1) / 2)], v[int(NR * 0.9)] }'; }
read -r account_median account_p90 <<<"$(stats "$work/account")"
read -r unknown_median unknown_p90 <<<"$(stats "$work/unknown")"
echo "forgot-password, $provider, $requests requests per path (ms):"
echo "  account:  median $account_median, p90 $account_p90"
echo "  unknown:  median $unknown_median, p90 $unknown_p90"
awk -v a="$account_median" -v u="$unknown_median" 'BEGIN { printf "  difference of medians: %.2f ms (account - unknown)\n", a - u }'
