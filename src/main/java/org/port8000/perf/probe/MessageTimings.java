package org.port8000.perf.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times each phase of a message run (the burst, each throughput step) from the first send to the
 * last reply, so "achieved msg/s" is replies over the time they really took, not the planned
 * rate. Latency figures come from Gatling's log; this only measures the spans.
 */
public final class MessageTimings {

  /** One phase's span. Times are epoch milliseconds; 0 when nothing happened. */
  public record Phase(String name, int planned, double offeredPerSecond, long sent, long replied, long firstSendMs,
      long lastReplyMs) {

    /** Replies per second over first send → last reply; 0 when there is no span. */
    public double achievedPerSecond() {
      long span = lastReplyMs - firstSendMs;
      return replied > 0 && span > 0 ? replied * 1000.0 / span : 0.0;
    }
  }

  /** What the probe file holds. */
  public record Result(List<Phase> phases) {
    public Result {
      phases = List.copyOf(phases);
    }
  }

  private static final class Span {
    final int planned;
    final double offered;
    long sent;
    long replied;
    long firstSend = Long.MAX_VALUE;
    long lastReply;

    Span(int planned, double offered) {
      this.planned = planned;
      this.offered = offered;
    }
  }

  private final Map<String, Span> spans = new LinkedHashMap<>();

  /** Declares a phase in display order: how many messages it sends, at what rate. */
  public synchronized void plan(String phase, int planned, double offeredPerSecond) {
    spans.put(phase, new Span(planned, offeredPerSecond));
  }

  /** Records a send; phases not planned (e.g. warm-up) are not timed. */
  public synchronized void sent(String phase, long atMs) {
    Span s = spans.get(phase);
    if (s == null) {
      return;
    }
    s.sent++;
    s.firstSend = Math.min(s.firstSend, atMs);
  }

  public synchronized void replied(String phase, long atMs) {
    Span s = spans.get(phase);
    if (s == null) {
      return;
    }
    s.replied++;
    s.lastReply = Math.max(s.lastReply, atMs);
  }

  public synchronized Result result() {
    List<Phase> out = new ArrayList<>();
    spans.forEach((name, s) -> out.add(new Phase(name, s.planned, s.offered, s.sent, s.replied,
        s.sent == 0 ? 0 : s.firstSend, s.lastReply)));
    return new Result(out);
  }
}
