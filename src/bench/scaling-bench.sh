#!/usr/bin/env bash
# Per-decision cost with the v1 ruleset (45 rules) and with 10 times as many rules
# (docs/benchmarks.md, "Scaling"), for the classic DRL engine (the default) and the executable model.
# The two rulesets are timed in alternating slices in one JVM (ScalingComparison): this machine's
# speed drifts too much between separate runs for a ratio near 1.3 to mean anything.
#   ROUNDS=200 src/bench/scaling-bench.sh
# JMH on either directory, for absolute figures:
#   ./mvnw -Pbench test-compile exec:exec -Djmh.args="-f 3 -p rulesDir=rules/v1,target/rules-10x"
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-200}
./mvnw -B -q -Pbench test-compile
./mvnw -B -q -Pbench exec:exec -Dbench.main=com.healthcyber.underwriting.bench.RuleSetScaling -Djmh.args="target/rules-10x 10"
for executableModel in false true; do
  ./mvnw -B -q -Pbench exec:exec -Dbench.jvm=-XX:+UseParallelGC -Dbench.main=com.healthcyber.underwriting.bench.ScalingComparison \
    -Djmh.args="rules/v1 target/rules-10x $executableModel $ROUNDS"
done
