#!/usr/bin/env bash
# The console's page speed with COUNT decisions on PostgreSQL (docs/benchmarks.md, "Console pages"):
# seeds a database of its own once (audit/ConsoleSeed: real decisions copied by the server over
# the last 365 days; RESEED=yes to start again), runs the packaged service on it with a local
# console user, signs in and asks for each main page (the referral desk's queue and resolve form
# among them) REQUESTS times in turn (console/ConsolePageSpeed):
# p50, p99 and the slowest, request to last byte.
#   src/bench/console-bench.sh            (COUNT=1000000 REQUESTS=300 PORT=8093 DB=… to override)
# PostgreSQL: the local server (trust auth, user postgres), database underwriting_console_bench.
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/common.sh
COUNT=${COUNT:-1000000}
REQUESTS=${REQUESTS:-300}
PORT=${PORT:-8093}
DB=${DB:-underwriting_console_bench}
URL=jdbc:postgresql://127.0.0.1:5432/$DB
# bcrypt of "bench-password", the bench user's password
HASH='$2a$10$hnCF0DKvkDOtZt.zao2.Z.pHi8YtCcs1SgtGdFWjCBa5DHdmKfLtS'

if [ "${RESEED:-no}" = yes ] || ! psql -h 127.0.0.1 -U postgres -lqt 2>/dev/null | cut -d'|' -f1 | grep -qw "$DB"; then
  fresh_postgres_database "$DB"
fi
# The jar first: packaging recompiles the tests without the bench sources.
./mvnw -B -q package -DskipTests
./mvnw -B -q -Pbench test-compile
./mvnw -B -q -Pbench exec:exec -Dbench.jvm="-Xmx1g" \
  -Dbench.main=com.healthcyber.underwriting.audit.ConsoleSeed -Djmh.args="$URL $COUNT"
# The seed copies decisions in SQL, past the writer that queues referrals: the queue is rebuilt
# from the record as db/migration/V6 says it can be (every referral open; the bench resolves none).
psql -q -h 127.0.0.1 -U postgres -d "$DB" -c "TRUNCATE open_referral" -c "INSERT INTO open_referral
  SELECT d.decided_at, d.decision_id, d.product, d.required_authority FROM decision d
  WHERE d.required_authority IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM referral_resolution r WHERE r.decision_id = d.decision_id)"
psql -q -h 127.0.0.1 -U postgres -d "$DB" -c "VACUUM ANALYZE decision" -c "VACUUM ANALYZE open_referral"

rm -rf target/console-bench-data
java -Xmx512m -Dquarkus.http.port="$PORT" -Dquarkus.management.port=$((PORT + 1)) \
  -Dunderwriting.data.dir=target/console-bench-data -Dunderwriting.rules.watch=false \
  -Dunderwriting.store.url="$URL" -Dunderwriting.store.username=postgres \
  -Dunderwriting.console.users.bench.password-hash="$HASH" \
  -Dunderwriting.console.users.bench.roles=decisions:read,rules:admin,referrals:resolve \
  -Dunderwriting.console.users.bench.authority=UNDERWRITING_MANAGER \
  -jar target/quarkus-app/quarkus-run.jar > target/console-bench-service.log 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf -o /dev/null "http://127.0.0.1:$((PORT + 1))/q/health/ready" && break
  sleep 1
done
echo "decisions on record: $(psql -qtA -h 127.0.0.1 -U postgres -d "$DB" -c 'SELECT count(*) FROM decision')"
./mvnw -B -q -Pbench exec:exec -Dbench.jvm="-Xmx256m" \
  -Dbench.main=com.healthcyber.underwriting.console.ConsolePageSpeed \
  -Djmh.args="http://127.0.0.1:$PORT bench bench-password $REQUESTS"
