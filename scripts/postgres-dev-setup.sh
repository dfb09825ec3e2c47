#!/usr/bin/env bash
# Creates Strata's two PostgreSQL roles and a development database, idempotently. Run as root (or as a user who
# can `sudo -u postgres`) on a machine with a local PostgreSQL server.
#   strata_owner  owns schemas and tables, runs migrations and seeders; CREATEDB so tests can make databases
#   strata_app    the application role: owns nothing, no BYPASSRLS (privileges are granted by migrations)
# Passwords default to the role names: development and CI only. Override with STRATA_OWNER_PASSWORD/STRATA_APP_PASSWORD.
set -euo pipefail

owner_password="${STRATA_OWNER_PASSWORD:-strata_owner}"
app_password="${STRATA_APP_PASSWORD:-strata_app}"

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; elif [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

as_postgres psql -v ON_ERROR_STOP=1 -q \
  -v owner_password="$owner_password" -v app_password="$app_password" <<'SQL'
SELECT format('CREATE ROLE strata_owner LOGIN CREATEDB PASSWORD %L', :'owner_password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'strata_owner') \gexec
SELECT format('CREATE ROLE strata_app LOGIN PASSWORD %L', :'app_password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'strata_app') \gexec
SELECT format('ALTER ROLE strata_owner LOGIN CREATEDB PASSWORD %L', :'owner_password') \gexec
SELECT format('ALTER ROLE strata_app LOGIN NOCREATEDB NOBYPASSRLS PASSWORD %L', :'app_password') \gexec
SELECT 'CREATE DATABASE strata OWNER strata_owner'
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'strata') \gexec
SQL
echo "PostgreSQL roles strata_owner and strata_app and database strata are ready."
