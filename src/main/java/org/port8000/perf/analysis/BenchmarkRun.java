package org.port8000.perf.analysis;

import java.util.Optional;
import org.port8000.perf.results.BenchmarkFacts;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.RequestStats;
import org.port8000.perf.results.ResourceFacts;
import org.port8000.perf.results.RunFacts;

/**
 * One benchmark run as the judges read it: Gatling's stats and the simulation's probe files (what
 * it wrote about its run, its steps and process readings, the server's memory and CPU).
 */
record BenchmarkRun(
    GatlingRun gatling,
    Optional<RunFacts> meta,
    Optional<BenchmarkFacts> facts,
    Optional<ResourceFacts> resources) {

  static BenchmarkRun read(GatlingRun run) {
    return new BenchmarkRun(
        run,
        ProbeFiles.read(run.folder(), RunFacts.PROBE, RunFacts.class),
        ProbeFiles.read(run.folder(), BenchmarkFacts.PROBE, BenchmarkFacts.class),
        ProbeFiles.read(run.folder(), ResourceFacts.PROBE, ResourceFacts.class));
  }

  Optional<RequestStats> request(String name) {
    return gatling.request(name);
  }

  /** Why the server's memory or CPU has no reading, for a "not measured" row. */
  String resourcesMissing() {
    return resources.map(ResourceFacts::sourceReason).orElse("no resource samples");
  }
}
