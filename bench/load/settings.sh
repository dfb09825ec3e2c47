# Sourced by run.sh and memory.sh: the database they load and the settings the API runs with under load — one place,
# so a setting added for one (mail transport, passkeys) reaches the other.
#
#   api_settings WORK_DIR PORT   # a throw-away key ring certificate in WORK_DIR, and the API's environment exported
strata_port="${LOAD_STRATA_PORT:-5100}"
database="${LOAD_DATABASE:-strata_load}"
owner="${STRATA_BENCH_OWNER:-strata_owner:strata_owner}"
app_role="${STRATA_BENCH_APP:-strata_app:strata_app}"
pghost="${PGHOST:-localhost}"
pgport="${PGPORT:-5432}"

api_settings() {
  local work="$1" port="$2"
  # Production refuses to start without a key ring certificate; a throw-away self-signed one serves.
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Strata load key ring" -keyout "$work/ring.key" -out "$work/ring.crt" >/dev/null 2>&1
  openssl pkcs12 -export -inkey "$work/ring.key" -in "$work/ring.crt" -out "$work/ring.pfx" -passout pass:load
  export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production DOTNET_CLI_TELEMETRY_OPTOUT=1
  export Strata__Database__Provider=Postgres
  export ConnectionStrings__Strata="Host=$pghost;Port=$pgport;Database=$database;Username=${app_role%%:*};Password=${app_role#*:}"
  export ConnectionStrings__StrataMigrations="Host=$pghost;Port=$pgport;Database=$database;Username=${owner%%:*};Password=${owner#*:}"
  export Strata__Auth__DataProtection__Certificate__Path="$work/ring.pfx" Strata__Auth__DataProtection__Certificate__Password=load
  # Production sends mail over SMTP unless told otherwise; the sign-ups here queue verification mails to nobody.
  export Strata__Mail__Transport=PickupDirectory Strata__Mail__PickupDirectory="$work/mail"
  export Strata__Auth__Passkeys__RelyingPartyId=localhost Strata__Auth__Passkeys__Origins__0="http://localhost:$port"
}
