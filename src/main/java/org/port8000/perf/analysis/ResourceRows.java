package org.port8000.perf.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.port8000.perf.analysis.BenchmarkResult.Row;
import org.port8000.perf.results.BenchmarkFacts;
import org.port8000.perf.results.BenchmarkFacts.Snapshot;
import org.port8000.perf.results.ResourceFacts;

/**
 * The resource table: server memory per bot (the slope over the bot ramp, not one reading), CPU
 * idle and with 5 busy bots (the sampler's readings between the simulation's checkpoints), and the
 * target's storage traffic over the benchmark.
 */
final class ResourceRows {
  private final BenchmarkRun run;
  private final BenchmarkSection section;

  private ResourceRows(BenchmarkRun run, BenchmarkSection section) {
    this.run = run;
    this.section = section;
  }

  static List<Row> judge(BenchmarkRun run, BenchmarkSection section) {
    ResourceRows r = new ResourceRows(run, section);
    List<Row> rows = new ArrayList<>();
    rows.add(r.memoryPerBot());
    rows.add(
        r.cpuWindow(
            "benchmark.resource.cpuIdle",
            "CPU idle (nothing running)",
            BenchmarkFacts.IDLE_START,
            BenchmarkFacts.IDLE_END,
            BenchmarkThresholds.CPU_IDLE_PERCENT));
    rows.add(
        r.cpuWindow(
            "benchmark.resource.cpuBusyBots",
            "CPU with 5 busy bots"
                + run.facts()
                    .map(
                        f ->
                            " (each answering " + f.parameters().busyTasksPerSecond() + " tasks/s)")
                    .orElse(""),
            BenchmarkFacts.BUSY_START,
            BenchmarkFacts.BUSY_END,
            BenchmarkThresholds.CPU_BUSY_PERCENT));
    rows.add(r.diskIo());
    run.resources().ifPresent(s -> rows.addAll(InstanceTable.rows(s)));
    run.resources()
        .flatMap(ResourceFacts::peakRssBytes)
        .ifPresent(
            peak ->
                rows.add(
                    new Row(
                        "Server memory (peak, whole benchmark)",
                        Format.mb(peak) + " MB",
                        "–",
                        "–",
                        "figure only: no target")));
    return rows;
  }

  private boolean resourcesMeasured() {
    return run.resources().map(ResourceFacts::measured).orElse(false);
  }

  private static final String MEMORY_PER_BOT = "benchmark.resource.memoryPerBot";

  /** Server memory at each bot of the ramp that has a reading: (bots running, bytes). */
  private List<double[]> memoryAtEachBot() {
    int n = run.facts().map(f -> f.bots().running()).orElse(0);
    List<double[]> points = new ArrayList<>();
    if (run.resources().isPresent()) {
      for (int i = 1; i <= n; i++) {
        run.resources()
            .get()
            .checkpoint(BenchmarkFacts.botsCheckpoint(i))
            .filter(c -> c.rssBytes() != null)
            .map(c -> c.rssBytes())
            .ifPresent(rss -> points.add(new double[] {points.size() + 1, rss}));
      }
    }
    return points;
  }

  private Row memoryPerBotNotMeasured(String why) {
    Threshold target = BenchmarkThresholds.MB_PER_BOT;
    section.check(target.notMeasured(MEMORY_PER_BOT, why));
    return new Row("Memory/bot", "not measured", target.text(), Status.NOT_MEASURED.label(), why);
  }

  private Row memoryPerBot() {
    List<double[]> points = memoryAtEachBot();
    if (points.size() < 2) {
      return memoryPerBotNotMeasured(
          !resourcesMeasured()
              ? "server memory could not be read (" + run.resourcesMissing() + ")"
              : "fewer than 2 bots ran with a memory reading, so there is no slope");
    }
    double[] x = points.stream().mapToDouble(pt -> pt[0]).toArray();
    double[] y = points.stream().mapToDouble(pt -> pt[1]).toArray();
    TheilSen.Estimate e = TheilSen.estimate(x, y);
    if (e == null) {
      return memoryPerBotNotMeasured(
          "only "
              + points.size()
              + " bots had a memory reading: a slope's interval"
              + " needs at least 3");
    }
    return memoryPerBot(e, points.size());
  }

  /** The row of a slope over {@code bots} bots, judged by its interval. */
  private Row memoryPerBot(TheilSen.Estimate e, int bots) {
    Threshold target = BenchmarkThresholds.MB_PER_BOT;
    // The slope as measured, with its interval: a JVM target often takes new bots into memory
    // it already holds, so a slope near 0 is "no growth seen", never a clamped "0 KB".
    String figure =
        Format.number(e.slope() / 1024)
            + " KB per bot (95 % interval "
            + Format.number(e.lower() / 1024)
            + " to "
            + Format.number(e.upper() / 1024)
            + " KB; slope over "
            + bots
            + " bots)";
    double upperMb = e.upper() / Format.MB;
    Status status = target.judgeInterval(e.lower() / Format.MB, upperMb);
    String note =
        "Theil–Sen slope of server memory over "
            + bots
            + " bots, judged by"
            + " its 95 % interval"
            + (status == Status.NOT_MEASURED
                ? ": the interval straddles the " + target.text() + " target, so it cannot tell"
                : "")
            + run.resources().map(r -> "; memory " + r.sourceReason()).orElse("");
    Check c =
        section.check(
            new Check(
                MEMORY_PER_BOT,
                status == Status.NOT_MEASURED ? null : e.slope() / Format.MB,
                target.unit(),
                target.text(),
                status,
                note));
    section.compare(
        "Memory/bot: "
            + figure
            + ", its upper bound "
            + BenchmarkThresholds.margin(Math.max(0, upperMb), target.limit())
            + " the "
            + Format.number(target.limit())
            + " MB target");
    return new Row("Memory/bot", figure, target.text(), c.status().label(), c.note());
  }

  private Row cpuWindow(String metric, String label, String from, String to, Threshold limit) {
    String target = limit.comparison() + " " + Format.number(limit.limit()) + " % of one core";
    Optional<Double> cpu =
        run.resources()
            .flatMap(
                r -> {
                  var a = r.checkpoint(from);
                  var b = r.checkpoint(to);
                  if (a.isEmpty() || b.isEmpty()) {
                    return Optional.empty();
                  }
                  List<Double> v =
                      r.between(a.get().t() + 1, b.get().t()).stream()
                          .map(ResourceFacts.Sample::cpuPercent)
                          .filter(x -> x != null)
                          .toList();
                  return v.isEmpty()
                      ? Optional.empty()
                      : Optional.of(
                          v.stream().mapToDouble(Double::doubleValue).average().orElse(0));
                });
    if (cpu.isEmpty()) {
      String why =
          !resourcesMeasured()
              ? "server CPU could not be read (" + run.resourcesMissing() + ")"
              : "no CPU sample between '" + from + "' and '" + to + "' (the phase did not run)";
      section.check(Check.notMeasured(metric, "%", target, why));
      return new Row(label, "not measured", target, Status.NOT_MEASURED.label(), why);
    }
    Check c =
        section.check(
            limit
                .check(metric, cpu.get())
                .withNote("mean of the server's CPU" + " samples in the window, % of one core"));
    section.compare(
        label
            + ": "
            + Format.number(cpu.get())
            + " %, "
            + BenchmarkThresholds.margin(cpu.get(), limit.limit())
            + " the "
            + Format.number(limit.limit())
            + " % target");
    return new Row(
        label, Format.number(cpu.get()) + " % of one core", target, c.status().label(), "");
  }

  /** Storage bytes only: operations/s are not available, so the row is never judged. */
  private Row diskIo() {
    String target = "< 50 IOPS";
    Optional<Snapshot> a = run.facts().flatMap(f -> f.snapshot(BenchmarkFacts.RUN_START));
    Optional<Snapshot> b = run.facts().flatMap(f -> f.snapshot(BenchmarkFacts.RUN_END));
    String ops =
        "operations/s not measured: OSHI (and Linux's /proc/<pid>/io) give a"
            + " process's storage bytes, not its operation count; not judged";
    if (a.isEmpty() || b.isEmpty() || b.get().t() <= a.get().t()) {
      String why = run.facts().map(BenchmarkFacts::processSource).orElse("no process readings");
      return new Row(
          "Disk I/O", "not measured", target, Status.NOT_MEASURED.label(), why + "; " + ops);
    }
    double seconds = (b.get().t() - a.get().t()) / 1000.0;
    double written = (b.get().bytesWritten() - a.get().bytesWritten()) / 1024.0 / seconds;
    double read = (b.get().bytesRead() - a.get().bytesRead()) / 1024.0 / seconds;
    return new Row(
        "Disk I/O",
        Format.number(written)
            + " KB/s written, "
            + Format.number(read)
            + " KB/s read (over "
            + Format.number(seconds)
            + " s)",
        target,
        Status.NOT_MEASURED.label(),
        ops);
  }
}
