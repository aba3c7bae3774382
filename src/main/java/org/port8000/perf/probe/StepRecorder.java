package org.port8000.perf.probe;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.port8000.perf.results.BenchmarkFacts.Step;

/**
 * Records one capacity ramp (rising steps) inside the simulation and applies its stop rule: a
 * step is held while at least {@code minShare} of its users succeed, every timed request's p95
 * stays under its target, and (for connection levels) the server counts every connection. When a
 * step breaks, the later steps send no load. The report judges again from Gatling's own stats;
 * this only stops the ramp and measures what Gatling cannot: the load generator's CPU per step
 * and the achieved rate.
 */
public final class StepRecorder {

  private static final class Span {
    final int level;
    final int planned;
    final Map<String, List<Integer>> latencies = new LinkedHashMap<>();
    final Map<String, Integer> targets = new LinkedHashMap<>();
    long ok;
    long failed;
    long inFlight;
    long firstStartMs = Long.MAX_VALUE;
    long lastEndMs;
    long cpuAtStartNs = -1;
    long wallAtStartNs;
    Integer serverConnections;
    boolean begun;
    boolean skipped;
    boolean judged;
    String stopReason;

    Span(int level, int planned) {
      this.level = level;
      this.planned = planned;
    }
  }

  /** A step is cut short when more of its users than this (or its level) await an answer. */
  static final int MIN_OUTSTANDING = 20;

  private final double minShare;
  private final Map<String, Span> spans = new LinkedHashMap<>();
  private boolean broken;

  /** @param minShare share of a step's users that must succeed, e.g. 0.999 */
  public StepRecorder(double minShare) {
    this.minShare = minShare;
  }

  /** Declares a step in ramp order. */
  public synchronized void plan(String step, int level, int planned) {
    spans.put(step, new Span(level, planned));
  }

  /**
   * Called by each user of a step before its load: true when it should run, false when an
   * earlier step broke (the ramp stopped). The first user of a step judges the steps before it.
   */
  public synchronized boolean begin(String step) {
    Span s = spans.get(step);
    if (s == null) {
      return false;
    }
    if (!s.begun) {
      for (Map.Entry<String, Span> e : spans.entrySet()) {
        if (e.getKey().equals(step)) {
          break;
        }
        judge(e.getValue());
      }
      s.begun = true;
      if (broken) {
        s.skipped = true;
      } else {
        s.cpuAtStartNs = processCpuNs();
        s.wallAtStartNs = System.nanoTime();
      }
    }
    if (broken) {
      return false;
    }
    // More than a second's worth of the step still unanswered: the target is not keeping up.
    // The rest of the step is not sent, so an overload stays bounded in count and time.
    long outstanding = Math.max(MIN_OUTSTANDING, s.level);
    if (s.inFlight > outstanding) {
      s.judged = true;
      s.stopReason = s.inFlight + " requests outstanding (more than " + outstanding
          + "): the target stopped keeping up, the rest of the step was not sent";
      broken = true;
      return false;
    }
    s.inFlight++;
    s.firstStartMs = Math.min(s.firstStartMs, System.currentTimeMillis());
    return true;
  }

  /** Declares a timed request kind of a step and its p95 target (ms, strictly below). */
  public synchronized void target(String step, String request, int targetMs) {
    Span s = spans.get(step);
    if (s != null) {
      s.targets.put(request, targetMs);
    }
  }

  /** One timed request's latency (successful requests only). */
  public synchronized void latency(String step, String request, int ms) {
    Span s = spans.get(step);
    if (s != null) {
      s.latencies.computeIfAbsent(request, k -> new ArrayList<>()).add(ms);
    }
  }

  /** A user of the step finished; {@code ok} when all its requests succeeded. */
  public synchronized void done(String step, boolean ok) {
    Span s = spans.get(step);
    if (s == null) {
      return;
    }
    if (ok) {
      s.ok++;
    } else {
      s.failed++;
    }
    s.inFlight = Math.max(0, s.inFlight - 1);
    s.lastEndMs = Math.max(s.lastEndMs, System.currentTimeMillis());
  }

  /** The server's own count of open connections at the end of a connection level. */
  public synchronized void serverConnections(String step, int count) {
    Span s = spans.get(step);
    if (s != null) {
      s.serverConnections = count;
    }
  }

  /** Judges a step now (e.g. the last one, or a level at its end); true when it held. */
  public synchronized boolean judgeNow(String step) {
    Span s = spans.get(step);
    if (s == null) {
      return false;
    }
    judge(s);
    return s.stopReason == null && !s.skipped;
  }

  /** True once a step broke: the ramp is over. */
  public synchronized boolean broken() {
    return broken;
  }

  private void judge(Span s) {
    if (s.judged || !s.begun || s.skipped) {
      return;
    }
    s.judged = true;
    String why = null;
    long settled = s.ok + s.failed;
    if (settled == 0) {
      why = "no request of this step completed";
    } else if (s.ok < minShare * s.planned) {
      why = s.ok + " of " + s.planned + " succeeded (needs " + Math.round(minShare * 1000) / 10.0
          + " %)";
    } else if (s.failed > (1 - minShare) * s.planned) {
      why = s.failed + " failed";
    } else {
      for (Map.Entry<String, Integer> t : s.targets.entrySet()) {
        List<Integer> l = s.latencies.getOrDefault(t.getKey(), List.of());
        if (l.isEmpty()) {
          continue;
        }
        int p95 = p95(l);
        if (p95 >= t.getValue()) {
          why = t.getKey() + " p95 " + p95 + " ms (target < " + t.getValue() + " ms)";
          break;
        }
      }
      if (why == null && s.serverConnections != null && s.serverConnections < s.level) {
        why = "the server counted " + s.serverConnections + " open connections";
      }
    }
    if (why != null) {
      s.stopReason = why;
      broken = true;
    }
  }

  private static int p95(List<Integer> values) {
    int[] a = values.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(a);
    return a[Math.max(0, (int) Math.ceil(0.95 * a.length) - 1)];
  }

  /** Every planned step, in order, as the probe file holds them. */
  public synchronized List<Step> result() {
    List<Step> out = new ArrayList<>();
    List<Map.Entry<String, Span>> list = new ArrayList<>(spans.entrySet());
    long nowCpu = processCpuNs();
    long nowWall = System.nanoTime();
    for (int i = 0; i < list.size(); i++) {
      Span s = list.get(i).getValue();
      judge(s);
      // A step's CPU span ends where the next step starts (or now, for the last that ran).
      Span next = i + 1 < list.size() ? list.get(i + 1).getValue() : null;
      boolean nextRan = next != null && next.cpuAtStartNs >= 0;
      Double cpu = null;
      if (s.cpuAtStartNs >= 0 && nowCpu >= 0) {
        long wall = (nextRan ? next.wallAtStartNs : nowWall) - s.wallAtStartNs;
        long used = (nextRan ? next.cpuAtStartNs : nowCpu) - s.cpuAtStartNs;
        if (wall > 0) {
          cpu = 100.0 * used / ((double) wall * Runtime.getRuntime().availableProcessors());
        }
      }
      long span = s.lastEndMs - s.firstStartMs;
      Double achieved = s.ok > 0 && span > 0 ? s.ok * 1000.0 / span : null;
      out.add(new Step(list.get(i).getKey(), s.level, s.planned, s.ok, s.failed, achieved, cpu,
          s.serverConnections, s.skipped || !s.begun, s.stopReason));
    }
    return out;
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
