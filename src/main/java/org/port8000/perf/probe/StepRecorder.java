package org.port8000.perf.probe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.port8000.perf.results.BenchmarkFacts.Step;

/**
 * Records one capacity ramp (rising steps) inside the simulation and applies its stop rule, a
 * {@link Judge} given by the simulation (the report's rule, so both judge alike on the same data:
 * the {@link Step} records written to the probe file). When a step breaks, the later steps send no
 * load. It also measures what Gatling cannot: the load generator's CPU per step and the achieved
 * rate (monotonic clock).
 */
public final class StepRecorder {

  /** Why a step broke, or null when it held; {@code lowest} is the ramp's first step run. */
  @FunctionalInterface
  public interface Judge {
    String why(Step step, Step lowest);
  }

  private static final class Span {
    final int level;
    final int planned;
    final Map<String, List<Integer>> latencies = new LinkedHashMap<>();
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

  private final Judge judge;
  private final Map<String, Span> spans = new LinkedHashMap<>();
  private boolean broken;

  public StepRecorder(Judge judge) {
    this.judge = judge;
  }

  /** Declares a step in ramp order. */
  public synchronized void plan(String step, int level, int planned) {
    spans.put(step, new Span(level, planned));
  }

  /**
   * Called by each user of a step before its load: true when it should run, false when an earlier
   * step broke (the ramp stopped). The first user of a step judges the steps before it.
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
        s.cpuAtStartNs = CpuClock.processNs();
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
      s.stopReason =
          s.inFlight
              + " requests outstanding (more than "
              + outstanding
              + "): the target stopped keeping up, the rest of the step was not sent";
      broken = true;
      return false;
    }
    s.inFlight++;
    s.firstStartMs = Math.min(s.firstStartMs, MonotonicClock.nowMillis());
    return true;
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
    s.lastEndMs = Math.max(s.lastEndMs, MonotonicClock.nowMillis());
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
    String why = judge.why(step(name(s), s, null), lowest());
    if (why != null) {
      s.stopReason = why;
      broken = true;
    }
  }

  private String name(Span s) {
    return spans.entrySet().stream()
        .filter(e -> e.getValue() == s)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse("");
  }

  /** The ramp's first step that ran, as a record (the baseline of the responsiveness rule). */
  private Step lowest() {
    for (Map.Entry<String, Span> e : spans.entrySet()) {
      Span s = e.getValue();
      if (s.begun && !s.skipped) {
        return step(e.getKey(), s, null);
      }
    }
    return null;
  }

  /** The step as recorded so far; {@code cpu} null when not computed. */
  private Step step(String name, Span s, Double cpu) {
    Map<String, Integer> p95 = new LinkedHashMap<>();
    s.latencies.forEach(
        (k, v) -> {
          if (!v.isEmpty()) {
            p95.put(k, p95(v));
          }
        });
    long span = s.lastEndMs - s.firstStartMs;
    Double achieved = s.ok > 0 && span > 0 ? s.ok * 1000.0 / span : null;
    return new Step(
        name,
        s.level,
        s.planned,
        s.ok,
        s.failed,
        achieved,
        cpu,
        s.serverConnections,
        s.skipped || !s.begun,
        s.stopReason,
        p95);
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
    long nowCpu = CpuClock.processNs();
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
      out.add(step(list.get(i).getKey(), s, cpu));
    }
    return out;
  }
}
