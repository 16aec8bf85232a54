#!/usr/bin/env bash
# Where a request's CPU goes: async-profiler flame graphs of the baseline and of recorded
# decisions on PostgreSQL, one server under wrk load (docs/benchmarks.md, "Recorded decisions").
#   src/bench/profile.sh          (CONNECTIONS=64 DURATION=15s to override)
# Writes target/profile-baseline.html and target/profile-decisions.html. async-profiler comes
# from Maven Central (tools.profiler:async-profiler, linux-x64) and is attached with jcmd after
# the warm-up, so start-up and JIT compilation stay out of the picture.
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/common.sh
PORT=${PORT:-8089}
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-15s}
APPLICATION=${APPLICATION:-src/main/resources/examples/cyber-healthcare-application.json}
export APPLICATION
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }

build_bench_app
./mvnw -B -q dependency:copy -Dartifact=tools.profiler:async-profiler:4.1:jar:linux-x64 -DoutputDirectory=target/profiler
unzip -oq target/profiler/async-profiler-4.1-linux-x64.jar -d target/profiler
AGENT=$PWD/target/profiler/linux-x64/libasyncProfiler.so

rm -rf target/profile-data
export UNDERWRITING_DATA_DIR=target/profile-data
TOKEN=$(java -Xmx256m -jar target/bench-app/quarkus-run.jar mint-token --roles=decisions:write)
export TOKEN
fresh_postgres_database underwriting_profile
UNDERWRITING_STORE_URL=jdbc:postgresql://127.0.0.1:5432/underwriting_profile UNDERWRITING_STORE_USERNAME=postgres \
  java -Xmx512m -XX:+UseParallelGC -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints \
  -Dquarkus.http.port="$PORT" -Dquarkus.http.host=127.0.0.1 -Dquarkus.management.port=$((PORT + 1000)) \
  -jar target/bench-app/quarkus-run.jar > target/profile-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS underwriting_profile WITH (FORCE)" || true' EXIT
wait_until_deciding || { echo "the server did not start; see target/profile-server.log" >&2; exit 1; }
load() { wrk -t1 -c"$CONNECTIONS" -d"$1" -s src/bench/post-application.lua "http://127.0.0.1:$PORT$2" | grep RESULT; }
for endpoint in baseline decisions; do
  path=/decisions; [ $endpoint = baseline ] && path=/baseline/decisions
  load 30s "$path" >/dev/null # warm-up
  # The inner quotes keep jcmd from reading the agent's "key=value" options as its own arguments.
  jcmd "$SERVER" JVMTI.agent_load "$AGENT" '"start,event=cpu,interval=1ms"' >/dev/null
  echo "$endpoint: $(load "$DURATION" "$path")"
  jcmd "$SERVER" JVMTI.agent_load "$AGENT" "\"stop,file=$PWD/target/profile-$endpoint.html\"" >/dev/null
  echo "  flame graph: target/profile-$endpoint.html"
done
