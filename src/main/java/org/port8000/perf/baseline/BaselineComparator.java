package org.port8000.perf.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.port8000.perf.analysis.CheckIds;
import org.port8000.perf.analysis.Format;
import org.port8000.perf.analysis.LeakDetector;
import org.port8000.perf.analysis.TheilSen;
import org.port8000.perf.analysis.Thresholds;
import org.port8000.perf.results.RequestNames;

/**
 * Compares a run with its baseline, metric by metric. A change is called a regression or an
 * improvement only when two things agree: a statistical test on the raw samples says it is not
 * chance, and it is at least the minimum practical change. On a shared, noisy machine the test
 * alone flags differences too small to matter (hundreds of samples make 2 ms significant), and a
 * fixed percentage alone is fooled by one slow run of a small sample.
 *
 * <ul>
 *   <li>Latencies: Mann–Whitney U on the per-message latencies (one-sided, p &lt; {@value #ALPHA}),
 *       and the Hodges–Lehmann shift (the median of all differences now − before, the estimate that
 *       goes with that test) is at least the minimum change of the baseline's median, and at least
 *       the run-to-run noise of the history's last runs. The median, not the p95: the p95 of a
 *       20-message burst is its second-slowest message, and one hiccup of a shared machine moves it
 *       by half.
 *   <li>Throughput: the step results. Each step's achieved rate must fall by the minimum change, or
 *       its replies must fall below the step's 99.9 % with Fisher's exact test finding more lost
 *       than in the baseline.
 *   <li>Leak rate: the Theil–Sen slopes' 95 % confidence intervals must not overlap and the slopes
 *       must differ by at least half the leak threshold (the clean reference server's slope varies
 *       by up to 12 MB per 1,000 messages between runs; half the threshold is 15.6).
 * </ul>
 */
public final class BaselineComparator {
  /** Significance level of the one-sided tests: 1 in 100 clean runs may look significant. */
  public static final double ALPHA = 0.01;

  /** Fewer samples than this on either side give no latency verdict. */
  public static final int MIN_SAMPLES = 8;

  /** The smallest leak-rate difference that counts, in bytes per message. */
  public static final double LEAK_MIN_CHANGE = LeakDetector.THRESHOLD_BYTES_PER_MESSAGE / 2;

  /** A latency compared on the raw samples of one Gatling request. */
  record LatencyMetric(String metric, String label, String request) {}

  static final List<LatencyMetric> LATENCIES =
      List.of(
          new LatencyMetric(
              CheckIds.BURST_MEDIAN,
              "Burst latency, median",
              RequestNames.reply(RequestNames.BURST)),
          new LatencyMetric(
              CheckIds.HEARTBEAT_MEDIAN,
              "Heartbeat round trip, median",
              RequestNames.HEARTBEAT_ACK));

  /**
   * The smallest latency shift that counts, whatever its share: Gatling records whole milliseconds,
   * and a shared machine's scheduler adds a few to any round trip, so on a 1 ms heartbeat round
   * trip +1 ms would be +100 % without meaning anything.
   */
  static final double MIN_SHIFT_MS = 5;

  /** How many earlier runs the run-to-run noise is taken from, and how few give none. */
  static final int NOISE_RUNS = 10;

  static final int NOISE_MIN_RUNS = 3;

  private final double minChangePercent;

  public BaselineComparator(double minChangePercent) {
    this.minChangePercent = minChangePercent;
  }

  /**
   * @param earlier the history's earlier runs of this target and profile (oldest first), whose
   *     spread sets the run-to-run noise
   */
  public List<Comparison> compare(
      RunSnapshot baseline, RunSnapshot now, List<History.Line> earlier) {
    List<Comparison> rows = new ArrayList<>();
    for (LatencyMetric m : LATENCIES) {
      latency(m, baseline, now, earlier).ifPresent(rows::add);
    }
    throughput(baseline, now).ifPresent(rows::add);
    leak(baseline, now).ifPresent(rows::add);
    return rows;
  }

  Optional<Comparison> latency(
      LatencyMetric m, RunSnapshot baseline, RunSnapshot now, List<History.Line> earlier) {
    List<Integer> b = baseline.latenciesMs().get(m.request());
    List<Integer> n = now.latenciesMs().get(m.request());
    if (b == null && n == null) {
      return Optional.empty();
    }
    if (b == null || n == null || b.size() < MIN_SAMPLES || n.size() < MIN_SAMPLES) {
      return Optional.of(
          Comparison.notCompared(
              m.metric(),
              m.label(),
              "ms",
              b == null || b.isEmpty() ? null : median(b),
              n == null || n.isEmpty() ? null : median(n),
              (b == null ? "the baseline" : n == null ? "this run" : "one side")
                  + " has fewer than "
                  + MIN_SAMPLES
                  + " replies of '"
                  + m.request()
                  + "' (baseline "
                  + (b == null ? 0 : b.size())
                  + ", now "
                  + (n == null ? 0 : n.size())
                  + ")"));
    }
    double before = median(b);
    double[] x = toArray(b);
    double[] y = toArray(n);
    MannWhitney.Result t = MannWhitney.test(x, y);
    double shift = MannWhitney.hodgesLehmann(x, y);
    double change = shift / before * 100.0;
    boolean significant = change > 0 ? t.pLarger() < ALPHA : t.pSmaller() < ALPHA;
    String test =
        "Mann–Whitney p "
            + p(change > 0 ? t.pLarger() : t.pSmaller())
            + " over "
            + b.size()
            + " and "
            + n.size()
            + " replies, median shift "
            + signed(shift)
            + " ms";
    Judgement j =
        latencyJudgement(
            shift, change, significant, test, runToRunNoisePercent(m.metric(), earlier));
    return Optional.of(
        new Comparison(
            m.metric(), m.label(), "ms", before, median(n), change, j.change(), j.reason()));
  }

  /** A change and the evidence behind it, in one sentence. */
  private record Judgement(Change change, String reason) {}

  /**
   * A latency shift counts when the test finds it significant, it is at least the minimum change
   * (or the run-to-run noise, when larger) and at least {@link #MIN_SHIFT_MS}.
   */
  private Judgement latencyJudgement(
      double shift, double change, boolean significant, String test, Optional<Double> runNoise) {
    double needed = Math.max(minChangePercent, runNoise.orElse(0.0));
    String bar =
        runNoise.isPresent() && runNoise.get() > minChangePercent
            ? "the run-to-run noise of the last runs, " + Format.number(runNoise.get()) + " %"
            : "the minimum change of " + Format.number(minChangePercent) + " %";
    boolean tiny = Math.abs(shift) < MIN_SHIFT_MS;
    if (significant && Math.abs(change) >= needed && !tiny) {
      return new Judgement(
          change > 0 ? Change.REGRESSION : Change.IMPROVEMENT,
          signed(change) + " %, significant and above " + bar + " (" + test + ")");
    }
    return new Judgement(
        Change.WITHIN_NOISE,
        tiny && Math.abs(change) >= needed
            ? "a shift of "
                + signed(shift)
                + " ms is below the smallest that counts, "
                + Format.number(MIN_SHIFT_MS)
                + " ms ("
                + test
                + ")"
            : Math.abs(change) >= needed
                ? signed(change) + " % but not significant (" + test + ")"
                : signed(change)
                    + " % is below "
                    + bar
                    + (significant
                        ? " (significant, but too small to matter: " + test + ")"
                        : " (" + test + ")"));
  }

  /**
   * The run-to-run spread of a figure over the last runs of this target and profile, in % of its
   * median: three times the scaled median absolute deviation (≈ 3 standard deviations of a normal
   * spread, robust to an odd run). Per-message tests see only the noise inside one run; a shared
   * machine also moves whole runs, which only the history shows. Empty with fewer than {@value
   * #NOISE_MIN_RUNS} earlier runs.
   */
  static Optional<Double> runToRunNoisePercent(String metric, List<History.Line> earlier) {
    List<Double> values =
        earlier.stream()
            .map(l -> l.figures().get(metric))
            .filter(java.util.Objects::nonNull)
            .toList();
    values = values.subList(Math.max(0, values.size() - NOISE_RUNS), values.size());
    if (values.size() < NOISE_MIN_RUNS) {
      return Optional.empty();
    }
    double med = Percentile.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    double mad = Percentile.median(values.stream().mapToDouble(v -> Math.abs(v - med)).toArray());
    return med == 0 ? Optional.empty() : Optional.of(3 * 1.4826 * mad / Math.abs(med) * 100);
  }

  /**
   * Throughput from the step results: at every step both runs ran, did the target deliver the
   * offered rate? A regression is a step whose achieved rate fell by the minimum change, or that
   * now loses more replies than the step allows (≥ 99.9 % must arrive) and significantly more than
   * the baseline did (Fisher's exact test). Whether a step "held" also depends on its p95, which
   * one slow second of a shared machine can push over 200 ms; latency has its own rows, so here
   * only the delivered rate counts.
   */
  Optional<Comparison> throughput(RunSnapshot baseline, RunSnapshot now) {
    if (baseline.steps().isEmpty() && now.steps().isEmpty()) {
      return Optional.empty();
    }
    String metric = CheckIds.THROUGHPUT_STEPS;
    String label = "Throughput, achieved per step";
    Optional<String> incomparable = incomparableSteps(baseline, now);
    if (incomparable.isPresent()) {
      return Optional.of(
          Comparison.notCompared(metric, label, "msg/s", null, null, incomparable.get()));
    }
    RunSnapshot.Step top = now.steps().get(now.steps().size() - 1);
    RunSnapshot.Step topBefore = baseline.steps().get(baseline.steps().size() - 1);
    Judgement j = stepsJudgement(StepScan.of(baseline, now));
    return Optional.of(
        new Comparison(
            metric,
            label + " (highest step " + top.name() + ")",
            "msg/s",
            topBefore.achievedPerSecond(),
            top.achievedPerSecond(),
            Comparison.percent(topBefore.achievedPerSecond(), top.achievedPerSecond()),
            j.change(),
            j.reason()));
  }

  /** Why the two runs' steps cannot be compared step by step; empty when they can. */
  private static Optional<String> incomparableSteps(RunSnapshot baseline, RunSnapshot now) {
    if (baseline.steps().isEmpty() || now.steps().isEmpty()) {
      return Optional.of(
          (baseline.steps().isEmpty() ? "the baseline" : "this run") + " has no throughput steps");
    }
    if (!stepNames(baseline).equals(stepNames(now))) {
      return Optional.of(
          "the steps differ (baseline " + stepNames(baseline) + ", now " + stepNames(now) + ")");
    }
    return Optional.empty();
  }

  /** A regression when a step lost replies, or its achieved rate fell by the minimum change. */
  private Judgement stepsJudgement(StepScan scan) {
    String worst =
        "the largest drop is at step "
            + scan.worstNow().name()
            + ": "
            + Format.number(scan.worstBefore().achievedPerSecond())
            + " → "
            + Format.number(scan.worstNow().achievedPerSecond())
            + " msg/s ("
            + signed(scan.worstChange())
            + " %)";
    if (!scan.lost().isEmpty()) {
      return new Judgement(Change.REGRESSION, "replies lost: " + String.join("; ", scan.lost()));
    }
    if (scan.worstChange() <= -minChangePercent) {
      return new Judgement(
          Change.REGRESSION,
          worst + ", beyond the minimum change of " + Format.number(minChangePercent) + " %");
    }
    return new Judgement(
        Change.WITHIN_NOISE,
        "every step delivered its rate within the minimum change of "
            + Format.number(minChangePercent)
            + " % and no step lost significantly more replies; "
            + (scan.worstChange() < 0 ? worst : "no step was slower"));
  }

  /**
   * One pass over the steps both runs ran: the step whose achieved rate fell most, and the steps
   * that now lose more replies than a step allows and significantly more than the baseline did.
   */
  private record StepScan(
      RunSnapshot.Step worstBefore,
      RunSnapshot.Step worstNow,
      double worstChange,
      List<String> lost) {
    static StepScan of(RunSnapshot baseline, RunSnapshot now) {
      RunSnapshot.Step worstBefore = null;
      RunSnapshot.Step worstNow = null;
      double worstChange = Double.POSITIVE_INFINITY;
      List<String> lost = new ArrayList<>();
      for (int i = 0; i < now.steps().size(); i++) {
        RunSnapshot.Step b = baseline.steps().get(i);
        RunSnapshot.Step n = now.steps().get(i);
        double change =
            b.achievedPerSecond() == 0
                ? 0
                : (n.achievedPerSecond() - b.achievedPerSecond()) / b.achievedPerSecond() * 100;
        if (change < worstChange) {
          worstChange = change;
          worstBefore = b;
          worstNow = n;
        }
        double repliedPercent = n.planned() == 0 ? 100 : n.replied() * 100.0 / n.planned();
        double p =
            FisherExact.pMoreLostNow(
                b.planned() - b.replied(), b.planned(), n.planned() - n.replied(), n.planned());
        if (!Thresholds.STEP_REPLIES.met(repliedPercent) && p < ALPHA) {
          lost.add(
              "step "
                  + n.name()
                  + " "
                  + n.replied()
                  + "/"
                  + n.planned()
                  + " replies,"
                  + " baseline "
                  + b.replied()
                  + "/"
                  + b.planned()
                  + " (Fisher p "
                  + p(p)
                  + ")");
        }
      }
      return new StepScan(worstBefore, worstNow, worstChange, List.copyOf(lost));
    }
  }

  Optional<Comparison> leak(RunSnapshot baseline, RunSnapshot now) {
    if (baseline.memory() == null && now.memory() == null) {
      return Optional.empty();
    }
    String metric = CheckIds.LEAK_RATE;
    String label = "Leak rate (MB per 1,000 messages)";
    TheilSen.Estimate b = slope(baseline.memory());
    TheilSen.Estimate n = slope(now.memory());
    Double before = b == null ? null : perThousand(b.slope());
    Double after = n == null ? null : perThousand(n.slope());
    if (b == null || n == null) {
      return Optional.of(
          Comparison.notCompared(
              metric,
              label,
              "MB/1000 messages",
              before,
              after,
              (b == null ? "the baseline" : "this run")
                  + " has no measured leak series (the memory soak did not run or was too short)"));
    }
    Double change = Comparison.percent(before, after);
    double diff = n.slope() - b.slope();
    boolean higher = n.lower() > b.upper();
    boolean lower = n.upper() < b.lower();
    String intervals = "95 % intervals " + interval(b) + " and " + interval(n);
    Change c;
    String reason;
    if (higher && diff >= LEAK_MIN_CHANGE) {
      c = Change.REGRESSION;
      reason = "memory grows faster: " + intervals + " do not overlap";
    } else if (lower && -diff >= LEAK_MIN_CHANGE) {
      c = Change.IMPROVEMENT;
      reason = "memory grows slower: " + intervals + " do not overlap";
    } else {
      c = Change.WITHIN_NOISE;
      reason =
          (higher || lower
              ? intervals
                  + " do not overlap, but the difference "
                  + Format.number(perThousand(diff))
                  + " is below the minimum of "
                  + Format.number(perThousand(LEAK_MIN_CHANGE))
              : intervals + " overlap");
    }
    return Optional.of(
        new Comparison(metric, label, "MB/1000 messages", before, after, change, c, reason));
  }

  private static List<String> stepNames(RunSnapshot s) {
    return s.steps().stream().map(RunSnapshot.Step::name).toList();
  }

  static TheilSen.Estimate slope(List<RunSnapshot.MemoryPoint> series) {
    if (series == null) {
      return null;
    }
    // The same cut as the leak verdict: the first part of the measured phase is dropped.
    int skip = (int) Math.floor(series.size() * LeakDetector.WARM_UP_PERCENT / 100.0);
    List<RunSnapshot.MemoryPoint> used = series.subList(skip, series.size());
    if (used.size() < LeakDetector.MIN_POINTS) {
      return null;
    }
    return TheilSen.estimate(
        used.stream().mapToDouble(RunSnapshot.MemoryPoint::messages).toArray(),
        used.stream().mapToDouble(RunSnapshot.MemoryPoint::rssBytes).toArray());
  }

  private static String interval(TheilSen.Estimate e) {
    return "["
        + Format.number(perThousand(e.lower()))
        + ", "
        + Format.number(perThousand(e.upper()))
        + "]";
  }

  private static double perThousand(double bytesPerMessage) {
    return bytesPerMessage * 1000 / Format.MB;
  }

  static double median(List<Integer> values) {
    return Percentile.median(toArray(values));
  }

  private static String signed(double v) {
    return (v > 0 ? "+" : "") + Format.number(v);
  }

  private static double[] toArray(List<Integer> values) {
    return values.stream().mapToDouble(Integer::doubleValue).toArray();
  }

  private static String p(double p) {
    return p < 0.0001 ? "< 0.0001" : "= " + String.format(java.util.Locale.ROOT, "%.4f", p);
  }
}
