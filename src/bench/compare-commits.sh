#!/usr/bin/env bash
# Same-run comparison of two or more commits: does a change cost anything?
#   src/bench/compare-commits.sh BASE [OTHER...]     (default OTHER: HEAD)
#   ROUNDS=4 DURATION=10s CONNECTIONS=64 JMH=on HTTP=on NICE=0 to override
# Each commit is checked out on its own under target/compare/<sha> and built there as it was
# (its own pom, rules and bench sources). Then, round after round, the commits take turns:
#   - HTTP: each commit's packaged service in turn, on its own rules and a fresh embedded store,
#     serves wrk POST /decisions (every decision recorded) and POST /baseline/decisions; one
#     server at a time, so the idle one cannot disturb the other's figures;
#   - in process: each commit's DecisionBenchmark (JMH, classic DRL, both products, one fork).
# Taking turns within one run lets every commit see the same machine drift; the summary gives
# each commit's mean and its ratio to BASE.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
. src/bench/common.sh
[ $# -ge 1 ] || { echo "usage: $0 BASE [OTHER...]" >&2; exit 2; }
ROUNDS=${ROUNDS:-4}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
JMH=${JMH:-on}
HTTP=${HTTP:-on}
PORT=${PORT:-8089}
NICE=${NICE:-0}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }

SHAS=()
for ref in "$@" $([ $# -eq 1 ] && echo HEAD); do SHAS+=("$(git rev-parse --short=10 "$ref^{commit}")"); done

for sha in "${SHAS[@]}"; do
  dir=target/compare/$sha
  if [ ! -d "$dir" ]; then
    git worktree add -f --detach "$dir" "$sha" >/dev/null
  fi
  echo "building $sha in $dir" >&2
  (cd "$dir" && build_bench_app && { [ "$JMH" != on ] || ./mvnw -B -q -Pbench test-compile; })
done
rules_of() { if [ -d "$1/rules/v1" ]; then echo "$1/rules/v1"; else echo "$1/rules"; fi; }

# One key pair and one token for every server: the first commit's data directory, copied.
BASE_DIR=target/compare/${SHAS[0]}
rm -rf target/compare/data
export UNDERWRITING_DATA_DIR=$ROOT/target/compare/data
TOKEN=$(cd "$BASE_DIR" && UNDERWRITING_DATA_DIR=$UNDERWRITING_DATA_DIR ./mvnw -q exec:exec@mint-token -Droles=decisions:write)
export TOKEN
APPLICATION=$ROOT/$BASE_DIR/src/main/resources/examples/cyber-healthcare-application.json
export APPLICATION

SERVER=
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true' EXIT
start() { # sha
  local dir=$ROOT/target/compare/$1
  rm -rf "$UNDERWRITING_DATA_DIR"/decisions.*
  # The service is started on its commit's whole rules directory (one version or several).
  nice -n "$NICE" java -Xmx512m -XX:+UseParallelGC -Dquarkus.http.port="$PORT" -Dquarkus.http.host=127.0.0.1 \
    -Dquarkus.management.port=$((PORT + 1000)) -Dunderwriting.rules.dir="$dir/rules" \
    -jar "$dir/target/bench-app/quarkus-run.jar" > "$ROOT/target/compare/server-$1.log" 2>&1 &
  SERVER=$!
  wait_until_deciding || { echo "$1 did not start; see target/compare/server-$1.log" >&2; exit 1; }
}
stop() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=; }
wrk_run() { nice -n "$NICE" wrk -t1 -c"$CONNECTIONS" -d"$1" -s src/bench/post-application.lua "$2" | grep RESULT; }
field() { sed -E "s/.*$1=([0-9.]+).*/\\1/" <<<"$2"; }

declare -A SUM
add() { SUM[$1]=$(echo "${SUM[$1]:-0} + $2" | bc); }
echo "| round | commit | measure | value |"
echo "|---|---|---|---|"
for round in $(seq 1 "$ROUNDS"); do
  for sha in "${SHAS[@]}"; do
    if [ "$HTTP" = on ]; then
      start "$sha"
      for _ in 1 2; do wrk_run 10s "http://127.0.0.1:$PORT/decisions" >/dev/null; done # JIT, pools
      for endpoint in baseline/decisions decisions; do
        line=$(wrk_run "$DURATION" "http://127.0.0.1:$PORT/$endpoint")
        rps=$(field requests_per_sec "$line")
        echo "| $round | $sha | /$endpoint req/s (p99 $(field p99_ms "$line") ms, non-2xx $(field non2xx "$line")) | $rps |"
        add "$sha /$endpoint-req/s" "$rps"
      done
      stop
    fi
    if [ "$JMH" = on ]; then
      dir=target/compare/$sha
      rules=$(rules_of "$ROOT/$dir")
      out=$(cd "$dir" && nice -n "$NICE" ./mvnw -B -q -Pbench exec:exec \
        -Djmh.args="DecisionBenchmark -p executableModel=false -p rulesDir=$rules -f 1 -wi 3 -w 2s -i 3 -r 3s -rf csv -rff $ROOT/target/compare/jmh-$sha-$round.csv" 2>&1 | tail -5)
      [ -f "$ROOT/target/compare/jmh-$sha-$round.csv" ] || { echo "JMH failed for $sha: $out" >&2; exit 1; }
      # The median of each product's samples (the row named ...decide:p0.50).
      while IFS=$'\t' read -r app score; do
        echo "| $round | $sha | in process p50 µs/decision, $app | $score |"
        add "$sha in-process-p50-µs $app" "$score"
      done < <(python3 - "$ROOT/target/compare/jmh-$sha-$round.csv" <<'PY'
import csv, sys
rows = csv.DictReader(open(sys.argv[1]))
for row in rows:
    if row["Benchmark"].endswith("decide:p0.50"):
        print(row["Param: application"].removesuffix("-application.json"), row["Score"], sep="\t")
PY
)
    fi
  done
done

echo
echo "Means over $ROUNDS rounds (ratio to ${SHAS[0]}; for µs lower is better, for req/s higher):"
for key in $(printf '%s\n' "${!SUM[@]}" | sed -E 's/^[^ ]+ //' | sort -u | tr ' ' '\001'); do
  measure=${key//$'\001'/ }
  base=$(echo "scale=3; ${SUM[${SHAS[0]} $measure]:-0} / $ROUNDS" | bc)
  for sha in "${SHAS[@]}"; do
    mean=$(echo "scale=3; ${SUM[$sha $measure]:-0} / $ROUNDS" | bc)
    ratio=$( [ "$base" != 0 ] && echo "scale=3; $mean / $base" | bc || echo "-")
    echo "- $measure: $sha $mean (× $ratio)"
  done
done
