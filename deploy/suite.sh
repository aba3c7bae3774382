#!/bin/sh
# The container's entrypoint (see Dockerfile, docs/distributed.md).
#   suite.sh inject [-Dname=value ...]  one injector: every simulation (or $SIMULATIONS) into
#                                       /results/<run id>/injector-<index>/gatling; with
#                                       several injectors each simulation after the first starts
#                                       when all have finished the one before (the start barrier)
#   suite.sh merge  [-Dname=value ...]  the merge step (-Dmerge.inputs=...) and the reports,
#                                       written under /results/<run id>/merged
# The index comes from JOB_COMPLETION_INDEX (an Indexed Job's pod) unless -Dinjector.index is
# given; the run id must be given as -Dinjector.runId (or RUN_ID) to name the folders.
# Outside the image (bench/two-injectors.sh): SUITE_CP is the classpath, RESULTS the results root.
set -eu
mode="${1:-inject}"
[ $# -gt 0 ] && shift
cp="${SUITE_CP:-/suite/classes:/suite/test-classes:/suite/lib/*}"
results="${RESULTS:-/results}"
java_opts="--add-opens=java.base/java.lang=ALL-UNNAMED ${JAVA_OPTS:-}"

run_id="${RUN_ID:-}"
index="${JOB_COMPLETION_INDEX:-0}"
count=1
for arg in "$@"; do
  case "$arg" in
    -Dinjector.runId=*) run_id="${arg#-Dinjector.runId=}" ;;
    -Dinjector.index=*) index="${arg#-Dinjector.index=}" ;;
    -Dinjector.count=*) count="${arg#-Dinjector.count=}" ;;
  esac
done
if [ -z "$run_id" ]; then
  echo "suite.sh: no run id: give -Dinjector.runId=<id> (the same to every injector)" >&2
  exit 2
fi

case "$mode" in
  inject)
    out="$results/$run_id/injector-$index"
    mkdir -p "$out/gatling"
    sims="${SIMULATIONS:-MessageThroughputSimulation HeartbeatSimulation UiRenderSimulation MemoryLeakSimulation OperationBenchmarkSimulation}"
    # Settings are checked once, before any load (also JOB_COMPLETION_INDEX against the count).
    # shellcheck disable=SC2086
    java $java_opts -cp "$cp" -Dinjector.runId="$run_id" -Dreport.root="$out" \
      -Dperf.outputFolder="$out/perf" -Dgatling.resultsFolder="$out/gatling" "$@" \
      org.port8000.perf.app.SettingsCheck
    if [ "$count" != 1 ]; then
      seen=" "
      for sim in $sims; do
        case "$seen" in
          *" ${sim##*.} "*)
            echo "suite.sh: SIMULATIONS names ${sim##*.} twice: the start barrier and the merge" \
              "take one run of each simulation; list each once" >&2
            exit 2
            ;;
        esac
        seen="$seen${sim##*.} "
      done
    fi
    status=0
    first=1
    for sim in $sims; do
      case "$sim" in *.*) ;; *) sim="org.port8000.perf.simulations.$sim" ;; esac
      # The first simulation starts at the given -Dinjector.startAt; each later one when every
      # injector has finished the one before (they end at different times), at the start the
      # barrier prints, which overrides the given one (the last -D of a name wins).
      next=""
      if [ "$first" = 0 ] && [ "$count" != 1 ]; then
        echo "suite.sh: injector $index waits for the others before ${sim##*.}" >&2
        # shellcheck disable=SC2086
        if ! next=$(java $java_opts -cp "$cp" -Dinjector.runId="$run_id" "$@" \
          org.port8000.perf.app.NextStart "$results/$run_id" "${sim##*.}"); then
          echo "suite.sh: the start barrier before ${sim##*.} failed (above): it and the" \
            "simulations after it are not run" >&2
          exit 1
        fi
        case "$next" in
          '' | *[!0-9]*)
            echo "suite.sh: the start barrier printed '$next', not an instant: ${sim##*.}" \
              "and the simulations after it are not run" >&2
            exit 1
            ;;
        esac
        echo "suite.sh: injector $index starts ${sim##*.} at $next" >&2
        next="-Dinjector.startAt=$next"
      fi
      first=0
      # A simulation that misses a target still lets the others run; the merge step judges.
      # shellcheck disable=SC2086
      java $java_opts -cp "$cp" -Dinjector.runId="$run_id" -Dgatling.resultsFolder="$out/gatling" \
        -Dreport.root="$out" -Dperf.outputFolder="$out/perf" "$@" $next \
        io.gatling.app.Gatling -s "$sim" -rf "$out/gatling" \
        -rd "run $run_id injector $index" || status=$?
    done
    exit "$status"
    ;;
  merge)
    out="$results/$run_id/merged"
    # shellcheck disable=SC2086
    exec java $java_opts -cp "$cp" -Dinjector.runId="$run_id" -Dreport.root="$out" \
      -Dperf.outputFolder="$out/perf" -Dmerge.output="$out/gatling" "$@" \
      org.port8000.perf.app.MergeMain
    ;;
  *)
    echo "suite.sh: unknown mode '$mode': inject or merge" >&2
    exit 2
    ;;
esac
