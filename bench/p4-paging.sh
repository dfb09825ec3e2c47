#!/usr/bin/env bash
# P4 (keyset against OFFSET by page depth) and search at 1M parts, issue 17 (docs/performance.md):
#   1. fills 1 000 000 parts per provider and samples a page of 50 by name at depths 0 … ~1M through the service, as
#      hand-written keyset SQL and as OFFSET, without and with the (name, public_id) index, then five searches
#      (bench/Strata.Benchmarks: PagingFigures, `paging`), printing the tables and the deepest page's plans;
#   2. draws the chart with gnuplot (bench/p4-paging.gnuplot).
#
#   bench/p4-paging.sh [--smoke] [--out DIR]
#
# --out: where p4-paging.csv, search-1m.csv and p4-paging.png go (default docs/images, what docs/performance.md shows).
# --smoke: a dozen parts, one call each, no chart (what bench/run-all.sh --smoke runs). About 20 minutes on 2 cores.
# Needs PostgreSQL with the development roles (scripts/postgres-dev-setup.sh) and gnuplot (Debian package
# gnuplot-nox: installed with apt-get when missing and this runs as root, otherwise asked for).
set -euo pipefail

bench="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$bench/.." && pwd)"
out="$root/docs/images"
smoke=false
while (($#)); do
  case "$1" in
    --smoke) smoke=true ;;
    --out) out="$2"; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

export STRATA_TEST_POSTGRES="${STRATA_TEST_POSTGRES:-Host=localhost;Port=5432;Username=strata_owner;Password=strata_owner}"
mkdir -p "$out"
args=(paging --out "$out")
$smoke && args+=(--smoke)
(cd "$root" && dotnet run -c Release --project bench/Strata.Benchmarks -- "${args[@]}")
$smoke && exit 0

if ! command -v gnuplot >/dev/null; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    apt-get install -y gnuplot-nox >/dev/null
  else
    echo "gnuplot is missing: apt-get install gnuplot-nox, then run: gnuplot -e \"csv='$out/p4-paging.csv'; png='$out/p4-paging.png'\" $bench/p4-paging.gnuplot" >&2
    exit 1
  fi
fi
gnuplot -e "csv='$out/p4-paging.csv'; png='$out/p4-paging.png'" "$bench/p4-paging.gnuplot"
echo "drew $out/p4-paging.png"
