package org.port8000.perf.analysis;

import java.util.List;
import org.port8000.perf.results.BenchmarkFacts.Step;

/**
 * One capacity ramp's outcome: the highest step held before the first that broke (null when none
 * held), the step that broke and why, or, when every step held, the configured bound.
 */
record Knee(Step held, Step broke, String why, boolean boundReached, String latency) {

  /**
   * Walks a ramp's steps with each step's reason to break (null: held); the first breaks it. {@code
   * latency}: the steps' latency in words (shown beside, never judged), or null.
   */
  static Knee walk(List<Step> steps, List<String> whys, String latency) {
    Step held = null;
    for (int i = 0; i < steps.size(); i++) {
      if (whys.get(i) != null) {
        return new Knee(held, steps.get(i), whys.get(i), false, latency);
      }
      held = steps.get(i);
    }
    return new Knee(held, null, null, held != null, latency);
  }

  /** The ramp's result sentence, e.g. "Held: api 200/s (achieved 198 calls/s). Knee: …". */
  String text(String unit, boolean rate) {
    String h =
        held == null
            ? "No step held"
            : "Held: "
                + held.name()
                + (rate && held.achievedPerSecond() != null
                    ? " (achieved " + Format.number(held.achievedPerSecond()) + " " + unit + ")"
                    : "");
    String l = latency == null ? "" : " (" + latency + ")";
    if (broke == null) {
      return h
          + l
          + ". The highest configured step held: the knee is above it (raise the"
          + " steps to find it).";
    }
    return h + l + ". Knee: " + broke.name() + " broke — " + why + ".";
  }
}
