#!/usr/bin/env bash
# The load generator's cost per message: runs the message-throughput simulation against a fresh
# reference server (one step, BENCH_RATE msg/s for BENCH_SECONDS s, after the burst) and prints
# the Gatling JVM's CPU-seconds per 10,000 answered messages and the rate it achieved.
# Compare the figure across changes on the same machine; the README keeps the measured ones.
# Generates load: on a shared machine run it under the suite's load lock.
set -euo pipefail
cd "$(dirname "$0")/.."
rate="${BENCH_RATE:-200}"
seconds="${BENCH_SECONDS:-30}"
mvn -B -ntp -q test-compile gatling:test \
  -Dgatling.simulationClass=org.port8000.perf.simulations.MessageThroughputSimulation \
  -Dperf.profile=smoke \
  -Dburst.messages=20 -Dburst.intervalMs=50 \
  -Dthroughput.steps="$rate" -Dthroughput.stepSeconds="$seconds" "$@" > target/bench-gatling.log
mvn -B -ntp -q exec:java@bench-generator
