package org.port8000.perf.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.port8000.perf.results.LeakRunFacts;
import org.port8000.perf.results.ResourceSamples;

/**
 * The leak verdict's axis, defined once for the leak verdict and the baseline comparison: the
 * measured message phase as (messages answered so far, resident memory), the count from the
 * simulation's own record of when each reply arrived. Files written before that record existed fall
 * back to the plan (rate × elapsed). Warm-up messages are not on this axis.
 */
public final class LeakSeries {
  private LeakSeries() {}

  /** Empty when the phase's start or end checkpoint was not taken. */
  public static Optional<List<LeakDetector.Point>> of(LeakRunFacts f, ResourceSamples s) {
    Optional<Long> start =
        s.checkpoint(LeakRunFacts.MESSAGES_START)
            .or(() -> s.checkpoint(LeakRunFacts.INITIAL))
            .map(ResourceSamples.Checkpoint::t);
    Optional<Long> end =
        s.checkpoint(LeakRunFacts.afterMessagesLabel(f.messages()))
            .map(ResourceSamples.Checkpoint::t);
    if (start.isEmpty() || end.isEmpty()) {
      return Optional.empty();
    }
    double durationMs = Math.max(1, f.durationSeconds() * 1000.0);
    List<LeakDetector.Point> points = new ArrayList<>();
    List<Long> answered = f.answeredAtMs();
    for (ResourceSamples.Sample x : s.between(start.get(), end.get())) {
      long elapsed = x.t() - start.get();
      double messages =
          answered != null
              ? answeredBy(answered, elapsed)
              : Math.min(f.messages(), f.messages() * elapsed / durationMs);
      points.add(new LeakDetector.Point(messages, x.rssBytes()));
    }
    return Optional.of(points);
  }

  /** How many of the (ascending) answer times are at or before {@code elapsedMs}. */
  static int answeredBy(List<Long> answeredAtMs, long elapsedMs) {
    int n = 0;
    for (long t : answeredAtMs) {
      if (t <= elapsedMs) {
        n++;
      }
    }
    return n;
  }
}
