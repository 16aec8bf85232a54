#!/usr/bin/env bash
# HTTP decisions/s against the baseline endpoint of the same server, in one run.
#   src/bench/http-bench.sh            (DURATION=20s CONNECTIONS=16 ROUNDS=2 to override)
# Builds the app with the bench profile (which adds /baseline/decisions), starts it on
# 127.0.0.1:${PORT:-8089}, alternates wrk runs on both endpoints and prints a markdown table.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-8089}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-16}
ROUNDS=${ROUNDS:-2}
APPLICATION=${APPLICATION:-src/main/resources/examples/cyber-healthcare-application.json}
export APPLICATION
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }

./mvnw -B -q package -DskipTests -Dquarkus.profile=bench -Dquarkus.package.output-directory=bench-app
# Both endpoints need the same bearer token: a local key pair in the bench's own data directory.
export UNDERWRITING_DATA_DIR=target/bench-data
TOKEN=$(./mvnw -q exec:exec@mint-token -Droles=decisions:write)
export TOKEN
java -Xmx512m -XX:+UseParallelGC -Dquarkus.http.port="$PORT" -Dquarkus.http.host=127.0.0.1 -Dquarkus.management.port=$((PORT + 1000)) \
  -Dunderwriting.rules.dir="${RULES_DIR:-rules}" -jar target/bench-app/quarkus-run.jar > target/http-bench-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data @"$APPLICATION" "http://127.0.0.1:$PORT/decisions" && break
  sleep 1
done

run() { wrk -t1 -c"$CONNECTIONS" -d"$1" -s src/bench/post-application.lua "http://127.0.0.1:$PORT$2" | grep RESULT; }
run 10s /baseline/decisions >/dev/null   # warm-up: JIT, session pool, connection pool
run 10s /decisions >/dev/null

echo "| round | endpoint | requests/s | p50 ms | p99 ms | errors | non-2xx |"
echo "|---|---|---|---|---|---|---|"
total_base=0; total_decide=0
for round in $(seq 1 "$ROUNDS"); do
  for endpoint in /baseline/decisions /decisions; do
    line=$(run "$DURATION" "$endpoint")
    rps=$(sed -E 's/.*requests_per_sec=([0-9.]+).*/\1/' <<<"$line")
    echo "| $round | $endpoint | $rps | $(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<<"$line") | $(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$line") | $(sed -E 's/.*errors=([0-9]+).*/\1/' <<<"$line") | $(sed -E 's/.*non2xx=([0-9]+).*/\1/' <<<"$line") |"
    if [ "$endpoint" = /decisions ]; then total_decide=$(echo "$total_decide + $rps" | bc); else total_base=$(echo "$total_base + $rps" | bc); fi
  done
done
echo
echo "decisions/s ÷ baseline/s = $(echo "scale=3; $total_decide / $total_base" | bc)"
