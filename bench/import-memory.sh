#!/usr/bin/env bash
# P5 of issue 17, memory: `strata catalog import FILE` streams, so its peak resident memory should not grow with the
# file. Writes two part-shaped CSV files (100 000 and 1 000 000 rows; 1 000 and 10 000 with --quick), then for each
# provider and file: a fresh database (PostgreSQL: strata_import_memory, recreated, dropped at the end; SQLite: a new
# file), `strata db migrate`, 5 manufacturers (`strata catalog manufacturers add`) and 8 categories two levels deep (SQL:
# the CLI has no category command), and the import as its own process under `/usr/bin/time -v`, into the fully indexed
# parts table. Prints peak RSS (VmHWM, time's "Maximum resident set size"), wall time, rows/s as the import reports
# it (its unit of work only) and the 1M/100k ratio of peak RSS.
#
#   bench/import-memory.sh [--quick]
#
# The Release build of src/Strata.Cli (IL, what the tool package holds), Development environment, run from an empty
# folder. PostgreSQL as STRATA_BENCH_OWNER ("user:password", default strata_owner:strata_owner) on PGHOST/PGPORT
# (localhost:5432). Needs GNU time (`apt-get install time`). Figures belong in docs/performance.md, never in tests.
set -euo pipefail

quick=false
for argument in "$@"; do
  case "$argument" in
    --quick) quick=true ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $argument (try --help)" >&2; exit 2 ;;
  esac
done
if $quick; then sizes=(1000 10000); else sizes=(100000 1000000); fi
# GNU time measures the peak; a --quick run without it (a smoke run) still runs every import, and prints no RSS.
if [[ ! -x /usr/bin/time ]]; then
  $quick || { echo "GNU time is missing: apt-get install time" >&2; exit 1; }
  echo "GNU time is missing: no peak RSS in this quick run" >&2
fi
timed() { # FILE COMMAND…: runs COMMAND, GNU time's report in FILE (empty without GNU time)
  local report="$1"; shift
  if [[ -x /usr/bin/time ]]; then /usr/bin/time -v -o "$report" "$@"; else : >"$report"; "$@"; fi
}

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
database=strata_import_memory
owner="${STRATA_BENCH_OWNER:-strata_owner:strata_owner}"
pghost="${PGHOST:-localhost}"
pgport="${PGPORT:-5432}"
owner_psql() { PGOPTIONS="--client-min-messages=warning" PGPASSWORD="${owner#*:}" psql -q -v ON_ERROR_STOP=1 -h "$pghost" -p "$pgport" -U "${owner%%:*}" "$@"; }
cleanup() {
  owner_psql -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== building src/Strata.Cli (Release)" >&2
dotnet build "$root/src/Strata.Cli" -c Release -v quiet -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
cli="$root/src/Strata.Cli/bin/Release/net10.0/Strata.Cli.dll"
mkdir "$work/run"
export DOTNET_ENVIRONMENT=Development DOTNET_CLI_TELEMETRY_OPTOUT=1
unset ASPNETCORE_ENVIRONMENT

makers=(Bosch Brembo Denso Valeo Mahle)
countries=(DE IT JP FR DE)
# root|leaf|noun, as bench/Strata.Benchmarks/PartImportBenchmarks.cs makes its rows.
leaves=("Brakes|Pads|brake pad set" "Brakes|Discs|brake disc" "Filters|Oil|oil filter" "Filters|Air|air filter"
  "Ignition|Spark plugs|spark plug" "Cooling|Radiators|radiator" "Electrics|Alternators|alternator" "Suspension|Shock absorbers|shock absorber")

for size in "${sizes[@]}"; do
  echo "== writing $size rows" >&2
  awk -v n="$size" -v makers="${makers[*]}" -v leaves="$(IFS=';'; echo "${leaves[*]}")" 'BEGIN {
    split(makers, m, " "); nl = split(leaves, l, ";")
    print "manufacturer,partNumber,name,category,description,attributes"
    for (i = 0; i < n; i++) {
      maker = m[i % 5 + 1]; split(l[int(i / 5) % nl + 1], f, "|")
      noun = f[3]; name = toupper(substr(noun, 1, 1)) substr(noun, 2)
      attributes = (i % 4 == 0) ? sprintf("\"{\"\"weightKg\"\":%g,\"\"material\"\":\"\"steel\"\"}\"", (i % 90) / 10) : ""
      printf "%s,%s-%05d.%02d,%s %d,%s > %s,\"%s %s for %d models, series %d; fitted with genuine accessories, tested to OE specification.\",%s\n",
        maker, toupper(substr(maker, 1, 2)), int(i / 100), i % 100, name, i % 977, f[1], f[2], maker, noun, 1990 + i % 35, i % 41, attributes
    }
  }' >"$work/parts-$size.csv"
done

strata() { (cd "$work/run" && dotnet "$cli" "$@" --provider "$provider" --connection "$connection"); }

categories_sql() { # one INSERT per root, then its leaves; $1 = postgres|sqlite
  local table id now seen="" root leaf
  if [[ "$1" == postgres ]]; then table=catalog.part_categories; id="gen_random_uuid()"; now="now()"
  else table=catalog_part_categories; id="upper(substr(u,1,8)||'-'||substr(u,9,4)||'-'||substr(u,13,4)||'-'||substr(u,17,4)||'-'||substr(u,21))"; now="strftime('%Y-%m-%d %H:%M:%f','now')"; fi
  for entry in "${leaves[@]}"; do
    IFS='|' read -r root leaf _ <<<"$entry"
    local from=""; [[ "$1" == sqlite ]] && from=" FROM (SELECT lower(hex(randomblob(16))) AS u)"
    if [[ " $seen " != *" $root "* ]]; then
      echo "INSERT INTO $table (parent_id, name, normalized_name, public_id, created_at, updated_at) SELECT NULL, '$root', upper('$root'), $id, $now, $now$from;"
      seen+=" $root"
    fi
    echo "INSERT INTO $table (parent_id, name, normalized_name, public_id, created_at, updated_at) SELECT (SELECT id FROM $table WHERE parent_id IS NULL AND name = '$root'), '$leaf', upper('$leaf'), $id, $now, $now$from;"
  done
}

declare -A rss wall rate
for provider in Postgres Sqlite; do
  for size in "${sizes[@]}"; do
    echo "== $provider, $size rows" >&2
    if [[ "$provider" == Postgres ]]; then
      owner_psql -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database" >/dev/null
      connection="Host=$pghost;Port=$pgport;Database=$database;Username=${owner%%:*};Password=${owner#*:}"
    else
      rm -f "$work"/memory.db*
      connection="Data Source=$work/memory.db"
    fi
    strata db migrate >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log" >&2; exit 1; }
    for i in "${!makers[@]}"; do
      strata catalog manufacturers add --name "${makers[$i]}" --country "${countries[$i]}" >"$work/maker.log" 2>&1 || { cat "$work/maker.log" >&2; exit 1; }
    done
    if [[ "$provider" == Postgres ]]; then categories_sql postgres | owner_psql -d "$database" >/dev/null
    else categories_sql sqlite | sqlite3 "$work/memory.db"; fi

    key="$provider.$size"
    if ! (cd "$work/run" && timed "$work/time.$key" dotnet "$cli" catalog import "$work/parts-$size.csv" --provider "$provider" --connection "$connection") \
      >"$work/import.$key" 2>&1; then
      echo "the import failed:" >&2; tail -20 "$work/import.$key" >&2; exit 1
    fi
    rss[$key]="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.$key")"
    wall[$key]="$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$work/time.$key")"
    rate[$key]="$(sed -n 's/.* ms (\([0-9,]*\) rows\/s)\..*/\1/p' "$work/import.$key" | tail -1)"
    grep -Eo "completed[_a-z]*" "$work/import.$key" | head -1 | grep -qx completed || { echo "the import did not complete:" >&2; tail -20 "$work/import.$key" >&2; exit 1; }
  done
done

echo
echo "strata catalog import, Release CLI, fully indexed parts table, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores"
echo
echo "| provider | rows | peak RSS | wall (process) | rows/s (import's unit) |"
echo "| --- | --- | --- | --- | --- |"
for provider in Postgres Sqlite; do
  for size in "${sizes[@]}"; do
    key="$provider.$size"
    printf '| %s | %s | %s | %s | %s |\n' "$provider" "$size" "$(awk -v k="${rss[$key]}" 'BEGIN { print k == "" ? "-" : sprintf("%.0f MB", k / 1024) }')" \
      "${wall[$key]:--}" "${rate[$key]:-?}"
  done
  printf '| %s | %s ÷ %s | %s | | |\n' "$provider" "${sizes[1]}" "${sizes[0]}" \
    "$(awk -v a="${rss[$provider.${sizes[1]}]}" -v b="${rss[$provider.${sizes[0]}]}" 'BEGIN { print b == "" ? "-" : sprintf("%.2f× peak RSS", a / b) }')"
done
