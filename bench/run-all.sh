#!/usr/bin/env bash
# Every performance figure of issues 14 and 17 in one command, each table printed as it comes:
#   1. the BenchmarkDotNet suites of bench/Strata.Benchmarks (P1, P1b, P7; issue 17's P5 import stages), Release,
#      every suite (--filter '*');
#   2. the HTTP load ratios against the raw baseline (P2, P2a, P2b, P8): bench/load/run.sh;
#   3. the migrate timings (P6): bench/migrate-timing.sh;
#   4. issue 17's paging by depth (P4) and search at 1M parts: bench/p4-paging.sh (~20 min; its CSV and chart go to a
#      temporary folder here — run it alone to refresh docs/images);
#   5. the import's peak memory for 100 000 and 1 000 000 rows (issue 17, P5): bench/import-memory.sh.
#
#   bench/run-all.sh [--smoke]
#
# --smoke runs each part once and quickly: the benchmarks' own --smoke (every benchmark once, untimed, in process), bench/load/run.sh --quick,
# bench/migrate-timing.sh --quick, bench/p4-paging.sh --smoke and bench/import-memory.sh --quick. BENCH_ARGS adds BenchmarkDotNet arguments
# (BENCH_ARGS="--job short" for a quicker, rougher full run); the other scripts read their own settings (see each).
# Needs PostgreSQL with the development roles (scripts/postgres-dev-setup.sh), or the scripts' overrides.
# Exit status 1 when any part failed; the others still run.
set -euo pipefail

smoke=false
for argument in "$@"; do
  case "$argument" in
    --smoke) smoke=true ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $argument (try --help)" >&2; exit 2 ;;
  esac
done

# The benchmarks reach PostgreSQL through the tests' variable (the owner role; they create their own databases).
export STRATA_TEST_POSTGRES="${STRATA_TEST_POSTGRES:-Host=localhost;Port=5432;Username=strata_owner;Password=strata_owner}"
bench="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$bench/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0

section() { printf '\n######## %s\n\n' "$*"; }

section "BenchmarkDotNet: bench/Strata.Benchmarks (P1, P1b, P7; issue 17: P5)"
benchmark_args=(--filter '*' --artifacts "$work/artifacts")
$smoke && benchmark_args+=(--smoke)
# BENCH_ARGS is split on spaces on purpose: it carries several arguments.
# shellcheck disable=SC2206
benchmark_args+=(${BENCH_ARGS:-})
if (cd "$root" && dotnet run -c Release --project bench/Strata.Benchmarks -- "${benchmark_args[@]}") >"$work/benchmarks.log" 2>&1; then
  reports=("$work"/artifacts/results/*-report-github.md)
  if [[ -e "${reports[0]}" ]]; then
    for report in "${reports[@]}"; do
      echo "### $(basename "$report" -report-github.md)"
      cat "$report"
      echo
    done
  else
    echo "no BenchmarkDotNet report was written; the run's end:"; tail -40 "$work/benchmarks.log"; status=1
  fi
else
  echo "the BenchmarkDotNet run failed; its end:"; tail -60 "$work/benchmarks.log"; status=1
fi

section "HTTP load against the raw baseline: bench/load/run.sh (P2, P2a, P2b, P8)"
if $smoke; then "$bench/load/run.sh" --quick || status=1; else "$bench/load/run.sh" || status=1; fi

section "Migrations: bench/migrate-timing.sh (P6)"
if $smoke; then "$bench/migrate-timing.sh" --quick || status=1; else "$bench/migrate-timing.sh" || status=1; fi

section "Paging by depth and search at 1M parts: bench/p4-paging.sh (P4, issue 17)"
if $smoke; then "$bench/p4-paging.sh" --smoke --out "$work/p4" || status=1; else "$bench/p4-paging.sh" --out "$work/p4" || status=1; fi

section "Import memory: bench/import-memory.sh (issue 17, P5)"
if $smoke; then "$bench/import-memory.sh" --quick || status=1; else "$bench/import-memory.sh" || status=1; fi

exit "$status"
