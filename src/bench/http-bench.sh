#!/usr/bin/env bash
# HTTP decisions/s, each decision durably recorded, against the baseline endpoint, in one run:
#   src/bench/http-bench.sh            (DURATION=20s CONNECTIONS=16 ROUNDS=2 STORES="embedded postgresql" to override)
# Builds the app with the bench profile (which adds /baseline/decisions: parse, validate and
# return the same JSON, no rules, no recording), starts one server per store on 127.0.0.1
# (embedded H2 on $PORT, PostgreSQL on $PORT+1, each with a fresh store), alternates wrk runs
# and prints a markdown table with each store's decisions/s ÷ baseline/s.
# PostgreSQL: the local server (trust auth, user postgres, 127.0.0.1:5432), started if it is
# down; the bench uses its own database underwriting_bench, recreated on every run.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-8089}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-16}
ROUNDS=${ROUNDS:-2}
STORES=${STORES:-embedded postgresql}
APPLICATION=${APPLICATION:-src/main/resources/examples/cyber-healthcare-application.json}
export APPLICATION
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }

./mvnw -B -q package -DskipTests -Dquarkus.profile=bench -Dquarkus.package.output-directory=bench-app
# Every server checks the same bearer token: a local key pair in the bench's own data directory.
rm -rf target/bench-data
export UNDERWRITING_DATA_DIR=target/bench-data
TOKEN=$(./mvnw -q exec:exec@mint-token -Droles=decisions:write)
export TOKEN

SERVERS=()
trap 'for pid in "${SERVERS[@]}"; do kill "$pid" 2>/dev/null || true; done' EXIT
start() { # store port [env...]
  local store=$1 port=$2; shift 2
  env "$@" java -Xmx512m -XX:+UseParallelGC -Dquarkus.http.port="$port" -Dquarkus.http.host=127.0.0.1 \
    -Dquarkus.management.port=$((port + 1000)) -Dunderwriting.rules.dir="${RULES_DIR:-rules}" \
    -jar target/bench-app/quarkus-run.jar > "target/http-bench-$store.log" 2>&1 &
  SERVERS+=($!)
  for _ in $(seq 1 60); do
    curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data @"$APPLICATION" \
      "http://127.0.0.1:$port/decisions" && return 0
    sleep 1
  done
  echo "the $store server did not start; see target/http-bench-$store.log" >&2; exit 1
}

declare -A ENDPOINT_URL
ENDPOINTS=(baseline)
for store in $STORES; do
  case $store in
    embedded)
      start embedded "$PORT"
      ENDPOINTS+=("decisions-embedded"); ENDPOINT_URL[decisions-embedded]="http://127.0.0.1:$PORT/decisions" ;;
    postgresql)
      if ! pg_isready -q -h 127.0.0.1 -p 5432; then pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start; fi
      psql -q -h 127.0.0.1 -U postgres -c 'DROP DATABASE IF EXISTS underwriting_bench WITH (FORCE)' -c 'CREATE DATABASE underwriting_bench'
      start postgresql $((PORT + 1)) UNDERWRITING_STORE_URL=jdbc:postgresql://127.0.0.1:5432/underwriting_bench UNDERWRITING_STORE_USERNAME=postgres
      ENDPOINTS+=("decisions-postgresql"); ENDPOINT_URL[decisions-postgresql]="http://127.0.0.1:$((PORT + 1))/decisions" ;;
    *) echo "unknown store $store" >&2; exit 2 ;;
  esac
done
# The baseline is served by the first server started: the same code in each, and it records nothing.
ENDPOINT_URL[baseline]="${ENDPOINT_URL[${ENDPOINTS[1]}]%/decisions}/baseline/decisions"

run() { wrk -t1 -c"$CONNECTIONS" -d"$1" -s src/bench/post-application.lua "$2" | grep RESULT; }
for endpoint in "${ENDPOINTS[@]}"; do run 10s "${ENDPOINT_URL[$endpoint]}" >/dev/null; done # warm-up: JIT, pools

echo "| round | endpoint | requests/s | p50 ms | p99 ms | errors | non-2xx |"
echo "|---|---|---|---|---|---|---|"
declare -A TOTAL
for endpoint in "${ENDPOINTS[@]}"; do TOTAL[$endpoint]=0; done
for round in $(seq 1 "$ROUNDS"); do
  for endpoint in "${ENDPOINTS[@]}"; do
    line=$(run "$DURATION" "${ENDPOINT_URL[$endpoint]}")
    rps=$(sed -E 's/.*requests_per_sec=([0-9.]+).*/\1/' <<<"$line")
    echo "| $round | $endpoint | $rps | $(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<<"$line") | $(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$line") | $(sed -E 's/.*errors=([0-9]+).*/\1/' <<<"$line") | $(sed -E 's/.*non2xx=([0-9]+).*/\1/' <<<"$line") |"
    TOTAL[$endpoint]=$(echo "${TOTAL[$endpoint]} + $rps" | bc)
  done
done
echo
for endpoint in "${ENDPOINTS[@]}"; do
  [ "$endpoint" = baseline ] && continue
  echo "$endpoint/s ÷ baseline/s = $(echo "scale=3; ${TOTAL[$endpoint]} / ${TOTAL[baseline]}" | bc)"
done
