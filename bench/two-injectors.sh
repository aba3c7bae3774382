#!/usr/bin/env bash
# Local proof of a distributed run (docs/distributed.md): starts two reference servers on
# loopback, runs two injector JVMs at once with injector.count=2 and the same run id and start
# instant (each against its own instance, as a client-side balancer would), merges their results
# and prints where the merged report is. It uses the container's entrypoint (deploy/suite.sh)
# with this checkout's classpath, so it exercises what the Indexed Job runs.
#   bash bench/two-injectors.sh                       # MessageThroughputSimulation, smoke
#   SIMULATIONS=HeartbeatSimulation bash bench/two-injectors.sh
#   SIMULATIONS="UiRenderSimulation MessageThroughputSimulation" bash bench/two-injectors.sh
#                                                     # the second starts at suite.sh's start barrier
#   SIMULATIONS=tiny bash bench/two-injectors.sh       # the sharded test simulation (GET /api/health)
# Injector 0 runs what runs once (the target's sampling, the browser): it samples both servers as
# the target's instances (-Dtarget.instances=pid:<server 0>,pid:<server 1>); every section that
# shows the target's memory (throughput, heartbeat, memory) has the per-instance table. Extra
# arguments are passed to both injectors as -D
# options; INJECTOR0_OPTS only to injector 0, with {port0} {port1} {pid0} {pid1} replaced by the
# two reference servers' ports and pids, e.g.
#   INJECTOR0_OPTS='-Dtarget.instances=pid:{pid0},http://127.0.0.1:{port1}/metrics' bash bench/two-injectors.sh
# Generates load: it takes the suite's load lock itself, so load runs never overlap.
set -euo pipefail
cd "$(dirname "$0")/.."
lock=/tmp/port8000-perf.load.lock
if [ -z "${TWO_INJECTORS_LOCKED:-}" ]; then
  TWO_INJECTORS_LOCKED=1 exec flock "$lock" bash "$0" "$@"
fi

sims="${SIMULATIONS:-MessageThroughputSimulation}"
extra=()
if [ "$sims" = tiny ]; then
  sims=org.port8000.perf.results.ShardedTinySimulation
  extra=(-Dtiny.path=/api/health -Dtiny.rate="${TINY_RATE:-40}" -Dtiny.seconds="${TINY_SECONDS:-10}")
fi
run_id="two-$(date -u +%Y%m%d-%H%M%S)"
results="$PWD/target/two-injectors"
mkdir -p "$results"
log="$results/$run_id.log"

echo "[two-injectors] compiling and resolving the classpath"
mvn -B -ntp -q test-compile
mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$results/classpath.txt" > /dev/null
cp="$PWD/target/classes:$PWD/target/test-classes:$(cat "$results/classpath.txt")"

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2> /dev/null || true; done
}
trap cleanup EXIT

# Two reference servers on free loopback ports, started as the suite starts one (its JVM
# options and heap: a server started otherwise grows differently, and a leak run would judge the
# JVM's settings); each prints one line once it listens.
mapfile -t server_cmd < <(java -Dperf.profile=smoke -cp "$cp" org.port8000.perf.app.ReferenceCommand)
if [ "${#server_cmd[@]}" -eq 0 ]; then
  echo "[two-injectors] could not build the reference server's command (see the error above)" >&2
  exit 1
fi
ports=()
for i in 0 1; do
  "${server_cmd[@]}" > "$results/$run_id-server-$i.out" 2> "$results/$run_id-server-$i.err" &
  pids+=($!)
done
for i in 0 1; do
  for _ in $(seq 1 120); do
    port=$(grep -oE '127\.0\.0\.1:[0-9]+' "$results/$run_id-server-$i.out" 2> /dev/null \
      | head -1 | cut -d: -f2 || true)
    [ -n "$port" ] && break
    sleep 0.5
  done
  if [ -z "$port" ]; then
    echo "[two-injectors] reference server $i did not start; see $results/$run_id-server-$i.err" >&2
    exit 1
  fi
  ports+=("$port")
done
echo "[two-injectors] reference servers: 127.0.0.1:${ports[0]} (pid ${pids[0]}), 127.0.0.1:${ports[1]} (pid ${pids[1]})"

# Both injectors start together: 20 s from now leaves time for both JVMs' settings checks.
start_at=$(( $(date +%s%3N) + 20000 ))
echo "[two-injectors] run $run_id, injectors start at $start_at; log $log"
default0='-Dtarget.instances=pid:{pid0},pid:{pid1}'
only0=${INJECTOR0_OPTS:-$default0}
only0=${only0//\{port0\}/${ports[0]}}
only0=${only0//\{port1\}/${ports[1]}}
only0=${only0//\{pid0\}/${pids[0]}}
only0=${only0//\{pid1\}/${pids[1]}}
status=0
inj=()
for i in 0 1; do
  own=()
  # the target's instances replace its one pid (the suite refuses both)
  [ "$i" = 0 ] || own=(-Dtarget.pid="${pids[$i]}")
  if [ "$i" = 0 ] && [ -n "$only0" ]; then
    read -r -a own <<< "$only0"
    echo "[two-injectors] injector 0 also gets: ${own[*]}"
  fi
  SUITE_CP="$cp" RESULTS="$results" JOB_COMPLETION_INDEX=$i SIMULATIONS="$sims" \
    sh deploy/suite.sh inject -Dperf.profile=smoke -Dinjector.count=2 \
    -Dinjector.runId="$run_id" -Dinjector.startAt="$start_at" \
    -Dtarget.url="http://127.0.0.1:${ports[$i]}" \
    "${extra[@]}" ${own[@]+"${own[@]}"} "$@" > "$results/$run_id-injector-$i.log" 2>&1 &
  inj+=($!)
done
for i in 0 1; do
  wait "${inj[$i]}" || { status=$?; echo "[two-injectors] injector $i exited with $status (a missed target or a failure; see $results/$run_id-injector-$i.log)"; }
done

echo "[two-injectors] merging"
set +e
SUITE_CP="$cp" RESULTS="$results" sh deploy/suite.sh merge -Dperf.profile=smoke \
  -Dinjector.runId="$run_id" \
  -Dmerge.inputs="$results/$run_id/injector-0,$results/$run_id/injector-1" 2>&1 | tee "$log"
merge=${PIPESTATUS[0]}
set -e
report="$results/$run_id/merged/.deia/reports/PORT-8000-PERFORMANCE-OPTIMIZATION.md"
if [ -f "$report" ]; then
  echo "[two-injectors] merged report: $report"
else
  echo "[two-injectors] no merged report (merge exited with $merge); see $log" >&2
fi
exit "$merge"
