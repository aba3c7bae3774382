package org.port8000.perf.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.LeakFacts;
import org.port8000.perf.results.ResourceFacts;
import org.port8000.perf.results.RunFacts;

/**
 * Memory usage and leaks (assignment §4): the assignment's memory block (initial, after the
 * messages, after the cycles, trend, recommendation), and the leak verdict of {@link LeakDetector}
 * from the sampled series of the measured message phase, which begins after the warm-up messages
 * (the "initial" reading); the fresh-start memory is reported beside it.
 */
public final class MemoryAnalyzer extends AreaAnalyzer {
  public static final String MONITOR = "Monitor in production";
  public static final String CLEANUP = "Add cleanup handlers, fix event listeners";
  static final String LEAK_RATE_METRIC = CheckIds.LEAK_RATE;

  /** The leak threshold as a target: {@link LeakDetector} judges against the same value. */
  static final Threshold LEAK_RATE =
      new Threshold(
          "<=",
          LeakDetector.THRESHOLD_BYTES_PER_MESSAGE * 1000 / MemorySeries.MB,
          "MB/1000 messages");

  public MemoryAnalyzer() {
    super(Area.MEMORY, "memory and leaks");
  }

  @Override
  protected AreaResult analyze(
      GatlingRun run,
      Optional<RunFacts> meta,
      Optional<ResourceFacts> samples,
      AreaResult.Builder section) {
    Optional<LeakFacts> maybeFacts = probe(run, LeakFacts.PROBE, LeakFacts.class);
    if (maybeFacts.isEmpty() || samples.isEmpty()) {
      String why =
          "the run wrote no probe-leak.json / probe-resources.json (it ended before"
              + " after() ran)";
      return section
          .check(LEAK_RATE.notMeasured(LEAK_RATE_METRIC, why))
          .note("Memory not measured: " + why + ".")
          .build("not measured");
    }
    LeakFacts f = maybeFacts.get();
    ResourceFacts s = samples.get();
    section.metric("No leaks after " + MemorySeries.duration(f.durationSeconds()));
    boolean targetLost = meta.map(m -> !m.targetAnsweredAtEnd()).orElse(false) || s.targetLost();
    MemorySeries.lostNote(s).ifPresent(section::note);
    if (!f.targetFresh()) {
      section.note(
          "The target was not started by this run (-Dtarget.url), so it was not fresh:"
              + " its initial memory includes whatever it did before, and the leak trend starts"
              + " from that state.");
    }
    Readings r = memoryBlock(f, s, section);
    String result = leakVerdict(f, s, r, targetLost, section);
    workDone(f, section);
    cycleGrowth(f, s, section);
    details(f, s, r, section);
    return section.build(result);
  }

  /** The readings at the run's checkpoints; empty when not taken. */
  private record Readings(
      Optional<Long> fresh,
      Optional<Long> initial,
      Optional<Long> messages,
      Optional<Long> cycles) {}

  /** The assignment's memory block: initial, after the messages, after the cycles. */
  private static Readings memoryBlock(LeakFacts f, ResourceFacts s, AreaResult.Builder section) {
    String afterMessages = LeakFacts.afterMessagesLabel(f.checkpointMessages());
    String afterCycles = LeakFacts.afterCycleLabel(f.checkpointCycles());
    Readings r =
        new Readings(
            MemorySeries.at(s, LeakFacts.FRESH_START),
            MemorySeries.at(s, LeakFacts.INITIAL),
            MemorySeries.at(s, afterMessages),
            MemorySeries.at(s, afterCycles));
    String warmedUp =
        f.warmUpMessages() <= 0
            ? ""
            : " (after "
                + f.warmUpMessages()
                + " warm-up messages; fresh start "
                + r.fresh().map(v -> Format.mb(v) + " MB").orElse("not measured")
                + ")";
    section.block(
        r.initial()
            .map(v -> "Initial memory: " + Format.mb(v) + " MB" + warmedUp)
            .orElse(
                "Initial memory: not measured ("
                    + MemorySeries.whyMissing(s, LeakFacts.INITIAL)
                    + ")"));
    section.block(
        line(
            "After " + f.messages() + " messages" + fleetAt(f, f.answeredAtMs(), s, afterMessages),
            r.messages(),
            r.initial(),
            () -> MemorySeries.whyMissing(s, afterMessages)));
    section.block(
        line(
            "After "
                + f.cycles()
                + " connect/disconnect cycles"
                + fleetAt(f, f.cycleDoneAtMs(), s, afterCycles),
            r.cycles(),
            r.messages(),
            () -> MemorySeries.whyMissing(s, afterCycles)));
    return r;
  }

  /**
   * On a merged run, where the reading comes from: injector 0 marked it after its own share, when
   * the injectors together had done so many (counted from their times on its clock).
   */
  private static String fleetAt(LeakFacts f, List<Long> times, ResourceFacts s, String label) {
    if (!f.merged()) {
      return "";
    }
    String share =
        label.equals(LeakFacts.afterMessagesLabel(f.checkpointMessages()))
            ? f.checkpointMessages()
                + " messages, when the "
                + f.injectors()
                + " injectors had answered "
            : f.checkpointCycles()
                + " cycles, when the "
                + f.injectors()
                + " injectors had completed ";
    return " (injector 0's reading after its own "
        + share
        + (times == null
            ? "an unknown number"
            : LeakSeries.countAt(times, s, label).map(String::valueOf).orElse("an unknown number"))
        + ")";
  }

  /** The leak verdict, its trend line and recommendation; returns the headline. */
  private String leakVerdict(
      LeakFacts f, ResourceFacts s, Readings r, boolean targetLost, AreaResult.Builder section) {
    Optional<LeakDetector.Verdict> verdict = judgeable(f, s, r, targetLost);
    String result =
        verdict.isPresent()
            ? judged(verdict.get(), s, r, section)
            : notJudged(whyNoVerdict(f, s, targetLost), section);
    if (targetLost) {
      result += " (target stopped answering)";
      section.note("The target stopped answering during the memory run.");
    }
    return result;
  }

  /** The verdict when the series can carry one: work was done and the message phase is whole. */
  private static Optional<LeakDetector.Verdict> judgeable(
      LeakFacts f, ResourceFacts s, Readings r, boolean targetLost) {
    String afterMessages = LeakFacts.afterMessagesLabel(f.checkpointMessages());
    // a target lost before the message phase ended leaves a truncated series: no verdict
    boolean lostDuringMessages =
        s.targetLost()
            && s.checkpoint(afterMessages).map(c -> c.t() >= s.targetLostAtMs()).orElse(true);
    // memory that did not grow while no message was answered proves nothing
    boolean noWork = f.messagesAnswered() == 0;
    return noWork || lostDuringMessages || (targetLost && r.messages().isEmpty())
        ? Optional.empty()
        : verdict(f, s);
  }

  /** The measured trend: its check, trend line and recommendation; returns the headline. */
  private static String judged(
      LeakDetector.Verdict v, ResourceFacts s, Readings r, AreaResult.Builder section) {
    section.check(
        new Check(
            LEAK_RATE_METRIC,
            v.mbPer1000Messages(),
            LEAK_RATE.unit(),
            LEAK_RATE.text(),
            v.leak() ? Status.FAIL : Status.PASS,
            v.statistic()));
    String rate = MemorySeries.mbSigned(v.bytesPerMessage() * 1000) + " per 1,000 messages";
    String threshold = Format.number(v.thresholdMbPer1000Messages());
    String result;
    if (v.leak()) {
      section.block(
          "Trend: Growing — leak detected ("
              + rate
              + ", above the threshold of "
              + threshold
              + " MB per 1,000 messages)");
      section.block("Recommendation: " + CLEANUP);
      section.recommend(
          "Memory Leaks (memory grows unbounded)",
          CLEANUP,
          "resident memory grew "
              + rate
              + " while messages were handled ("
              + v.statistic()
              + "; threshold "
              + threshold
              + " MB per 1,000 messages)");
      result = "Leak: " + rate;
    } else {
      section.block(
          "Trend: Stable (no leak detected: "
              + rate
              + ", threshold "
              + threshold
              + " MB per 1,000 messages)");
      section.block("Recommendation: " + MONITOR);
      result =
          "Stable, peak "
              + s.peakRssBytes()
                  .flatMap(p -> r.initial().map(i -> MemorySeries.mbSigned(p - i)))
                  .orElse("not measured");
    }
    section.detail("Leak statistic", v.statistic());
    return result;
  }

  /** Why the run has no leak verdict, in the order the causes matter. */
  private static String whyNoVerdict(LeakFacts f, ResourceFacts s, boolean targetLost) {
    if (f.messagesAnswered() == 0) {
      return "none of the "
          + f.messages()
          + " messages was answered, so the"
          + " server did none of the work whose memory the trend judges";
    }
    if (targetLost) {
      return "the target stopped answering before the message phase ended";
    }
    return !s.measured()
        ? MemorySeries.whyMissing(s, LeakFacts.INITIAL)
        : "too few samples in the message phase for a trend (need "
            + LeakDetector.MIN_POINTS
            + " after the warm-up cut"
            + (f.merged()
                ? "; every injector was in its measured messages only from "
                    + f.measuredFromMs()
                    + " to "
                    + f.measuredToMs()
                    + " ms after injector 0's initial reading"
                : "")
            + ")";
  }

  /** No verdict: the check is not measured, and the block says why; returns the headline. */
  private static String notJudged(String why, AreaResult.Builder section) {
    section.check(LEAK_RATE.notMeasured(LEAK_RATE_METRIC, why));
    section.block("Trend: not measured (" + why + ")");
    section.block("Recommendation: measure again; no verdict without a trend");
    return "not measured";
  }

  /**
   * The leak verdict is about the work the run asked for: every message answered and every
   * connect/disconnect cycle completed, else it failed (and says how much was done).
   */
  private static void workDone(LeakFacts f, AreaResult.Builder section) {
    section.check(
        new Check(
            CheckIds.LEAK_MESSAGES_ANSWERED,
            (double) f.messagesAnswered(),
            "messages",
            "all " + f.messages(),
            f.messagesAnswered() == f.messages() ? Status.PASS : Status.FAIL,
            f.messagesAnswered() == f.messages()
                ? ""
                : (f.messages() - f.messagesAnswered())
                    + " of "
                    + f.messages()
                    + " messages got no reply: the leak trend covers only the work done"));
    section.check(
        new Check(
            CheckIds.LEAK_CYCLES_COMPLETED,
            (double) f.cyclesCompleted(),
            "cycles",
            "all " + f.cycles(),
            f.cyclesCompleted() == f.cycles() ? Status.PASS : Status.FAIL,
            f.cyclesCompleted() == f.cycles()
                ? ""
                : (f.cycles() - f.cyclesCompleted())
                    + " of "
                    + f.cycles()
                    + " connect/disconnect cycles failed"));
  }

  /**
   * Growth per connect/disconnect cycle: Theil–Sen slope of the readings after the messages and
   * after each cycle. Ten cycles cannot resolve less than the JVM's heap steps, so the limit is
   * {@link #CYCLE_GROWTH}; smaller per-connection leaks show in the message phase, which opens one
   * connection per message.
   */
  private static void cycleGrowth(LeakFacts f, ResourceFacts s, AreaResult.Builder section) {
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    boolean fleet = f.merged() && f.cycleDoneAtMs() != null;
    cycleReadings(f, s, fleet, x, y);
    if (f.cycles() == 0 || x.size() < 3 || (f.merged() && !fleet)) {
      String why =
          f.cycles() == 0
              ? "leak.cycles is 0"
              : !fleet && f.merged()
                  ? "an injector recorded no cycle times, so the cycles of all injectors at"
                      + " injector 0's readings are not known"
                  : "only " + x.size() + " memory readings at the cycle checkpoints (need 3)";
      section.check(CYCLE_GROWTH.notMeasured(CYCLE_METRIC, why));
      section.detail("Memory per connect/disconnect cycle", "not measured: " + why);
      return;
    }
    double slope =
        TheilSen.slope(
            x.stream().mapToDouble(Double::doubleValue).toArray(),
            y.stream().mapToDouble(Double::doubleValue).toArray());
    Check c =
        CYCLE_GROWTH
            .check(CYCLE_METRIC, slope)
            .withNote("Theil–Sen slope over " + x.size() + " readings");
    section.check(c);
    section.detail(
        "Memory per connect/disconnect cycle",
        (slope >= 0 ? "+" : "")
            + Format.number(slope * 1024)
            + " KB per cycle (Theil–Sen slope of "
            + x.size()
            + " readings; limit "
            + CYCLE_GROWTH.text()
            + ": smaller per-connection leaks show in"
            + " the message phase, one connection per message)");
    if (c.status() == Status.FAIL) {
      section.recommend(
          "Memory Leaks (memory grows unbounded)",
          CLEANUP,
          "resident memory grew "
              + Format.number(slope)
              + " MB per connect/disconnect cycle"
              + " over "
              + (x.size() - 1)
              + " cycles: connections or bots leave state behind");
    }
  }

  /**
   * The readings after the messages and after each cycle into {@code y} (MB), the cycles done by
   * then into {@code x}: the cycle's number, or on a merged run ({@code fleet}) every injector's
   * cycles ended by injector 0's checkpoint.
   */
  private static void cycleReadings(
      LeakFacts f, ResourceFacts s, boolean fleet, List<Double> x, List<Double> y) {
    String afterMessages = LeakFacts.afterMessagesLabel(f.checkpointMessages());
    MemorySeries.at(s, afterMessages)
        .ifPresent(
            v -> {
              x.add(fleet ? cyclesAt(f, s, afterMessages) : 0.0);
              y.add(v / MemorySeries.MB);
            });
    for (int c = 1; c <= f.checkpointCycles(); c++) {
      int cycle = c;
      String label = LeakFacts.afterCycleLabel(c);
      MemorySeries.at(s, label)
          .ifPresent(
              v -> {
                x.add(fleet ? cyclesAt(f, s, label) : cycle);
                y.add(v / MemorySeries.MB);
              });
    }
  }

  /** On a merged run: every injector's cycles ended by injector 0's checkpoint {@code label}. */
  private static double cyclesAt(LeakFacts f, ResourceFacts s, String label) {
    return LeakSeries.countAt(f.cycleDoneAtMs(), s, label).orElse(0);
  }

  static final String CYCLE_METRIC = CheckIds.LEAK_PER_CYCLE;

  /** Growth per connect/disconnect cycle that ten cycles can tell from heap steps. */
  static final Threshold CYCLE_GROWTH = new Threshold("<=", 1, "MB/cycle");

  /** Warm-up, messages answered, cycles, peak, source and the chart. */
  private static void details(
      LeakFacts f, ResourceFacts s, Readings r, AreaResult.Builder section) {
    if (f.warmUpMessages() > 0) {
      section.detail(
          "Warm-up",
          f.warmUpMessages()
              + " chat messages over "
              + MemorySeries.duration(f.warmUpSeconds())
              + " before the initial reading, "
              + f.warmUpAnswered()
              + " answered; memory "
              + r.fresh().map(v -> Format.mb(v) + " MB").orElse("not measured")
              + " fresh → "
              + r.initial().map(v -> Format.mb(v) + " MB").orElse("not measured")
              + " initial"
              + r.fresh()
                  .flatMap(a -> r.initial().map(b -> " (" + MemorySeries.mbSigned(b - a) + ")"))
                  .orElse("")
              + "; a fresh process grows while it warms up (JIT, caches, allocator), so these"
              + " messages count neither in the trend nor in the messages answered");
    }
    section.detail(
        "Messages answered",
        f.messagesAnswered()
            + "/"
            + f.messages()
            + " over "
            + MemorySeries.duration(f.durationSeconds()));
    section.detail(
        "Connect/disconnect cycles completed",
        f.cyclesCompleted() + "/" + f.cycles() + " (WebSocket connect/close and bot launch/stop)");
    s.peakRssBytes().ifPresent(p -> section.detail("Peak memory", Format.mb(p) + " MB"));
    section.detail("Memory source", MemorySeries.sourceText(s));
    InstanceTable.of(s).ifPresent(section::table);
    section.chart(
        MemorySeries.chart(
            "memory-trend-leak.svg",
            "Target memory during " + f.messages() + " messages and " + f.cycles() + " cycles",
            s));
  }

  private static String line(
      String label,
      Optional<Long> value,
      Optional<Long> previous,
      java.util.function.Supplier<String> why) {
    if (value.isEmpty()) {
      return label + ": not measured (" + why.get() + ")";
    }
    return label
        + ": "
        + Format.mb(value.get())
        + " MB"
        + previous.map(p -> " (delta: " + MemorySeries.mbSigned(value.get() - p) + ")").orElse("");
  }

  /** The leak verdict on {@link LeakSeries}' axis. */
  private static Optional<LeakDetector.Verdict> verdict(LeakFacts f, ResourceFacts s) {
    return LeakSeries.of(f, s).flatMap(LeakDetector::analyze);
  }
}
