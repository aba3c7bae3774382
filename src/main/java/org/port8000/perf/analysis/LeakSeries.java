package org.port8000.perf.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.port8000.perf.results.LeakRunFacts;
import org.port8000.perf.results.ResourceSamples;

/**
 * The leak verdict's axis, defined once for the leak verdict and the baseline comparison: the
 * measured message phase as (messages sent so far, resident memory). Messages are injected at a
 * constant rate from "initial" (the end of the warm-up), so the count at time t follows from
 * the plan. Warm-up messages are not on this axis.
 */
public final class LeakSeries {
  private LeakSeries() {}

  /** Empty when the phase's start or end checkpoint was not taken. */
  public static Optional<List<LeakDetector.Point>> of(LeakRunFacts f, ResourceSamples s) {
    Optional<Long> start = s.checkpoint(LeakRunFacts.MESSAGES_START)
        .or(() -> s.checkpoint(LeakRunFacts.INITIAL)).map(ResourceSamples.Checkpoint::t);
    Optional<Long> end = s.checkpoint(LeakRunFacts.afterMessagesLabel(f.messages()))
        .map(ResourceSamples.Checkpoint::t);
    if (start.isEmpty() || end.isEmpty()) {
      return Optional.empty();
    }
    double durationMs = Math.max(1, f.durationSeconds() * 1000.0);
    List<LeakDetector.Point> points = new ArrayList<>();
    for (ResourceSamples.Sample x : s.between(start.get(), end.get())) {
      double sent = Math.min(f.messages(), f.messages() * (x.t() - start.get()) / durationMs);
      points.add(new LeakDetector.Point(sent, x.rssBytes()));
    }
    return Optional.of(points);
  }
}
