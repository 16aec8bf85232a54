#!/usr/bin/env bash
# The referral desk at scale (docs/benchmarks.md, "Referral desk"): listing the queue and resolving
# referrals with 1,000,000 decisions on record, 100,000 referrals open and 200,000 resolved, on the
# machine's PostgreSQL.
#   src/bench/referral-bench.sh     (DECISIONS=1000000 OPEN=100000 DURATION=20s CONNECTIONS="1 4" to override)
# Builds the app, starts it on a fresh database (Flyway creates the schema), loads the history with
# src/bench/referral-data.sql, then for each query of the desk: its plan (EXPLAIN ANALYZE, into
# target/referral-bench-plans.txt), its time inside PostgreSQL (pgbench, one client, per-run
# percentiles), and its time over HTTP through the service (wrk, p50/p90/p99), at each connection
# count. Last, resolutions over HTTP, each a different open referral, with a manager's token.
# PostgreSQL: the local server (trust auth, user postgres), database underwriting_referral_bench, recreated.
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/common.sh
DECISIONS=${DECISIONS:-1000000}
OPEN=${OPEN:-100000}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-1 4}
PORT=${PORT:-8091}
DB=underwriting_referral_bench
PSQL=(psql -q -X -h 127.0.0.1 -U postgres -d "$DB")
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }

build_bench_app
fresh_postgres_database "$DB"
rm -rf target/referral-bench-data
export UNDERWRITING_DATA_DIR=target/referral-bench-data
SERVER=
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true' EXIT
UNDERWRITING_STORE_URL=jdbc:postgresql://127.0.0.1:5432/$DB UNDERWRITING_STORE_USERNAME=postgres \
  java -Xmx512m -XX:+UseParallelGC -Dquarkus.http.port="$PORT" -Dquarkus.http.host=127.0.0.1 \
  -Dquarkus.management.port=$((PORT + 1000)) -Dunderwriting.rules.dir=rules \
  -Dquarkus.datasource.postgresql.jdbc.acquisition-timeout=30S \
  -jar target/bench-app/quarkus-run.jar > target/referral-bench-service.log 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$((PORT + 1000))/q/health/ready" && break; sleep 1; done
curl -sf -o /dev/null "http://127.0.0.1:$((PORT + 1000))/q/health/ready" || { echo "the service did not start" >&2; exit 1; }

echo "Loading $DECISIONS decisions, $OPEN open referrals ..."
time "${PSQL[@]}" -v decisions="$DECISIONS" -v open="$OPEN" \
  -v body="$(cat src/main/resources/examples/cyber-healthcare-application.json)" -f src/bench/referral-data.sql
"${PSQL[@]}" -c "SELECT pg_size_pretty(pg_total_relation_size('decision')) AS decision, pg_size_pretty(pg_total_relation_size('open_referral')) AS open_referral, pg_size_pretty(pg_total_relation_size('referral_resolution')) AS referral_resolution"

TOKEN=$(java -Xmx256m -jar target/bench-app/quarkus-run.jar mint-token --roles=decisions:read,referrals:resolve --authority=UNDERWRITING_MANAGER --user=bench-manager)
export TOKEN
# A cursor half-way down the open queue, and "resolved since" a day before the last resolution.
MIDDLE=$("${PSQL[@]}" -At -c "SELECT 'OPEN|' || to_char(decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') || '|' || decision_id FROM open_referral ORDER BY decided_at, decision_id OFFSET $((OPEN / 2)) LIMIT 1")
CURSOR=$(printf '%s' "$MIDDLE" | base64 -w0 | tr '+/' '-_' | tr -d '=')
SINCE=$("${PSQL[@]}" -At -c "SELECT to_char((max(resolved_at) - interval '1 day') AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM referral_resolution")
MIDDLE_AT=${MIDDLE#OPEN|}; MIDDLE_ID=${MIDDLE_AT#*|}; MIDDLE_AT=${MIDDLE_AT%%|*}

# Each query as the service sends it (audit/ReferralRepository), one page of 50 and the row telling whether another follows.
OPEN_SELECT="SELECT q.decision_id, q.decided_at, q.product, q.required_authority, d.application_id, d.reasons FROM open_referral q JOIN decision d ON d.decision_id = q.decision_id"
RESOLVED_SELECT="SELECT r.decision_id, r.product, r.required_authority, r.decided_at, r.action, r.final_outcome, r.rationale, r.subjectivities, r.resolved_by, r.authority, r.resolved_at, r.idempotency_key, d.application_id, d.reasons FROM referral_resolution r JOIN decision d ON d.decision_id = r.decision_id"
declare -A URLS SQLS
NAMES=(queue manager-queue registry-seniors deep-page resolved-since)
URLS[queue]="/referrals?limit=50"
SQLS[queue]="$OPEN_SELECT ORDER BY q.decided_at, q.decision_id LIMIT 51"
URLS[manager-queue]="/referrals?requiredAuthority=UNDERWRITING_MANAGER&limit=50"
SQLS[manager-queue]="$OPEN_SELECT WHERE q.required_authority = 'UNDERWRITING_MANAGER' ORDER BY q.decided_at, q.decision_id LIMIT 51"
URLS[registry-seniors]="/referrals?product=MEDICAL_REGISTRY&requiredAuthority=SENIOR_UNDERWRITER&limit=50"
SQLS[registry-seniors]="$OPEN_SELECT WHERE q.required_authority = 'SENIOR_UNDERWRITER' AND q.product = 'MEDICAL_REGISTRY' ORDER BY q.decided_at, q.decision_id LIMIT 51"
URLS[deep-page]="/referrals?limit=50&cursor=$CURSOR"
SQLS[deep-page]="$OPEN_SELECT WHERE q.decided_at >= '$MIDDLE_AT' AND (q.decided_at > '$MIDDLE_AT' OR q.decision_id > '$MIDDLE_ID') ORDER BY q.decided_at, q.decision_id LIMIT 51"
URLS[resolved-since]="/referrals?resolvedFrom=$SINCE&limit=50"
SQLS[resolved-since]="$RESOLVED_SELECT WHERE r.resolved_at >= '$SINCE' ORDER BY r.resolved_at, r.decision_id LIMIT 51"

: > target/referral-bench-plans.txt
percentiles() { # a pgbench per-transaction log -> p50 p99 max in ms
  awk '{print $3 / 1000}' "$@" | sort -n | awk '{a[NR]=$1} END {printf "p50 %.3f  p99 %.3f  max %.3f  (%d runs)", a[int(NR*0.5)], a[int(NR*0.99)], a[NR], NR}'
}
echo
echo "| query | in PostgreSQL (pgbench, 1 client, 10 s) | HTTP, wrk -c1 | HTTP, wrk -c4 |"
for name in "${NAMES[@]}"; do
  { echo "== $name"; "${PSQL[@]}" -c "EXPLAIN (ANALYZE, BUFFERS) ${SQLS[$name]}"; } >> target/referral-bench-plans.txt
  printf '%s;\n' "${SQLS[$name]}" > target/referral-bench-query.sql
  rm -f target/referral-bench-pgbench*
  pgbench -n -h 127.0.0.1 -U postgres -c 1 -T 10 -f target/referral-bench-query.sql --log --log-prefix=target/referral-bench-pgbench "$DB" > /dev/null
  inside=$(percentiles target/referral-bench-pgbench*)
  line="| $name | $inside |"
  wrk -t1 -c4 -d5s -s src/bench/referral-get.lua "http://127.0.0.1:$PORT${URLS[$name]}" > /dev/null # warm-up
  for connections in $CONNECTIONS; do
    result=$(wrk -t1 -c"$connections" -d"$DURATION" -s src/bench/referral-get.lua "http://127.0.0.1:$PORT${URLS[$name]}" | grep RESULT)
    line="$line ${result#RESULT } |"
  done
  echo "$line"
done

echo
# The resolution's transaction inside PostgreSQL, as ReferralRepository sends it: the insert, the queue row's
# removal, the commit (a WAL flush: durable before the answer). Rows of its own, so the desk's referrals stay open.
cat > target/referral-bench-resolve.sql <<'SQL'
\set k random(1, 2000000000)
BEGIN;
INSERT INTO referral_resolution (decision_id, product, required_authority, decided_at, action, final_outcome, rationale, subjectivities, resolved_by, authority, resolved_at, idempotency_key) VALUES ('pgbench-' || :k, 'CYBER_HEALTHCARE', 'SENIOR_UNDERWRITER', now(), 'APPROVE', 'ACCEPT', 'Reviewed at the desk.', '[]', 'pgbench', 'UNDERWRITING_MANAGER', now(), NULL) ON CONFLICT DO NOTHING;
DELETE FROM open_referral WHERE decided_at = now() AND decision_id = 'pgbench-' || :k;
COMMIT;
SQL
rm -f target/referral-bench-pgbench*
pgbench -n -h 127.0.0.1 -U postgres -c 1 -T 10 -f target/referral-bench-resolve.sql --log --log-prefix=target/referral-bench-pgbench "$DB" > /dev/null
echo "| resolve, in PostgreSQL (pgbench, 1 client, 10 s) | $(percentiles target/referral-bench-pgbench*) |"
"${PSQL[@]}" -c "DELETE FROM referral_resolution WHERE decision_id LIKE 'pgbench-%'"
echo "Resolutions over HTTP, each a different open referral (a manager's token):"
"${PSQL[@]}" -At -c "SELECT decision_id FROM open_referral ORDER BY (('x' || substr(md5(decision_id), 1, 8))::bit(32)::int)" > target/referral-bench-open.txt
runs=$(wc -w <<<"$CONNECTIONS"); slice=$((OPEN / runs)); run=0
for connections in $CONNECTIONS; do
  # Each run its own referrals: one resolved by an earlier run would answer 409.
  sed -n "$((run * slice + 1)),$(((run + 1) * slice))p" target/referral-bench-open.txt > target/referral-bench-slice.txt
  export REFERRALS=target/referral-bench-slice.txt; run=$((run + 1))
  result=$(wrk -t1 -c"$connections" -d"$DURATION" -s src/bench/referral-resolve.lua "http://127.0.0.1:$PORT/" | grep RESULT)
  echo "| resolve, wrk -c$connections | ${result#RESULT } |"
done
"${PSQL[@]}" -c "SELECT count(*) AS open_referrals_left, (SELECT count(*) FROM referral_resolution) AS resolutions FROM open_referral"
echo "Load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; plans in target/referral-bench-plans.txt"
