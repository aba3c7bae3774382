package org.port8000.perf.analysis;

import java.util.ArrayList;
import java.util.List;
import org.port8000.perf.analysis.BenchmarkResult.Row;
import org.port8000.perf.results.RunMeta;

/**
 * The production readiness table (each category the worst of its checks) and the headroom left at
 * the assignment's load, computed from the measured knees only: nothing is extrapolated.
 */
final class ReadinessRows {
  private ReadinessRows() {}

  static List<Row> judge(BenchmarkRun run, BenchmarkSection section, boolean answered) {
    List<Check> checks = section.checks;
    List<Row> rows = new ArrayList<>();
    List<Check> lat =
        checks.stream()
            .filter(c -> c.metric().startsWith("benchmark.latency.") && c.metric().endsWith(".p95"))
            .toList();
    rows.add(
        row(
            "Performance",
            lat,
            lat.stream().filter(c -> c.status() == Status.PASS).count()
                + " of "
                + lat.size()
                + " latency rows under their target"));
    List<Check> stab =
        checks.stream()
            .filter(
                c ->
                    c.metric().startsWith("benchmark.churn.")
                        || c.metric().equals("benchmark.target.answered"))
            .toList();
    rows.add(
        row(
            "Stability",
            stab,
            (answered ? "the target answered to the end" : "the target stopped answering")
                + "; churn "
                + (stab.stream().allMatch(c -> c.status() == Status.PASS)
                    ? "returned to baseline"
                    : "did not return to baseline, or was not measured")));
    List<Check> scal =
        checks.stream().filter(c -> c.metric().startsWith("benchmark.throughput.")).toList();
    rows.add(
        row(
            "Scalability",
            scal,
            "knees measured by ramping (see Capacity" + " Analysis); none extrapolated"));
    List<Check> errs = checks.stream().filter(c -> c.metric().endsWith(".errors")).toList();
    double errors = errs.stream().mapToDouble(c -> c.value() == null ? 0 : c.value()).sum();
    rows.add(
        row(
            "Reliability",
            errs,
            Format.number(errors)
                + " failed requests in the"
                + " latency phase (errors, timeouts and success:false)"));
    boolean full = run.meta().map(RunMeta::fullAssignment).orElse(false);
    boolean embedded = run.meta().map(RunMeta::targetStartedByRun).orElse(true);
    rows.add(
        new Row(
            "Production sign-off",
            "",
            "",
            full && !embedded && section.status() == Status.PASS
                ? Status.PASS.label()
                : "⏭️ NOT SIGNED OFF",
            !full
                ? "not the assignment profile: figures are not a production baseline"
                : embedded
                    ? "the embedded reference server is a self-check of the suite; point"
                        + " -Dtarget.url at the real server"
                    : "every check met"));
    headroom(section, scal);
    return rows;
  }

  /** Headroom at the assignment's load, from the measured knees only. */
  private static void headroom(BenchmarkSection section, List<Check> scal) {
    for (Check c : scal) {
      if (c.value() == null || c.value() <= 0) {
        continue;
      }
      String bound = c.note().startsWith("broke") ? "" : "at least ";
      switch (c.metric()) {
        case "benchmark.throughput.connections" ->
            section.headroom(
                "Connections: "
                    + bound
                    + Format.number(c.value() / BenchmarkThresholds.ASSIGNMENT_CLIENTS)
                    + "× the assignment's "
                    + BenchmarkThresholds.ASSIGNMENT_CLIENTS
                    + " concurrent WebSocket clients (held "
                    + Format.number(c.value())
                    + ").");
        case "benchmark.throughput.messages" ->
            section.headroom(
                "Messages on new connections: "
                    + bound
                    + Format.number(c.value() / BenchmarkThresholds.ASSIGNMENT_MESSAGES_PER_SECOND)
                    + "× the assignment's burst rate of "
                    + Format.number(BenchmarkThresholds.ASSIGNMENT_MESSAGES_PER_SECOND)
                    + " msg/s (held "
                    + Format.number(c.value())
                    + " msg/s).");
        case "benchmark.throughput.apiCalls" ->
            section.headroom(
                "API calls: "
                    + bound
                    + Format.number(c.value() / BenchmarkThresholds.API_CALLS_PER_SECOND.limit())
                    + "× the seed's "
                    + Format.number(BenchmarkThresholds.API_CALLS_PER_SECOND.limit())
                    + " calls/s (held "
                    + Format.number(c.value())
                    + " calls/s).");
        case "benchmark.throughput.bots" ->
            section.headroom(
                "Bots: "
                    + (c.note().startsWith("bound") ? "at least " : "")
                    + Format.number(c.value() / BenchmarkThresholds.SEED_CURRENT_BOTS)
                    + "× the seed's "
                    + BenchmarkThresholds.SEED_CURRENT_BOTS
                    + " current bots ("
                    + Format.number(c.value())
                    + " ran at once).");
        default -> {}
      }
    }
    section.checks.stream()
        .filter(c -> c.metric().equals("benchmark.resource.cpuBusyBots") && c.value() != null)
        .findFirst()
        .ifPresent(
            c ->
                section.headroom(
                    "CPU: with 5 busy"
                        + " bots the server used "
                        + Format.number(c.value())
                        + " % of one core, "
                        + BenchmarkThresholds.margin(
                            c.value(), BenchmarkThresholds.CPU_BUSY_PERCENT.limit())
                        + " the seed's "
                        + Format.number(BenchmarkThresholds.CPU_BUSY_PERCENT.limit())
                        + " % limit."));
    section.headroom(
        "Each figure is a measured knee (or the configured bound, marked \"at"
            + " least\") divided by the load the assignment runs; nothing here is extrapolated.");
  }

  private static Row row(String category, List<Check> of, String notes) {
    Status s =
        of.isEmpty() ? Status.NOT_MEASURED : Status.worst(of.stream().map(Check::status).toList());
    return new Row(category, "", "", s.label(), notes);
  }
}
