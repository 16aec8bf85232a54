#!/usr/bin/env bash
# Impact analysis over 1,000,000 stored decisions on PostgreSQL (docs/benchmarks.md, "Impact
# analysis"): decisions/s of the analysis beside the in-process figures of the same JVM (strict
# read alone, engine alone), and the live heap before, during and after, with a 256 MiB heap.
#   src/bench/impact-bench.sh
#   COUNT=1000000 STORES="postgresql embedded" SEED=reuse HEAP=256m JFR=target/impact.jfr NICE=-15 to override
# SEED=reuse analyses the database a previous run seeded with the same COUNT instead of seeding
# it again. The candidate is the v1 rules with the one-claim referral switched off (LOSS_HISTORY).
# NICE runs the analysis at that scheduling priority (root only below 0): on a machine whose two
# cores other work shares, it measures what the cores do for the analysis rather than how
# many other processes there were; the load average is printed with the figures either way.
# Under autogroup scheduling a process's nice counts only against its own session, so the
# session's group gets the same nice.
# PostgreSQL: the local server (trust auth, user postgres), database underwriting_impact_bench.
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/common.sh
COUNT=${COUNT:-1000000}
STORES=${STORES:-postgresql}
SEED=${SEED:-fresh}
HEAP=${HEAP:-256m}
JFR=${JFR:-}
NICE=${NICE:-0}
if [ "$NICE" != 0 ] && [ -w /proc/self/autogroup ]; then echo "$NICE" > /proc/self/autogroup; fi
./mvnw -B -q -Pbench test-compile
rm -rf target/impact-candidate && cp -r rules/v1 target/impact-candidate
sed -i 's/\$claims : List( size == 1 )/$claims : List( size == 99 )/' target/impact-candidate/common/loss-history.drl
grep -q 'size == 99' target/impact-candidate/common/loss-history.drl || { echo "the candidate's edit did not apply" >&2; exit 1; }
for store in $STORES; do
  target=embedded
  if [ "$store" = postgresql ]; then
    [ "$SEED" = reuse ] || fresh_postgres_database underwriting_impact_bench
    target=jdbc:postgresql://127.0.0.1:5432/underwriting_impact_bench
  fi
  nice -n "$NICE" ./mvnw -B -q -Pbench exec:exec -Dbench.jvm="-Xmx$HEAP -XX:+UseParallelGC ${JFR:+-Dimpact.jfr=$JFR -XX:FlightRecorderOptions:stackdepth=2048}" \
    -Dbench.main=com.healthcyber.underwriting.audit.ImpactAtScale -Djmh.args="$target $COUNT target/impact-candidate $SEED"
done
