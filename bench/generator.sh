#!/usr/bin/env bash
# The load generator's cost per message, beside a minimal idiomatic Gatling WebSocket
# simulation's (simulations/.../bench/IdiomaticWsBench.java): both run the same way
# (mvn gatling:test), against the same reference server (started once here), at the same rate
# over connections that each send one message per 400 ms. Each is run twice, with a short and a
# long step; the difference of the two (CPU-seconds of mvn and its forked Gatling JVM, answered
# replies from Gatling's stats) is the marginal cost of the messages alone, so JVM start-up and
# the suite's fixed phases (warm-up, bursts) cancel out. Prints one line per simulation and the
# ratio. Generates load: on a shared machine run it under the suite's load lock.
#   BENCH_RATE (msg/s, default 200), BENCH_SHORT_SECONDS (30), BENCH_LONG_SECONDS (90),
#   BENCH_SUITE_DIR: a compiled checkout of another revision of the suite to measure instead of
#   this one (for before/after figures; the yardstick always runs from this checkout)
set -euo pipefail
cd "$(dirname "$0")/.."
rate="${BENCH_RATE:-200}"
short="${BENCH_SHORT_SECONDS:-30}"
long="${BENCH_LONG_SECONDS:-90}"
out=target/bench
mkdir -p "$out"
mvn -B -ntp -q test-compile
mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$out/classpath.txt" > /dev/null
cp="target/classes:target/test-classes:$(cat "$out/classpath.txt")"

java -cp "$cp" -Dreference.port=0 org.port8000.perf.reference.ReferenceServer \
  > "$out/reference.out" 2> "$out/reference.err" &
server=$!
trap 'kill "$server" 2> /dev/null || true' EXIT
for _ in $(seq 1 100); do
  grep -q "listening on" "$out/reference.out" 2> /dev/null && break
  sleep 0.2
done
url=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$out/reference.out")
[ -n "$url" ] || { echo "the reference server did not start: $(cat "$out/reference.err")" >&2; exit 1; }

here="$(pwd)"
suite_dir="$(cd "${BENCH_SUITE_DIR:-.}" && pwd)"

# cpu <project dir> <simulation class> <seconds>: prints "<CPU-seconds> <answered replies>".
# Assertion failures do not matter here (-Dgatling.failOnError=false): only the cost does.
cpu() {
  local dir="$1" sim="$2" seconds="$3" log="$here/$out/${2##*.}-$3"
  (cd "$dir" && /usr/bin/time -f "%U %S" -o "$log.time" mvn -B -ntp -q gatling:test \
    -Dgatling.failOnError=false \
    -Dgatling.simulationClass="$sim" -Dtarget.url="$url" -Dperf.profile=smoke \
    -Dthroughput.steps="$rate" -Dthroughput.stepSeconds="$seconds" \
    -Dbench.rate="$rate" -Dbench.seconds="$seconds" > "$log.log" 2>&1) \
    || { echo "$sim failed, see $log.log" >&2; exit 1; }
  local answered
  answered=$(java --add-opens=java.base/java.lang=ALL-UNNAMED -cp "$cp" \
    org.port8000.perf.app.GeneratorBench "$dir/target/gatling" "$sim" 2> /dev/null \
    | cut -d' ' -f1)
  echo "$(awk '{print $1 + $2}' "$log.time") $answered"
}

per10k() { # <short cpu> <short answered> <long cpu> <long answered>
  awk -v c1="$1" -v m1="$2" -v c2="$3" -v m2="$4" \
    'BEGIN { if (m2 <= m1) { print "nan"; exit } printf "%.2f", (c2 - c1) * 10000 / (m2 - m1) }'
}

suite=org.port8000.perf.simulations.MessageThroughputSimulation
idiom=org.port8000.perf.simulations.bench.IdiomaticWsBench
read -r sc1 sm1 < <(cpu "$suite_dir" "$suite" "$short")
read -r sc2 sm2 < <(cpu "$suite_dir" "$suite" "$long")
read -r ic1 im1 < <(cpu "$here" "$idiom" "$short")
read -r ic2 im2 < <(cpu "$here" "$idiom" "$long")
s=$(per10k "$sc1" "$sm1" "$sc2" "$sm2")
i=$(per10k "$ic1" "$im1" "$ic2" "$im2")
echo "suite ($suite_dir): $s CPU-s per 10,000 messages ($sc1 CPU-s for $sm1 replies in ${short} s steps, $sc2 for $sm2 in ${long} s; $rate msg/s, $url)"
echo "idiomatic: $i CPU-s per 10,000 messages ($ic1 CPU-s for $im1 replies in ${short} s, $ic2 for $im2 in ${long} s)"
awk -v s="$s" -v i="$i" 'BEGIN { printf "generator ratio suite/idiomatic: %.2f (%s vs %s CPU-s per 10,000 messages at %s msg/s)\n", s / i, s, i, '"$rate"' }'
