package org.port8000.perf.probe;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.port8000.perf.results.PhaseTimings;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;

/**
 * Measures each phase of a message run (the bursts, each throughput step): every message's
 * outcome and latency as {@link ReplyMatcher} sees it, the span from first send to last reply
 * (so "achieved msg/s" is replies over the time they really took), how far sends fell behind
 * their schedule, and the CPU this generator and the whole machine used meanwhile.
 */
public final class MessageTimings {

  /** Sends more than this behind their schedule are counted as late. */
  public static final long LATE_SEND_MS = 50;

  private final Map<String, Recorder> phases = new LinkedHashMap<>();
  private final CentralProcessor cpu = machineCpu();

  /**
   * Declares a phase in display order: how many messages it sends, at what rate, over which
   * pool of connections (its size, grown or not, is read into the result); {@code keepEach}
   * keeps every message's latency (the one-client burst).
   */
  public synchronized Recorder plan(String phase, int planned, double offeredPerSecond,
      ConnectionPool pool, boolean keepEach) {
    Recorder r = new Recorder(phase, planned, offeredPerSecond, pool, keepEach);
    phases.put(phase, r);
    return r;
  }

  /** A phase that is run but not measured (the warm-up): not in the result. */
  public Recorder unmeasured(String phase) {
    return new Recorder(phase, 0, 0, ConnectionPool.fixed(1), false);
  }

  /** One phase's counts; thread-safe, shared by the phase's connections. */
  public final class Recorder {
    private final String name;
    private final int planned;
    private final double offered;
    private final ConnectionPool pool;
    private final int[] each;
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

    private Recorder(String name, int planned, double offered, ConnectionPool pool,
        boolean keepEach) {
      this.name = name;
      this.planned = planned;
      this.offered = offered;
      this.pool = pool;
      this.each = keepEach ? new int[planned] : null;
      if (each != null) {
        Arrays.fill(each, -1);
      }
    }

    public synchronized void sent(long atMs, long lagMs) {
      if (sent++ == 0) {
        firstSendMs = atMs;
        cpuAtFirstSendNs = processCpuNs();
        wallAtFirstSendNs = System.nanoTime();
        machineTicksAtFirstSend = cpu == null ? null : cpu.getSystemCpuLoadTicks();
      }
      if (lagMs > LATE_SEND_MS) {
        lateSends++;
      }
      maxLagMs = Math.max(maxLagMs, lagMs);
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
      cpuAtEndNs = processCpuNs();
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

    synchronized PhaseTimings.Phase result() {
      Double cpuPercent = null;
      Double cpuSeconds = null;
      long cpuEnd = cpuAtEndNs >= 0 ? cpuAtEndNs : processCpuNs();
      long wallEnd = cpuAtEndNs >= 0 ? wallAtEndNs : System.nanoTime();
      if (cpuAtFirstSendNs >= 0 && cpuEnd >= 0) {
        long wall = wallEnd - wallAtFirstSendNs;
        cpuSeconds = (cpuEnd - cpuAtFirstSendNs) / 1e9;
        if (wall > 0) {
          cpuPercent = 100.0 * (cpuEnd - cpuAtFirstSendNs)
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
      return new PhaseTimings.Phase(name, planned, offered, pool.initial(), sent, answered,
          errorFrames, errorReplies, timedOut, lateSends, maxLagMs, sent == 0 ? 0 : firstSendMs,
          lastReplyMs, PhaseTimings.Latency.of(Arrays.copyOf(latencies, latencyCount)),
          PhaseTimings.Latency.of(Arrays.copyOf(firstTokens, firstTokenCount)), perMessage,
          cpuPercent, cpuSeconds, machineCpuPercent, pool.size(), pool.bound(), pool.boundBy(),
          pool.queuedSends());
    }
  }

  public synchronized PhaseTimings result() {
    List<PhaseTimings.Phase> out = new ArrayList<>();
    for (Recorder r : phases.values()) {
      out.add(r.result());
    }
    return new PhaseTimings(out);
  }

  private static int[] add(int[] values, int index, int value) {
    int[] v = index < values.length ? values : Arrays.copyOf(values, values.length * 2);
    v[index] = value;
    return v;
  }

  /** CPU time of this JVM (all threads) in ns, or -1 when the JVM does not expose it. */
  private static long processCpuNs() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  private static CentralProcessor machineCpu() {
    try {
      return new SystemInfo().getHardware().getProcessor();
    } catch (RuntimeException | LinkageError e) {
      return null; // the machine's CPU is then "not measured"
    }
  }
}
