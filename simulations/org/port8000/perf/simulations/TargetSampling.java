package org.port8000.perf.simulations;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.port8000.perf.probe.ResourceSampler;
import org.port8000.perf.results.ResourceFacts;

/**
 * The target's memory and CPU over a whole run ({@code probe-resources.json}), sampled by injector
 * 0 only: the target is one, however many injectors load it, and the merge takes injector 0's
 * readings. Started in {@code before()}, after the injectors' shared start, so the readings cover
 * the load and nothing before it.
 */
final class TargetSampling {
  private final SimulationSupport support;
  private final Duration maxRun;
  private volatile ResourceSampler sampler;

  /** {@code maxRun}: the simulation's {@code maxDuration}; the sampler stops by itself after it. */
  TargetSampling(SimulationSupport support, Duration maxRun) {
    this.support = support;
    this.maxRun = maxRun;
  }

  /** Registers the readings' probe file where this injector samples (a run that loads). */
  void recordProbe() {
    if (support.injector.isFirst()) {
      support.probe(ResourceFacts.PROBE, this::stop);
    }
  }

  /**
   * Call from {@code before()}, after {@link SimulationSupport#awaitStart()}; returns whether this
   * injector samples the target (injector 0 of a run that was not refused).
   */
  boolean start() {
    if (support.refused() || !support.injector.isFirst()) {
      return false;
    }
    // a minute past maxDuration: Gatling's own stop and after() come later than maxDuration
    sampler =
        ResourceSampler.start(
            support.target, support.settings.samplerInterval(), maxRun.plusMinutes(1));
    return true;
  }

  /** A named reading of the target's memory; failed where this injector does not sample it. */
  CompletableFuture<ResourceFacts.Checkpoint> checkpoint(String label) {
    ResourceSampler s = sampler;
    return s != null
        ? s.checkpoint(label)
        : CompletableFuture.failedFuture(
            new IllegalStateException("injector " + support.injector.index() + " reads no memory"));
  }

  private ResourceFacts stop() {
    ResourceSampler s = sampler;
    if (s == null) {
      throw new IllegalStateException("the load never started, so the target was not sampled");
    }
    return s.stop();
  }
}
