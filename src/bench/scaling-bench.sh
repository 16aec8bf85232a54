#!/usr/bin/env bash
# Per-decision cost with the v1 ruleset (45 rules) and with 10 times as many rules
# (docs/benchmarks.md, issue 5). JMH, same settings as the in-process benchmark.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -Pbench test-compile
./mvnw -B -q -Pbench exec:exec -Dbench.main=com.healthcyber.underwriting.bench.RuleSetScaling -Djmh.args="target/rules-10x 10"
./mvnw -B -q -Pbench exec:exec -Djmh.args="-f 1 -wi 3 -w 2s -i 5 -r 3s -jvmArgsAppend -XX:+UseParallelGC -p rulesDir=rules,target/rules-10x" \
  | grep -E '^(Benchmark|DecisionBenchmark)' | grep -E 'Benchmark |p0.50|p0.99|decide  '
