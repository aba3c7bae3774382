package org.port8000.perf.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.port8000.perf.config.TargetInstance;
import org.port8000.perf.results.ResourceFacts;

/**
 * Opens the instances of a target of several ({@code -Dtarget.instances}) for the resource sampler:
 * a {@code pid:} instance through its process tree, a URL through its {@code /metrics}. One that
 * cannot be read at the start leaves the target unmeasured: the sum of the others would be reported
 * as the target's memory.
 */
final class InstanceSources {
  private InstanceSources() {}

  static ResourceSampler open(List<TargetInstance> instances, Duration interval) {
    List<SampledSource> sources = new ArrayList<>();
    for (TargetInstance i : instances) {
      ProcessReader r = reader(i);
      if (r == null || r.read().isEmpty()) {
        String why = r == null ? "no process has its PID" : r.lastFailure();
        return ResourceSampler.none(
            "instance "
                + i.name()
                + " of -Dtarget.instances could not be read ("
                + why
                + "); the other instances alone are not the target: set -Dtarget.instances to"
                + " the running instances",
            interval);
      }
      sources.add(
          new SampledSource(
              i.name(), r, i.isPid() ? "read on this machine" : "its /metrics, one process"));
    }
    boolean allPids = instances.stream().allMatch(TargetInstance::isPid);
    return ResourceSampler.ofInstances(
        sources,
        allPids ? ResourceFacts.PID : ResourceFacts.METRICS,
        "the sum of the "
            + instances.size()
            + " instances of -Dtarget.instances, each read at every tick (every memory figure,"
            + " memory per connection included, is this sum)",
        interval);
  }

  /** The instance's reader; null when no process has its PID. */
  private static ProcessReader reader(TargetInstance i) {
    if (i.isPid()) {
      return PidReader.open(i.pid().getAsLong()).orElse(null);
    }
    return MetricsReader.at(i.metricsUrl().orElseThrow());
  }
}
