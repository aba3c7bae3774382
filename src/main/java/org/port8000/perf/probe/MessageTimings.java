package org.port8000.perf.probe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.port8000.perf.results.PhaseFacts;
import oshi.hardware.CentralProcessor;

/**
 * Measures what Gatling's stats do not hold about each phase of a message run: the messages it
 * planned and sent, the span from first send to last reply (so "achieved msg/s" is replies over the
 * time they really took), the sends that fell behind their slot, and the CPU this generator and the
 * whole machine used meanwhile. For the one-client burst, which Gatling cannot await, it also keeps
 * every message's outcome and latency as {@link ReplyMatcher} matched it; the other phases'
 * latencies are Gatling's own ({@link #gatlingTimed}): their own round-trip times here only decide
 * in-run whether a step is repeated, and are not written.
 */
public final class MessageTimings {

  /** Sends more than this behind their schedule are counted as late. */
  public static final long LATE_SEND_MS = 50;

  private final Map<String, Recorder> phases = new LinkedHashMap<>();
  private final CentralProcessor cpu = CpuClock.machine();

  /**
   * Declares a phase in display order whose replies {@link ReplyMatcher} matches: how many messages
   * it sends, at what rate, over how many connections; {@code keepEach} keeps every message's
   * latency (the one-client burst).
   */
  public synchronized Recorder plan(
      String phase, int planned, double offeredPerSecond, int connections, boolean keepEach) {
    Recorder r = new Recorder(phase, planned, offeredPerSecond, connections, keepEach, false);
    phases.put(phase, r);
    return r;
  }

  /** A phase whose round trips Gatling times (its checks): no latencies in the result. */
  public synchronized Recorder gatlingTimed(
      String phase, int planned, double offeredPerSecond, int connections) {
    Recorder r = new Recorder(phase, planned, offeredPerSecond, connections, false, true);
    phases.put(phase, r);
    return r;
  }

  /** One phase's counts; thread-safe, shared by the phase's connections. */
  public final class Recorder {
    private final String name;
    private final int planned;
    private final double offered;
    private final int connections;
    private final boolean gatlingTimed;
    private final int[] each;
    private long queuedSends;
    private final java.util.concurrent.atomic.AtomicInteger usersDone =
        new java.util.concurrent.atomic.AtomicInteger();
    private long sent;
    private long answered;
    private long errorFrames;
    private long errorReplies;
    private long timedOut;
    private long lateSends;
    private long maxLagMs;
    private long firstSendMs;
    private long lastReplyMs;
    private int[] latencies = new int[64];
    private int latencyCount;
    private int[] firstTokens = new int[64];
    private int firstTokenCount;
    private long cpuAtFirstSendNs = -1;
    private long wallAtFirstSendNs;
    private long cpuAtEndNs = -1;
    private long wallAtEndNs;
    private long[] machineTicksAtFirstSend;
    private Double machineCpuPercent;

    private Recorder(
        String name,
        int planned,
        double offered,
        int connections,
        boolean keepEach,
        boolean gatlingTimed) {
      this.name = name;
      this.planned = planned;
      this.offered = offered;
      this.connections = connections;
      this.gatlingTimed = gatlingTimed;
      this.each = keepEach ? new int[planned] : null;
      if (each != null) {
        Arrays.fill(each, -1);
      }
    }

    public synchronized void sent(long atMs, long lagMs) {
      if (sent++ == 0) {
        firstSendMs = atMs;
        cpuAtFirstSendNs = CpuClock.processNs();
        wallAtFirstSendNs = System.nanoTime();
        machineTicksAtFirstSend = cpu == null ? null : cpu.getSystemCpuLoadTicks();
      }
      if (lagMs > LATE_SEND_MS) {
        lateSends++;
      }
      maxLagMs = Math.max(maxLagMs, lagMs);
    }

    /**
     * A paced send: {@code lagMs} behind its slot because the previous round trip on its connection
     * took longer than the pace (0 or less: on time).
     */
    public synchronized void pacedSend(long atMs, long lagMs) {
      sent(atMs, 0);
      if (lagMs > 0) {
        lateSends++;
        maxLagMs = Math.max(maxLagMs, lagMs);
      }
    }

    /** A message sent while the previous one on its connection still waited for its reply. */
    public synchronized void queuedSend() {
      queuedSends++;
    }

    /** A Gatling-checked round trip ended at {@code atMs}; {@code ok}: its reply checks held. */
    public synchronized void roundTrip(long atMs, long latencyMs, boolean ok) {
      if (ok) {
        answered(-1, atMs, latencyMs, -1);
      } else {
        lastReplyMs = Math.max(lastReplyMs, atMs);
        timedOut++;
      }
    }

    /** One of the phase's {@code users} finished; the last one ends the phase. */
    public void userDone(int users) {
      if (usersDone.incrementAndGet() == users) {
        finished();
      }
    }

    /** The phase's figures so far. */
    public PhaseFacts.Phase phase() {
      return result();
    }

    public String name() {
      return name;
    }

    public int planned() {
      return planned;
    }

    public synchronized long sent() {
      return sent;
    }

    public synchronized long answered() {
      return answered;
    }

    public synchronized long lateSends() {
      return lateSends;
    }

    /** Nearest-rank p95 of this run's own round-trip times, 0 when none. */
    public synchronized int ownP95() {
      PhaseFacts.Latency l = PhaseFacts.Latency.of(Arrays.copyOf(latencies, latencyCount));
      return l == null ? 0 : l.p95();
    }

    /** Replies per second over first send → last reply, 0 without a span. */
    public synchronized double achievedPerSecond() {
      long span = lastReplyMs - firstSendMs;
      return answered > 0 && span > 0 ? answered * 1000.0 / span : 0;
    }

    synchronized void answered(int sequence, long atMs, long latencyMs, long firstTokenMs) {
      answered++;
      lastReplyMs = Math.max(lastReplyMs, atMs);
      latencies = add(latencies, latencyCount++, (int) latencyMs);
      if (firstTokenMs >= 0) {
        firstTokens = add(firstTokens, firstTokenCount++, (int) firstTokenMs);
      }
      keep(sequence, latencyMs);
    }

    synchronized void errorFrame() {
      errorFrames++;
    }

    synchronized void errorReply() {
      errorReplies++;
    }

    synchronized void timedOut() {
      timedOut++;
    }

    /** Marks the end of the phase: its CPU figures stop here. */
    public synchronized void finished() {
      if (cpuAtEndNs >= 0 || cpuAtFirstSendNs < 0) {
        return;
      }
      cpuAtEndNs = CpuClock.processNs();
      wallAtEndNs = System.nanoTime();
      if (machineTicksAtFirstSend != null) {
        machineCpuPercent = 100.0 * cpu.getSystemCpuLoadBetweenTicks(machineTicksAtFirstSend);
      }
    }

    private void keep(int sequence, long latencyMs) {
      if (each != null && sequence >= 0 && sequence < each.length) {
        each[sequence] = (int) latencyMs;
      }
    }

    synchronized PhaseFacts.Phase result() {
      Double cpuPercent = null;
      Double cpuSeconds = null;
      long cpuEnd = cpuAtEndNs >= 0 ? cpuAtEndNs : CpuClock.processNs();
      long wallEnd = cpuAtEndNs >= 0 ? wallAtEndNs : System.nanoTime();
      if (cpuAtFirstSendNs >= 0 && cpuEnd >= 0) {
        long wall = wallEnd - wallAtFirstSendNs;
        cpuSeconds = (cpuEnd - cpuAtFirstSendNs) / 1e9;
        if (wall > 0) {
          cpuPercent =
              100.0
                  * (cpuEnd - cpuAtFirstSendNs)
                  / ((double) wall * Runtime.getRuntime().availableProcessors());
        }
      }
      List<Integer> perMessage = null;
      if (each != null) {
        perMessage = new ArrayList<>(each.length);
        for (int v : each) {
          perMessage.add(v);
        }
      }
      // Gatling-timed phases: the counts of failures by kind and the latencies are Gatling's.
      return new PhaseFacts.Phase(
          name,
          planned,
          offered,
          connections,
          sent,
          answered,
          errorFrames,
          errorReplies,
          gatlingTimed ? 0 : timedOut,
          lateSends,
          maxLagMs,
          sent == 0 ? 0 : firstSendMs,
          lastReplyMs,
          gatlingTimed ? null : PhaseFacts.Latency.of(Arrays.copyOf(latencies, latencyCount)),
          gatlingTimed ? null : PhaseFacts.Latency.of(Arrays.copyOf(firstTokens, firstTokenCount)),
          perMessage,
          cpuPercent,
          cpuSeconds,
          machineCpuPercent,
          connections,
          connections,
          "fixed",
          queuedSends);
    }
  }

  public synchronized PhaseFacts result() {
    List<PhaseFacts.Phase> out = new ArrayList<>();
    for (Recorder r : phases.values()) {
      out.add(r.result());
    }
    return new PhaseFacts(out);
  }

  private static int[] add(int[] values, int index, int value) {
    int[] v = index < values.length ? values : Arrays.copyOf(values, values.length * 2);
    v[index] = value;
    return v;
  }
}
