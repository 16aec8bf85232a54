#!/usr/bin/env bash
# Per-decision cost of the running service with the v1 rules and with 10 times as many
# (docs/benchmarks.md, "Scaling"): the decision throughput of two servers, one on target/rules-1x
# (v1 alone) and one on target/rules-10x (v1 and generated rules; see RuleSetScaling), both
# deciding every date (v1's own windows end where v2 begins), each recording on its own fresh PostgreSQL database,
# loaded in turn by wrk on 127.0.0.1 in alternating runs, for each example application.
#   src/bench/service-scaling-bench.sh     (ROUNDS=6 DURATION=10s CONNECTIONS=64 to override)
# Cost per decision is reported two ways: wall time (2 cores / decisions per second) and the CPU
# the service and PostgreSQL spent per decision (/proc), each as the 10x figure over the 1x one.
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/common.sh
PORT=${PORT:-8091}
ROUNDS=${ROUNDS:-6}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }

./mvnw -B -q -Pbench test-compile
./mvnw -B -q -Pbench exec:exec -Dbench.main=com.healthcyber.underwriting.bench.RuleSetScaling -Djmh.args="target/rules-1x 1"
./mvnw -B -q -Pbench exec:exec -Dbench.main=com.healthcyber.underwriting.bench.RuleSetScaling -Djmh.args="target/rules-10x 10"
./mvnw -B -q package -DskipTests
rm -rf target/scaling-data
export UNDERWRITING_DATA_DIR=target/scaling-data
TOKEN=$(./mvnw -q exec:exec@mint-token -Droles=decisions:write)
export TOKEN

SERVERS=()
trap 'for pid in "${SERVERS[@]}"; do kill "$pid" 2>/dev/null || true; done' EXIT
start() { # port rules-dir database
  fresh_postgres_database "$3" >/dev/null
  UNDERWRITING_STORE_URL=jdbc:postgresql://127.0.0.1:5432/$3 UNDERWRITING_STORE_USERNAME=postgres \
    java -Xmx512m -XX:+UseParallelGC -Dquarkus.http.port="$1" -Dquarkus.http.host=127.0.0.1 \
    -Dquarkus.management.port=$(($1 + 1000)) -Dunderwriting.rules.dir="$2" -Dunderwriting.rules.watch=false \
    -jar target/quarkus-app/quarkus-run.jar > "target/service-scaling-$3.log" 2>&1 &
  SERVERS+=($!)
}
start "$PORT" target/rules-1x underwriting_scaling_1x
start $((PORT + 1)) target/rules-10x underwriting_scaling_10x
PIDS=("${SERVERS[@]}")

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
postgres_ticks() { local sum=0; for pid in $(pgrep -u postgres postgres); do sum=$((sum + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0))); done; echo "$sum"; }
HZ=$(getconf CLK_TCK)
# Prints "decisions/s cpu-microseconds-per-decision" for one wrk run against server $1 (0 or 1).
measure() {
  local port=$((PORT + $1)) pid=${PIDS[$1]} service0 pg0 line rps
  service0=$(ticks "$pid"); pg0=$(postgres_ticks)
  line=$(wrk -t1 -c"$CONNECTIONS" -d"$2" -s src/bench/post-application.lua "http://127.0.0.1:$port/decisions" | grep RESULT)
  grep -q 'errors=0 non2xx=0' <<<"$line" || { echo "failed requests: $line" >&2; exit 1; }
  rps=$(sed -E 's/.*requests_per_sec=([0-9.]+).*/\1/' <<<"$line")
  echo "$rps $(echo "scale=1; ($(ticks "$pid") - $service0 + $(postgres_ticks) - $pg0) * 1000000 / $HZ / ($rps * ${2%s})" | bc)"
}
median() { tr ' ' '\n' | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

for application in cyber-healthcare-application.json medical-registry-application.json; do
  export APPLICATION=src/main/resources/examples/$application
  PORT=$PORT wait_until_deciding || { echo "the 1x server did not start; see target/service-scaling-*.log" >&2; exit 1; }
  PORT=$((PORT + 1)) wait_until_deciding || { echo "the 10x server did not start; see target/service-scaling-*.log" >&2; exit 1; }
  for _ in 1 2; do measure 0 15s >/dev/null; measure 1 15s >/dev/null; done # JIT, pools
  echo
  echo "$application, wrk -t1 -c$CONNECTIONS -d$DURATION, $ROUNDS rounds"
  echo
  echo "| round | 1x decisions/s | 10x decisions/s | 1x CPU µs/decision | 10x CPU µs/decision |"
  echo "|---|---|---|---|---|"
  wall_ratios=(); cpu_ratios=()
  for round in $(seq 1 "$ROUNDS"); do
    if [ $((round % 2)) -eq 1 ]; then read -r r1 c1 < <(measure 0 "$DURATION"); read -r r10 c10 < <(measure 1 "$DURATION")
    else read -r r10 c10 < <(measure 1 "$DURATION"); read -r r1 c1 < <(measure 0 "$DURATION"); fi
    echo "| $round | $r1 | $r10 | $c1 | $c10 |"
    wall_ratios+=("$(echo "scale=3; $r1 / $r10" | bc)"); cpu_ratios+=("$(echo "scale=3; $c10 / $c1" | bc)")
  done
  echo
  echo "- per-decision cost at 10x / at 1x, median of rounds: wall $(median <<<"${wall_ratios[*]}"), CPU $(median <<<"${cpu_ratios[*]}")"
done
