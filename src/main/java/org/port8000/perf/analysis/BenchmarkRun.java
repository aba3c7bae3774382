package org.port8000.perf.analysis;

import java.util.Optional;
import org.port8000.perf.results.BenchmarkFacts;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.RequestStats;
import org.port8000.perf.results.ResourceSamples;
import org.port8000.perf.results.RunMeta;

/**
 * One benchmark run as the judges read it: Gatling's stats and the simulation's probe files (what
 * it wrote about its run, its steps and process readings, the server's memory and CPU).
 */
record BenchmarkRun(
    GatlingRun gatling,
    Optional<RunMeta> meta,
    Optional<BenchmarkFacts> facts,
    Optional<ResourceSamples> resources) {

  static BenchmarkRun read(GatlingRun run) {
    return new BenchmarkRun(
        run,
        ProbeFiles.read(run.folder(), RunMeta.PROBE, RunMeta.class),
        ProbeFiles.read(run.folder(), BenchmarkFacts.PROBE, BenchmarkFacts.class),
        ProbeFiles.read(run.folder(), ResourceSamples.PROBE, ResourceSamples.class));
  }

  Optional<RequestStats> request(String name) {
    return gatling.request(name);
  }

  /** Why the server's memory or CPU has no reading, for a "not measured" row. */
  String resourcesMissing() {
    return resources.map(ResourceSamples::sourceReason).orElse("no resource samples");
  }
}
