#!/usr/bin/env bash
# Impact analysis over 100,000 stored decisions (docs/benchmarks.md, issue 4): time and peak heap,
# on the embedded store and on PostgreSQL (256 MiB heap), with the most heap still in use after any
# collection during the analysis: run it with COUNT=20000 too and compare, memory does not grow
# with the history.   src/bench/impact-bench.sh   (COUNT=100000 STORES="embedded postgresql" to override)
# The candidate is the v1 rules with the one-claim referral switched off (LOSS_HISTORY).
# PostgreSQL: the local server (trust auth, user postgres), database underwriting_impact_bench, recreated.
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/common.sh
COUNT=${COUNT:-100000}
STORES=${STORES:-embedded postgresql}
./mvnw -B -q -Pbench test-compile
rm -rf target/impact-candidate && cp -r rules target/impact-candidate
sed -i 's/\$claims : List( size == 1 )/$claims : List( size == 99 )/' target/impact-candidate/common/loss-history.drl
for store in $STORES; do
  target=embedded
  if [ "$store" = postgresql ]; then
    fresh_postgres_database underwriting_impact_bench
    target=jdbc:postgresql://127.0.0.1:5432/underwriting_impact_bench
  fi
  ./mvnw -B -q -Pbench exec:exec -Dbench.jvm="-Xmx256m -XX:+UseParallelGC" \
    -Dbench.main=com.healthcyber.underwriting.audit.ImpactAtScale -Djmh.args="$target $COUNT target/impact-candidate"
done
