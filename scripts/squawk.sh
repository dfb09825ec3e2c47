#!/usr/bin/env bash
# squawk over the plain SQL of each PostgreSQL migration of each module, one file per migration, with the committed
# exclusions of .squawk.toml (each with its reason). Fails on any other finding. Builds the strata tool first (no
# test project references it, so `dotnet test` leaves it unbuilt) and needs squawk on PATH or in node_modules
# (.ci/run installs npm squawk-cli). A database connection string is only used to build the model: scripting connects
# to nothing. Development: scripting needs no key-ring certificate.
set -euo pipefail
cd "$(dirname "$0")/.."
squawk="$(command -v squawk || echo "$PWD/node_modules/.bin/squawk")"
connection="${STRATA_SQUAWK_CONNECTION:-Host=localhost;Database=strata;Username=strata_owner;Password=strata_owner}"
dotnet build src/Strata.Cli --nologo -v quiet >/dev/null
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

for dir in src/Strata.Modules.*/Migrations/Postgres; do
  project="${dir%/Migrations/Postgres}"
  module="$(basename "$project" | sed 's/^Strata\.Modules\.//' | tr '[:upper:]' '[:lower:]')"
  previous=""
  for file in $(ls "$dir" | grep -E '^[0-9]{14}_[A-Za-z0-9]+\.cs$' | sort); do
    migration="${file%.cs}"
    args=(db script --environment Development --module "$module" --provider postgres --connection "$connection" --to "$migration" --output "$out/${module}_${migration}.sql")
    [ -n "$previous" ] && args+=(--from "$previous")
    # The CLI's own log lines (a Development warning about the key ring) only matter when scripting fails.
    if ! dotnet run --no-build --project src/Strata.Cli -- "${args[@]}" >/dev/null 2>"$out/cli.log"; then
      cat "$out/cli.log" >&2
      exit 1
    fi
    previous="$migration"
  done
done

count=$(ls "$out"/*.sql | wc -l)
echo "squawk: $count migration scripts"
"$squawk" --config .squawk.toml --reporter gcc "$out"/*.sql
echo "squawk: no findings beyond the exclusions in .squawk.toml"
