package org.port8000.perf.simulations.benchmark;

import io.gatling.javaapi.core.ChainBuilder;
import java.time.Duration;
import org.port8000.perf.probe.ProcessSnapshots;
import org.port8000.perf.probe.ResourceSampler;
import org.port8000.perf.results.ResourceFacts;
import org.port8000.perf.simulations.Phases;
import org.port8000.perf.simulations.SimulationSupport;

/**
 * The target's readings during the benchmark: the resource sampler with its named checkpoints (on
 * the first injector only: the merge takes its samples) and labelled process snapshots (memory,
 * open files, disk bytes).
 */
public final class TargetReadings {
  private final ResourceSampler sampler;
  private final ProcessSnapshots snapshots;

  private TargetReadings(ResourceSampler sampler, ProcessSnapshots snapshots) {
    this.sampler = sampler;
    this.snapshots = snapshots;
  }

  /** Starts sampling where this injector runs what runs once, and registers its probe file. */
  public static TargetReadings start(SimulationSupport support, BenchmarkPlan plan) {
    ResourceSampler sampler = null;
    if (plan.runsOnce()) {
      Duration maxRun = plan.maxDuration().plus(Duration.ofMinutes(1));
      sampler =
          ResourceSampler.start(
              support.target, support.settings.samplerInterval(), support.samplingLimit(maxRun));
      support.probe(ResourceFacts.PROBE, sampler::stop);
    }
    return new TargetReadings(
        sampler, ProcessSnapshots.of(support.target, support.settings.targetInstances()));
  }

  /** Marks a sampler checkpoint now (nothing where this injector does not sample). */
  void checkpoint(String label) {
    if (sampler != null) {
      sampler.checkpoint(label);
    }
  }

  public boolean measured() {
    return snapshots.measured();
  }

  /** Where the process snapshots came from, or why there are none. */
  public String source() {
    return snapshots.source();
  }

  public java.util.List<org.port8000.perf.results.BenchmarkFacts.Snapshot> snapshots() {
    return snapshots.result();
  }

  /** The DSL step of {@link #checkpoint}. */
  ChainBuilder checkpointStep(String label) {
    return Phases.checkpoint(() -> checkpoint(label));
  }

  /** A process snapshot now. */
  void snapshot(String label) {
    snapshots.take(label);
  }

  /** The DSL step of a process snapshot. */
  ChainBuilder snapshotStep(String label) {
    return Phases.checkpoint(() -> snapshot(label));
  }
}
