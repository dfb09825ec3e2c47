#!/usr/bin/env bash
# P6 of issue 14: `strata db migrate` from an empty database to the head of every module (auth, workspaces, catalog),
# as a Release CLI process started afresh each run, on PostgreSQL and on SQLite; then the same command again on the
# migrated database ("nothing to do": start-up, model building and the pending check alone).
#
#   bench/migrate-timing.sh [--quick] [runs, default 5; 1 with --quick]
#
# Prints the median wall time of each (process start to exit, as an operator waits for it), the engine's own figure
# (the "in N ms" of its summary line) and the process's CPU time, against the targets: ≤ 1.5 s on PostgreSQL, ≤ 1 s
# on SQLite (wall time; the CPU time says how much of a slow figure a busy machine explains).
# Production environment (a throw-away key ring certificate, as Production requires), like a deployment's migrate step.
# PostgreSQL: the database strata_migrate_timing is recreated for every run and dropped at the end, as the owner role
# STRATA_BENCH_OWNER ("user:password", default strata_owner:strata_owner) on PGHOST/PGPORT (localhost:5432).
# Two builds of the CLI: `dotnet publish -c Release -r linux-x64` (ReadyToRun, as a deployment ships its migrate
# step; the target applies to it) and the plain `dotnet build -c Release` (IL only, what the dotnet tool package holds).
# Timings belong here and in docs/performance.md, never in tests.
set -euo pipefail

runs=""
quick=false
for argument in "$@"; do
  case "$argument" in
    --quick) quick=true ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    '' | *[!0-9]*) echo "unknown argument: $argument (try --help)" >&2; exit 2 ;;
    *) runs="$argument" ;;
  esac
done
if [[ -z "$runs" ]]; then if $quick; then runs=1; else runs=5; fi; fi

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
database=strata_migrate_timing
owner="${STRATA_BENCH_OWNER:-strata_owner:strata_owner}"
pghost="${PGHOST:-localhost}"
pgport="${PGPORT:-5432}"
owner_psql() { PGOPTIONS="--client-min-messages=warning" PGPASSWORD="${owner#*:}" psql -q -v ON_ERROR_STOP=1 -h "$pghost" -p "$pgport" -U "${owner%%:*}" -d postgres "$@"; }
cleanup() {
  owner_psql -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== building src/Strata.Cli: Release build (IL) and ReadyToRun publish" >&2
dotnet build "$root/src/Strata.Cli" -c Release -v quiet -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
dotnet publish "$root/src/Strata.Cli" -c Release -r linux-x64 --self-contained false -o "$work/published" -v quiet -nologo >"$work/publish.log" 2>&1 \
  || { cat "$work/publish.log" >&2; exit 1; }
declare -A cli_dirs=([published]="$work/published" [built]="$root/src/Strata.Cli/bin/Release/net10.0")

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Strata migrate timing" -keyout "$work/ring.key" -out "$work/ring.crt" >/dev/null 2>&1
openssl pkcs12 -export -inkey "$work/ring.key" -in "$work/ring.crt" -out "$work/ring.pfx" -passout pass:timing
export DOTNET_ENVIRONMENT=Production DOTNET_CLI_TELEMETRY_OPTOUT=1
export Strata__Auth__DataProtection__Certificate__Path="$work/ring.pfx" Strata__Auth__DataProtection__Certificate__Password=timing
export Strata__Auth__Passkeys__RelyingPartyId=localhost Strata__Auth__Passkeys__Origins__0=http://localhost

# One migrate as its own process; appends "wall_ms engine_ms cpu_ms" to the named file. CPU is the process's user +
# system time: on a busy machine it moves far less than the wall time.
migrate() {
  local start end cpu
  start="$(date +%s%N)"
  cpu="$( { TIMEFORMAT='%U %S'; time { (cd "${cli_dirs[$build]}" && exec dotnet Strata.Cli.dll db migrate) >"$work/out" 2>&1; }; } 2>&1 )" \
    || { cat "$work/out" >&2; exit 1; }
  end="$(date +%s%N)"
  echo "$(( (end - start) / 1000000 )) $(sed -n 's/.* in \([0-9]*\) ms\..*/\1/p' "$work/out" | tail -1) $(awk '{ printf "%.0f", ($1 + $2) * 1000 }' <<<"$cpu")" >>"$work/$1"
}

for build in published built; do
for provider in Postgres Sqlite; do
  echo "== $build, $provider: $runs run(s)" >&2
  for _ in $(seq 1 "$runs"); do
    if [[ "$provider" == Postgres ]]; then
      owner_psql -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database" >/dev/null
      connection="Host=$pghost;Port=$pgport;Database=$database;Username=${owner%%:*};Password=${owner#*:}"
    else
      rm -f "$work"/timing.db*
      connection="Data Source=$work/timing.db"
    fi
    Strata__Database__Provider="$provider" ConnectionStrings__Strata="$connection" migrate "$build.$provider.empty"
    Strata__Database__Provider="$provider" ConnectionStrings__Strata="$connection" migrate "$build.$provider.current"
  done
done
done

median() { # column of a file → the median, in ms ("-" when the column is empty)
  awk -v c="$2" '$c != "" { print $c }' "$work/$1" | sort -n | awk '{ v[NR] = $1 } END { if (!NR) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
all() { awk '{ printf "%s%.2f", (NR > 1 ? ", " : ""), $1 / 1000 }' "$work/$1"; }
row() { # id label file target_ms
  local wall engine cpu
  wall="$(median "$3" 1)"; engine="$(median "$3" 2)"; cpu="$(median "$3" 3)"
  printf '| %s | %s | %.2f s | %s | %s | %.2f s | %s | %s |\n' "$1" "$2" "$(awk -v w="$wall" 'BEGIN { print w / 1000 }')" "$(all "$3")" \
    "$([[ "$engine" == - ]] && echo - || echo "$engine ms")" "$(awk -v c="$cpu" 'BEGIN { print c / 1000 }')" "$([[ -z "$4" ]] && echo - || awk -v t="$4" 'BEGIN { print "≤ " t / 1000 " s" }')" \
    "$([[ -z "$4" ]] && echo - || awk -v w="$wall" -v t="$4" 'BEGIN { print (w <= t ? "yes" : "no") }')"
}

echo
echo "strata db migrate, Release (ReadyToRun publish and IL build), $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, median of $runs run(s)"
echo
echo "| id | measure | median wall | every run | engine (median) | CPU (median) | target | met? |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
row P6 "PostgreSQL, empty → head (ReadyToRun)" published.Postgres.empty 1500
row P6 "PostgreSQL, nothing to do (ReadyToRun)" published.Postgres.current ""
row P6 "SQLite, empty → head (ReadyToRun)" published.Sqlite.empty 1000
row P6 "SQLite, nothing to do (ReadyToRun)" published.Sqlite.current ""
row "P6 (IL)" "PostgreSQL, empty → head (dotnet build)" built.Postgres.empty ""
row "P6 (IL)" "PostgreSQL, nothing to do (dotnet build)" built.Postgres.current ""
row "P6 (IL)" "SQLite, empty → head (dotnet build)" built.Sqlite.empty ""
row "P6 (IL)" "SQLite, nothing to do (dotnet build)" built.Sqlite.current ""
