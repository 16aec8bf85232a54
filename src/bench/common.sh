# Shared by the benchmark scripts; sourced from the repository root, never run on its own.

# Packages the app with the bench profile (adds POST /baseline/decisions) into target/bench-app.
build_bench_app() {
  ./mvnw -B -q package -DskipTests -Dquarkus.profile=bench -Dquarkus.package.output-directory=bench-app
}

# Recreates database $1 on the machine's local PostgreSQL (127.0.0.1:5432, user postgres, trust
# authentication), starting the server first if it is down.
fresh_postgres_database() {
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start; fi
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"
}

# Waits up to a minute for the server on 127.0.0.1:$PORT to decide $APPLICATION with $TOKEN;
# fails if it never does.
wait_until_deciding() {
  for _ in $(seq 1 60); do
    curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data @"$APPLICATION" \
      "http://127.0.0.1:$PORT/decisions" && return 0
    sleep 1
  done
  return 1
}
