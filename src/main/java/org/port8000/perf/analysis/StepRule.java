package org.port8000.perf.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether one try of a throughput step held: the one rule the report judges steps by and the
 * simulation uses in-run to decide whether a broken step is repeated (and for its Gatling verdict).
 * A try holds when {@link Thresholds#STEP_REPLIES} of its planned messages were answered, its p95
 * is within {@link Thresholds#LATENCY} and at most {@link #MAX_LATE_PERCENT} of its sends started
 * late (then the offered rate was not delivered).
 */
public final class StepRule {
  private StepRule() {}

  /** More late sends than this share of the planned ones: the step cannot hold. */
  public static final double MAX_LATE_PERCENT = 1.0;

  /**
   * One try's figures: messages planned, answered (OK replies), the answered ones' p95 and the
   * sends that started after their slot.
   */
  public record Figures(long planned, long replied, int p95, long lateSends) {

    /** Computed from the counts, so 999 of 1,000 is exactly 99.9. */
    public double repliedPercent() {
      return planned == 0 ? 0 : replied * 100.0 / planned;
    }

    public double latePercent() {
      return planned == 0 ? 0 : lateSends * 100.0 / planned;
    }
  }

  public static boolean held(Figures f) {
    return why(f).isEmpty();
  }

  /** Why the try broke, one phrase per reason; empty when it held. */
  public static List<String> why(Figures f) {
    List<String> w = new ArrayList<>();
    if (f.replied() == 0 || !Thresholds.STEP_REPLIES.met(f.repliedPercent())) {
      w.add(
          Format.percent(f.repliedPercent() / 100)
              + " of messages answered (needs "
              + Thresholds.STEP_REPLIES.prose()
              + ")");
    }
    if (f.replied() > 0 && !Thresholds.LATENCY.met(f.p95())) {
      w.add("p95 " + f.p95() + " ms (needs " + Thresholds.LATENCY.prose() + ")");
    }
    if (f.latePercent() > MAX_LATE_PERCENT) {
      w.add(
          f.lateSends()
              + " of "
              + f.planned()
              + " sends late ("
              + Format.number(f.latePercent())
              + " %, more than "
              + Format.number(MAX_LATE_PERCENT)
              + " %): the target answered slower than the pace; the offered rate was not delivered");
    }
    return w;
  }
}
