package org.port8000.perf.simulations;

import java.time.Duration;
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
    if (support.injector.isFirst()) {
      support.probe(ResourceFacts.PROBE, this::stop);
    }
  }

  /** Call from {@code before()}, after {@link SimulationSupport#awaitStart()}. */
  void start() {
    if (!support.refused() && support.injector.isFirst()) {
      // a minute past maxDuration: Gatling's own stop and after() come later than maxDuration
      sampler =
          ResourceSampler.start(
              support.target, support.settings.samplerInterval(), maxRun.plusMinutes(1));
    }
  }

  /** A named reading (e.g. a phase's start), where this injector samples the target. */
  void checkpoint(String label) {
    ResourceSampler s = sampler;
    if (s != null) {
      s.checkpoint(label);
    }
  }

  private ResourceFacts stop() {
    ResourceSampler s = sampler;
    if (s == null) {
      throw new IllegalStateException("the load never started, so the target was not sampled");
    }
    return s.stop();
  }
}
