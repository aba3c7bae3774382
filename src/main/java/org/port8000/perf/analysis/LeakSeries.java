package org.port8000.perf.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.port8000.perf.results.LeakFacts;
import org.port8000.perf.results.ResourceFacts;

/**
 * The leak verdict's axis, defined once for the leak verdict and the baseline comparison: the
 * measured message phase as (messages answered so far, resident memory), the count from the
 * simulation's own record of when each reply arrived. Files written before that record existed fall
 * back to the plan (rate × elapsed). Warm-up messages are not on this axis. On a merged run the
 * answers are every injector's, on injector 0's clock, the phase ends at injector 0's "after N
 * messages" checkpoint (its own share: the one that read memory), and the series keeps to the span
 * in which every injector was in its measured messages (none still warming the target up).
 */
public final class LeakSeries {
  private LeakSeries() {}

  /** Empty when the phase's start or end checkpoint was not taken. */
  public static Optional<List<LeakDetector.Point>> of(LeakFacts f, ResourceFacts s) {
    Optional<Long> start =
        s.checkpoint(LeakFacts.MESSAGES_START)
            .or(() -> s.checkpoint(LeakFacts.INITIAL))
            .map(ResourceFacts.Checkpoint::t);
    Optional<Long> end =
        s.checkpoint(LeakFacts.afterMessagesLabel(f.checkpointMessages()))
            .map(ResourceFacts.Checkpoint::t);
    if (start.isEmpty() || end.isEmpty()) {
      return Optional.empty();
    }
    double durationMs = Math.max(1, f.durationSeconds() * 1000.0);
    List<LeakDetector.Point> points = new ArrayList<>();
    List<Long> answered = f.answeredAtMs();
    long from = start.get() + (f.measuredFromMs() == null ? 0 : f.measuredFromMs());
    long to =
        f.measuredToMs() == null ? end.get() : Math.min(end.get(), start.get() + f.measuredToMs());
    for (ResourceFacts.Sample x : s.between(from, to)) {
      long elapsed = x.t() - start.get();
      double messages =
          answered != null
              ? answeredBy(answered, elapsed)
              : Math.min(f.messages(), f.messages() * elapsed / durationMs);
      points.add(new LeakDetector.Point(messages, x.rssBytes()));
    }
    return Optional.of(points);
  }

  /**
   * How many of the (ascending) times, ms after "initial", are at or before the checkpoint {@code
   * label}; empty when either checkpoint was not taken.
   */
  public static Optional<Integer> countAt(List<Long> times, ResourceFacts s, String label) {
    Optional<Long> initial = s.checkpoint(LeakFacts.INITIAL).map(ResourceFacts.Checkpoint::t);
    return s.checkpoint(label).flatMap(c -> initial.map(i -> answeredBy(times, c.t() - i)));
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
