package org.port8000.perf.probe;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.port8000.perf.results.PhaseTimings;

/**
 * Times each phase of a message run (the burst, each throughput step) from the first send to the
 * last reply, so "achieved msg/s" is replies over the time they really took, not the planned
 * rate. Latency figures come from Gatling's log; this only measures the spans.
 */
public final class MessageTimings {

  private static final class Span {
    final int planned;
    final double offered;
    long sent;
    long replied;
    long firstSend = Long.MAX_VALUE;
    long lastReply;
    long cpuAtFirstSendNs = -1;
    long wallAtFirstSendNs;

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
    if (s.sent++ == 0) {
      s.cpuAtFirstSendNs = processCpuNs();
      s.wallAtFirstSendNs = System.nanoTime();
    }
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

  public synchronized PhaseTimings result() {
    List<PhaseTimings.Phase> out = new ArrayList<>();
    List<Map.Entry<String, Span>> list = new ArrayList<>(spans.entrySet());
    long nowCpu = processCpuNs();
    long nowWall = System.nanoTime();
    for (int i = 0; i < list.size(); i++) {
      Span s = list.get(i).getValue();
      // The phase ends where the next one starts (or now, for the last that ran).
      Span next = i + 1 < list.size() ? list.get(i + 1).getValue() : null;
      boolean nextRan = next != null && next.cpuAtFirstSendNs >= 0;
      Double cpu = null;
      if (s.cpuAtFirstSendNs >= 0 && nowCpu >= 0) {
        long wall = (nextRan ? next.wallAtFirstSendNs : nowWall) - s.wallAtFirstSendNs;
        long used = (nextRan ? next.cpuAtFirstSendNs : nowCpu) - s.cpuAtFirstSendNs;
        if (wall > 0) {
          cpu = 100.0 * used / ((double) wall * Runtime.getRuntime().availableProcessors());
        }
      }
      out.add(new PhaseTimings.Phase(list.get(i).getKey(), s.planned, s.offered, s.sent, s.replied,
          s.sent == 0 ? 0 : s.firstSend, s.lastReply, cpu));
    }
    return new PhaseTimings(out);
  }

  /** CPU time of this JVM (all threads) in ns, or -1 when the JVM does not expose it. */
  private static long processCpuNs() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
