#!/usr/bin/env bash
# Hot reload, measured (docs/benchmarks.md, "Reload"):
#   1. reload-to-live: a saved change -> the new version answering, through the file watcher;
#   2. 10 reloads (2 broken edits, 1 edit failing a scenario) under steady wrk load: failed
#      requests, decisions from a rejected ruleset, p99 with and without reloads;
#   3. 200 reloads in a row: heap after GC and metaspace, start vs end.
# Needs wrk (apt-get install -y wrk) and the JDK's jcmd/jstat. Runs on 127.0.0.1:${PORT:-8090}.
# PARTS="1" runs only the reload-to-live part (SAMPLES saves, 5 by default), which also prints
# where each reload's time went (compile, scenarios) from the service's log.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-8090}
RELOADS=${RELOADS:-200}
PARTS=${PARTS:-1 2 3}
SAMPLES=${SAMPLES:-5}
export APPLICATION=${APPLICATION:-src/main/resources/examples/cyber-healthcare-application.json}
[[ " $PARTS " != *" 2 "* ]] || command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }
BASE="http://127.0.0.1:$PORT"
RULES=target/reload-bench-rules
MESSAGE_FILE=$RULES/v1/common/minimum-controls.drl

./mvnw -B -q package -DskipTests
rm -rf "$RULES"; cp -r rules "$RULES"
export UNDERWRITING_DATA_DIR=target/bench-data
TOKEN=$(./mvnw -q exec:exec@mint-token -Droles=decisions:write,decisions:read,rules:admin)
export TOKEN
MANAGEMENT="http://127.0.0.1:$((PORT + 1000))"
java -Xmx512m -XX:+UseParallelGC -Dquarkus.http.port="$PORT" -Dquarkus.http.host=127.0.0.1 -Dquarkus.management.port=$((PORT + 1000)) \
  -Dunderwriting.rules.dir="$RULES" -jar target/quarkus-app/quarkus-run.jar > target/reload-bench-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf -o /dev/null "$MANAGEMENT/q/health/ready" && break; sleep 1; done

version() { curl -s -H "Authorization: Bearer $TOKEN" "$BASE/rules" | sed -E 's/.*"version":"(sha256:[0-9a-f]+)".*/\1/; s/^(sha256:[0-9a-f]{64}).*/\1/'; }
# Gives MISSING_MFA_EMAIL's message a new revision number: a valid change with a new version.
revise() { sed -i -E "s/\"email does not require MFA( \(r[0-9]+\))?\"/\"email does not require MFA (r$1)\"/" "$MESSAGE_FILE"; }
now_ms() { date +%s%3N; }

part() { [[ " $PARTS " == *" $1 "* ]]; }

if part 1; then
echo "## 1. Reload-to-live through the watcher (default 500 ms debounce)"
times=()
for i in $(seq 1 "$SAMPLES"); do
  before=$(version); revise "$i"; start=$(now_ms)
  while [ "$(version)" = "$before" ]; do sleep 0.02; done
  times+=($(( $(now_ms) - start )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "reload-to-live ms: ${times[*]}  median ${sorted[$(( SAMPLES / 2 ))]}"
echo "where the time went (the service's log; the rest is the debounce and this script's polling):"
grep -oE '\(watch, [0-9]+ rules, [0-9]+ scenarios passed; compile [0-9]+ ms, scenarios [0-9]+ ms\)' target/reload-bench-server.log \
  | sed -E 's/.*compile ([0-9]+) ms, scenarios ([0-9]+) ms.*/  compile and lint \1 ms, scenarios \2 ms/' || true
fi

if part 2; then
echo
echo "## 2. 10 reloads under load"
run_wrk() { wrk -t1 -c8 -d"$1" -s src/bench/count-versions.lua "$BASE/decisions"; }
run_wrk 10s >/dev/null
quiet=$(run_wrk 20s)
echo "without reloads: $(grep RESULT <<<"$quiet")"
run_wrk 75s > target/reload-bench-wrk.txt &
WRK=$!
sleep 3
accepted=("$(version)"); rejected=()
reload() { curl -s -H "Authorization: Bearer $TOKEN" -X POST "$BASE/rules/reload"; }
for step in 1 2 3 4 5 6 7 8 9 10; do
  cp -r "$RULES" target/reload-bench-rules.before
  case $step in
    3) sed -i 's/Controls( mfaEmail == false )/Controls( mfaEmail == false/' "$MESSAGE_FILE" ;;            # syntax error
    6) sed -i 's/Controls( mfaRemoteAccess == false )/Controls( mfaRemoteAcess == false )/' "$MESSAGE_FILE" ;; # unknown field
    9) sed -i 's/criticalPatchDays > 30/criticalPatchDays > 40/' "$RULES/common/security-hygiene.drl" ;;      # fails a scenario
    *) revise "$((100 + step))" ;;
  esac
  answer=$(reload)
  candidate=$(grep -oE '"candidateVersion":"sha256:[0-9a-f]+"' <<<"$answer" | cut -d'"' -f4)
  if grep -q '"REJECTED"' <<<"$answer"; then rejected+=("$candidate"); echo "reload $step: REJECTED $candidate"
  else accepted+=("$candidate"); echo "reload $step: ACCEPTED $candidate"; fi
  if [ "$step" = 3 ] || [ "$step" = 6 ] || [ "$step" = 9 ]; then  # an underwriter reverts the bad edit
    rm -rf "$RULES"; mv target/reload-bench-rules.before "$RULES"
  else
    rm -rf target/reload-bench-rules.before
  fi
  sleep 3
done
wait $WRK
loaded=$(cat target/reload-bench-wrk.txt)
echo "during reloads:  $(grep RESULT <<<"$loaded")"
from_rejected=0
while read -r _ v count; do
  for r in "${rejected[@]}"; do [ "$v" = "$r" ] && from_rejected=$((from_rejected + count)); done
done < <(grep VERSION <<<"$loaded")
echo "decisions per ruleset version:"; grep VERSION <<<"$loaded" | sed 's/^VERSION /  /'
echo "rejected candidates: ${#rejected[@]}; decisions from a rejected ruleset: $from_rejected"
fi

if part 3; then
echo
echo "## 3. $RELOADS reloads in a row"
heap() {
  jcmd "$SERVER" GC.run >/dev/null; sleep 1; jcmd "$SERVER" GC.run >/dev/null
  jstat -gc "$SERVER" | awk 'NR==2 {printf "heap used after GC %.1f MiB, metaspace used %.1f MiB, class space %.1f MiB\n", ($3+$4+$6+$8)/1024, $10/1024, $12/1024}'
}
echo "start: $(heap)"
start=$(now_ms)
for i in $(seq 1 "$RELOADS"); do revise "$((1000 + i))"; reload >/dev/null; done
echo "$RELOADS reloads in $(( ($(now_ms) - start) / 1000 )) s"
echo "end:   $(heap)"
echo "final version answering: $(version)"
echo "rulesets loaded (active + not yet disposed): $(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/rules" | grep -oE '"loadedRuleSets":[0-9]+' | cut -d: -f2)"
fi
