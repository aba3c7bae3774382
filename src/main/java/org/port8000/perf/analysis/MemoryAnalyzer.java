package org.port8000.perf.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.LeakRunFacts;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.ResourceSamples;
import org.port8000.perf.results.RunMeta;

/**
 * Memory usage and leaks (assignment §4): the assignment's memory block (initial, after the
 * messages, after the cycles, trend, recommendation), and the leak verdict of
 * {@link LeakDetector} from the sampled series of the measured message phase, which begins after
 * the warm-up messages (the "initial" reading); the fresh-start memory is reported beside it.
 */
public final class MemoryAnalyzer implements AreaAnalyzer {
  public static final String MONITOR = "Monitor in production";
  public static final String CLEANUP = "Add cleanup handlers, fix event listeners";

  @Override
  public Area area() {
    return Area.MEMORY;
  }

  @Override
  public AreaResult analyze(Optional<GatlingRun> maybeRun) {
    if (maybeRun.isEmpty()) {
      return AreaResult.notRun(area());
    }
    GatlingRun run = maybeRun.get();
    List<Detail> details = new ArrayList<>();
    List<String> block = new ArrayList<>();
    List<Check> checks = new ArrayList<>();
    List<Recommendation> recs = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<Chart> charts = new ArrayList<>();
    List<Link> links = List.of(new Link("Gatling report (memory and leaks)", run.htmlReport(),
        false));
    String threshold = "<= " + Format.number(LeakDetector.THRESHOLD_BYTES_PER_MESSAGE * 1000
        / MemorySeries.MB) + " MB/1000 messages";

    Optional<RunMeta> meta = ProbeFiles.read(run.folder(), RunMeta.PROBE, RunMeta.class);
    meta.ifPresent(m -> notes.addAll(m.notes()));
    Optional<LeakRunFacts> maybeFacts =
        ProbeFiles.read(run.folder(), LeakRunFacts.PROBE, LeakRunFacts.class);
    Optional<ResourceSamples> maybeSamples =
        ProbeFiles.read(run.folder(), ResourceSamples.PROBE, ResourceSamples.class);
    if (maybeFacts.isEmpty() || maybeSamples.isEmpty()) {
      String why = "the run wrote no probe-leak.json / probe-resources.json (it ended before"
          + " after() ran)";
      checks.add(Check.notMeasured("memory.leak.rate", "MB/1000 messages", threshold, why));
      notes.add("Memory not measured: " + why + ".");
      return new AreaResult(area(), true, area().metric(), "not measured", area().target(),
          Status.NOT_MEASURED, details, block, checks, recs, notes, links, charts);
    }
    LeakRunFacts f = maybeFacts.get();
    ResourceSamples s = maybeSamples.get();
    String metric = "No leaks after " + MemorySeries.duration(f.durationSeconds());
    boolean targetLost = meta.map(m -> !m.targetAnsweredAtEnd()).orElse(false) || s.targetLost();
    MemorySeries.lostNote(s).ifPresent(notes::add);
    if (!f.targetFresh()) {
      notes.add("The target was not started by this run (-Dtarget.url), so it was not fresh:"
          + " its initial memory includes whatever it did before, and the leak trend starts"
          + " from that state.");
    }

    // the assignment's block
    String afterMessages = LeakRunFacts.afterMessagesLabel(f.messages());
    String afterCycles = LeakRunFacts.afterCycleLabel(f.cycles());
    Optional<Long> fresh = reading(s, LeakRunFacts.FRESH_START);
    Optional<Long> initial = reading(s, LeakRunFacts.INITIAL);
    Optional<Long> messages = reading(s, afterMessages);
    Optional<Long> cycles = reading(s, afterCycles);
    String warmedUp = f.warmUpMessages() <= 0 ? "" : " (after " + f.warmUpMessages()
        + " warm-up messages; fresh start " + fresh.map(v -> Format.mb(v) + " MB")
            .orElse("not measured") + ")";
    block.add(initial.map(v -> "Initial memory: " + Format.mb(v) + " MB" + warmedUp)
        .orElse("Initial memory: not measured (" + MemorySeries.whyMissing(s,
            LeakRunFacts.INITIAL) + ")"));
    block.add(line("After " + f.messages() + " messages", messages, initial,
        () -> MemorySeries.whyMissing(s, afterMessages)));
    block.add(line("After " + f.cycles() + " connect/disconnect cycles", cycles, messages,
        () -> MemorySeries.whyMissing(s, afterCycles)));

    // the verdict
    // a target lost before the message phase ended leaves a truncated series: no verdict
    boolean lostDuringMessages = s.targetLost() && s.checkpoint(afterMessages)
        .map(c -> c.t() >= s.targetLostAtMs()).orElse(true);
    Optional<LeakDetector.Verdict> verdict = lostDuringMessages || (targetLost
        && messages.isEmpty()) ? Optional.empty() : verdict(f, s);
    Check check;
    String result;
    Status status;
    if (verdict.isPresent()) {
      LeakDetector.Verdict v = verdict.get();
      check = new Check("memory.leak.rate", v.mbPer1000Messages(), "MB/1000 messages", threshold,
          v.leak() ? Status.FAIL : Status.PASS, v.statistic());
      String rate = MemorySeries.mbSigned(v.bytesPerMessage() * 1000) + " per 1,000 messages";
      if (v.leak()) {
        block.add("Trend: Growing — leak detected (" + rate + ", above the threshold of "
            + Format.number(v.thresholdMbPer1000Messages()) + " MB per 1,000 messages)");
        block.add("Recommendation: " + CLEANUP);
        recs.add(new Recommendation(area(), "Memory Leaks (memory grows unbounded)", CLEANUP,
            "resident memory grew " + rate + " while messages were handled ("
                + v.statistic() + "; threshold " + Format.number(v.thresholdMbPer1000Messages())
                + " MB per 1,000 messages)"));
        result = "Leak: " + rate;
      } else {
        block.add("Trend: Stable (no leak detected: " + rate + ", threshold "
            + Format.number(v.thresholdMbPer1000Messages()) + " MB per 1,000 messages)");
        block.add("Recommendation: " + MONITOR);
        result = "Stable, peak " + s.peakRssBytes().flatMap(p -> initial.map(i ->
            MemorySeries.mbSigned(p - i))).orElse("not measured");
      }
      status = check.status();
      details.add(new Detail("Leak statistic", v.statistic()));
    } else {
      String why = targetLost ? "the target stopped answering before the message phase ended"
          : !s.measured() ? MemorySeries.whyMissing(s, LeakRunFacts.INITIAL)
          : "too few samples in the message phase for a trend (need "
              + LeakDetector.MIN_POINTS + " after the warm-up cut)";
      check = Check.notMeasured("memory.leak.rate", "MB/1000 messages", threshold, why);
      block.add("Trend: not measured (" + why + ")");
      block.add("Recommendation: measure again; no verdict without a trend");
      result = "not measured" + (targetLost ? " (target stopped answering)" : "");
      status = Status.NOT_MEASURED;
    }
    checks.add(check);
    if (targetLost && status != Status.NOT_MEASURED) {
      result += " (target stopped answering)";
    }
    if (targetLost) {
      notes.add("The target stopped answering during the memory run.");
    }

    if (f.warmUpMessages() > 0) {
      details.add(new Detail("Warm-up", f.warmUpMessages() + " chat messages over "
          + MemorySeries.duration(f.warmUpSeconds()) + " before the initial reading, "
          + f.warmUpAnswered() + " answered; memory " + fresh.map(v -> Format.mb(v) + " MB")
              .orElse("not measured") + " fresh → " + initial.map(v -> Format.mb(v) + " MB")
              .orElse("not measured") + " initial" + fresh.flatMap(a -> initial.map(b -> " ("
                  + MemorySeries.mbSigned(b - a) + ")")).orElse("")
          + "; a fresh process grows while it warms up (JIT, caches, allocator), so these"
          + " messages count neither in the trend nor in the messages answered"));
    }
    details.add(new Detail("Messages answered", f.messagesAnswered() + "/" + f.messages()
        + " over " + MemorySeries.duration(f.durationSeconds())));
    details.add(new Detail("Connect/disconnect cycles completed", f.cyclesCompleted() + "/"
        + f.cycles() + " (WebSocket connect/close and bot launch/stop)"));
    s.peakRssBytes().ifPresent(p -> details.add(new Detail("Peak memory", Format.mb(p) + " MB")));
    details.add(new Detail("Memory source", MemorySeries.sourceText(s)));
    charts.add(MemorySeries.chart("memory-trend-leak.svg",
        "Target memory during " + f.messages() + " messages and " + f.cycles() + " cycles", s));
    return new AreaResult(area(), true, metric, result, area().target(), status, details, block, checks,
        recs, notes, links, charts);
  }

  private static Optional<Long> reading(ResourceSamples s, String label) {
    return MemorySeries.at(s, label).filter(v -> v != null);
  }

  private static String line(String label, Optional<Long> value, Optional<Long> previous,
      java.util.function.Supplier<String> why) {
    if (value.isEmpty()) {
      return label + ": not measured (" + why.get() + ")";
    }
    return label + ": " + Format.mb(value.get()) + " MB" + previous.map(p -> " (delta: "
        + MemorySeries.mbSigned(value.get() - p) + ")").orElse("");
  }

  /**
   * The measured message phase as (messages sent so far, memory): messages are injected at a
   * constant rate from "initial" (the end of the warm-up), so the count at time t follows from
   * the plan. Warm-up messages are not on this axis.
   */
  private static Optional<LeakDetector.Verdict> verdict(LeakRunFacts f, ResourceSamples s) {
    Optional<Long> start = s.checkpoint(LeakRunFacts.MESSAGES_START)
        .or(() -> s.checkpoint(LeakRunFacts.INITIAL)).map(ResourceSamples.Checkpoint::t);
    Optional<Long> end = s.checkpoint(LeakRunFacts.afterMessagesLabel(f.messages()))
        .map(ResourceSamples.Checkpoint::t);
    if (start.isEmpty() || end.isEmpty()) {
      return Optional.empty();
    }
    double durationMs = Math.max(1, f.durationSeconds() * 1000.0);
    List<LeakDetector.Point> points = new ArrayList<>();
    for (ResourceSamples.Sample x : s.between(start.get(), end.get())) {
      double sent = Math.min(f.messages(), f.messages() * (x.t() - start.get()) / durationMs);
      points.add(new LeakDetector.Point(sent, x.rssBytes()));
    }
    return LeakDetector.analyze(points);
  }
}
