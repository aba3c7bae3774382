package org.port8000.perf.results;

import java.util.List;

/**
 * The message-timings probe's file ({@code probe-timings.json}): each phase of a message run
 * (the burst, each throughput step) from its first send to its last reply, so "achieved msg/s"
 * is replies over the time they really took.
 */
public record PhaseTimings(List<Phase> phases) {

  public static final String PROBE = "timings";

  public PhaseTimings {
    phases = List.copyOf(phases);
  }

  /**
   * One phase's span. Times are epoch milliseconds; 0 when nothing happened.
   *
   * @param generatorCpuPercent CPU this load generator used from the phase's first send to the
   *     next phase's, as a share of all the machine's cores; null when the JVM cannot tell. A
   *     step that breaks while it is high may have found this machine's limit, not the target's.
   */
  public record Phase(String name, int planned, double offeredPerSecond, long sent, long replied,
      long firstSendMs, long lastReplyMs, Double generatorCpuPercent) {

    /** Replies per second over first send → last reply; 0 when there is no span. */
    public double achievedPerSecond() {
      long span = lastReplyMs - firstSendMs;
      return replied > 0 && span > 0 ? replied * 1000.0 / span : 0.0;
    }
  }
}
