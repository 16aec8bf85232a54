#!/usr/bin/env bash
# Every benchmark of docs/benchmarks.md in one run: in-process decisions (JMH), then HTTP
# decisions/s against the baseline endpoint of the same server (wrk on 127.0.0.1).
set -euo pipefail
cd "$(dirname "$0")/../.."
echo "## In-process decision time (JMH, SampleTime, µs per decision)"
echo
./mvnw -B -q -Pbench test-compile exec:exec | grep -E '^(Benchmark|DecisionBenchmark)' | grep -E 'Benchmark |p0.50|p0.99|decide  '
echo
echo "## HTTP decisions/s vs baseline"
echo
src/bench/http-bench.sh
