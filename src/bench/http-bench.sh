#!/usr/bin/env bash
# HTTP decisions/s, each decision durably recorded, against the baseline endpoint, in one run:
#   src/bench/http-bench.sh     (DURATION=10s CONNECTIONS="16 64 256" ROUNDS=4 STORES="embedded postgresql" CACHES="on off" to override)
# Builds the app with the bench profile, which adds POST /baseline/decisions: the same token
# check, strict JSON reading and validation, and a response of the same shape, but no rules and
# no recording. For each store in turn it starts a server on 127.0.0.1:$PORT with a fresh store,
# warms it up, alternates wrk runs on the baseline and on POST /decisions of that same server,
# and stops it; one server at a time, so the idle one cannot disturb the other's figures.
# Group commit shares one database commit among the requests waiting at that moment, so the
# number of concurrent requests matters to the recording endpoint; the table gives each, and the
# summary also compares the most each endpoint served at any of them (its throughput). Short
# runs, many rounds: this machine's speed drifts within minutes, and alternating often lets both
# endpoints see the same drift.
# Each store is measured with the verified-token cache on (the default) and off
# (underwriting.token-cache.enabled=false: every request's RS256 signature checked afresh), one
# server after the other; the summary compares each endpoint's throughput with and without it.
# PostgreSQL: the local server (trust auth, user postgres, 127.0.0.1:5432), started if it is
# down; the bench uses its own database underwriting_bench, recreated on every run.
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/common.sh
PORT=${PORT:-8089}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16 64 256}
ROUNDS=${ROUNDS:-4}
STORES=${STORES:-embedded postgresql}
CACHES=${CACHES:-on off}
APPLICATION=${APPLICATION:-src/main/resources/examples/cyber-healthcare-application.json}
export APPLICATION
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }

build_bench_app
# Every server checks the same bearer token: a local key pair in the bench's own data directory.
rm -rf target/bench-data
export UNDERWRITING_DATA_DIR=target/bench-data
TOKEN=$(java -Xmx256m -jar target/bench-app/quarkus-run.jar mint-token --roles=decisions:write)
export TOKEN

SERVER=
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true' EXIT
start() { # store [env...]
  local store=$1; shift
  rm -rf target/bench-data/decisions.*
  env "$@" java -Xmx512m -XX:+UseParallelGC -Dquarkus.http.port="$PORT" -Dquarkus.http.host=127.0.0.1 \
    -Dquarkus.management.port=$((PORT + 1000)) -Dunderwriting.rules.dir="${RULES_DIR:-rules}" \
    -jar target/bench-app/quarkus-run.jar > "target/http-bench-$store.log" 2>&1 &
  SERVER=$!
  wait_until_deciding || { echo "the $store server did not start; see target/http-bench-$store.log" >&2; exit 1; }
}
stop() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=; }
run() { wrk -t1 -c"$1" -d"$2" -s src/bench/post-application.lua "$3" | grep RESULT; }
field() { sed -E "s/.*$1=([0-9.]+).*/\\1/" <<<"$2"; }

SUMMARY=()
declare -A PEAK_BASE PEAK_DECIDE
for store in $STORES; do
  for cache in $CACHES; do
    case $cache in on) cached=true ;; off) cached=false ;; *) echo "CACHES: on or off, not $cache" >&2; exit 2 ;; esac
    case $store in
      embedded) start embedded UNDERWRITING_TOKEN_CACHE_ENABLED=$cached ;;
      postgresql)
        fresh_postgres_database underwriting_bench
        start postgresql UNDERWRITING_TOKEN_CACHE_ENABLED=$cached UNDERWRITING_STORE_URL=jdbc:postgresql://127.0.0.1:5432/underwriting_bench UNDERWRITING_STORE_USERNAME=postgres ;;
      *) echo "unknown store $store" >&2; exit 2 ;;
    esac
    baseline="http://127.0.0.1:$PORT/baseline/decisions"; decisions="http://127.0.0.1:$PORT/decisions"
    peak_base=0; peak_decide=0
    for warm in 1 2; do run 64 20s "$baseline" >/dev/null; run 64 20s "$decisions" >/dev/null; done # JIT, pools
    for connections in $CONNECTIONS; do
      echo
      echo "store $store, token cache $cache, wrk -t1 -c$connections -d$DURATION"
      echo
      echo "| round | endpoint | requests/s | p50 ms | p99 ms | errors | non-2xx |"
      echo "|---|---|---|---|---|---|---|"
      total_base=0; total_decide=0
      for round in $(seq 1 "$ROUNDS"); do
        for endpoint in baseline decisions; do
          if [ $endpoint = baseline ]; then url=$baseline; name=/baseline/decisions; else url=$decisions; name="/decisions ($store)"; fi
          line=$(run "$connections" "$DURATION" "$url")
          rps=$(field requests_per_sec "$line")
          echo "| $round | $name | $rps | $(field p50_ms "$line") | $(field p99_ms "$line") | $(field errors "$line") | $(field non2xx "$line") |"
          if [ $endpoint = baseline ]; then total_base=$(echo "$total_base + $rps" | bc); else total_decide=$(echo "$total_decide + $rps" | bc); fi
        done
      done
      SUMMARY+=("- $store, token cache $cache, $connections connections: baseline $(echo "scale=0; $total_base / $ROUNDS" | bc)/s, decisions $(echo "scale=0; $total_decide / $ROUNDS" | bc)/s, decisions/s ÷ baseline/s = $(echo "scale=3; $total_decide / $total_base" | bc)")
      if [ "$(echo "$total_base > $peak_base" | bc)" = 1 ]; then peak_base=$total_base; fi
      if [ "$(echo "$total_decide > $peak_decide" | bc)" = 1 ]; then peak_decide=$total_decide; fi
    done
    SUMMARY+=("- $store, token cache $cache, throughput (each endpoint at its best connection count): decisions/s ÷ baseline/s = $(echo "scale=3; $peak_decide / $peak_base" | bc)")
    PEAK_BASE[$store-$cache]=$peak_base; PEAK_DECIDE[$store-$cache]=$peak_decide
    stop
  done
  if [ -n "${PEAK_BASE[$store-on]:-}" ] && [ -n "${PEAK_BASE[$store-off]:-}" ]; then
    SUMMARY+=("- $store, token cache on ÷ off (throughput): baseline $(echo "scale=3; ${PEAK_BASE[$store-on]} / ${PEAK_BASE[$store-off]}" | bc)×, decisions $(echo "scale=3; ${PEAK_DECIDE[$store-on]} / ${PEAK_DECIDE[$store-off]}" | bc)×")
  fi
done
echo
printf '%s\n' "${SUMMARY[@]}"
