package org.port8000.perf.analysis;

import java.util.List;
import java.util.Optional;
import org.port8000.perf.analysis.BenchmarkResult.Row;
import org.port8000.perf.results.RunFacts;

/**
 * The production readiness table (each category the worst of its checks) and the headroom left at
 * the assignment's load, computed from the measured knees only: nothing is extrapolated.
 */
final class ReadinessRows {
  private ReadinessRows() {}

  static List<Row> judge(BenchmarkRun run, BenchmarkSection section, boolean answered) {
    List<Check> checks = section.checks;
    List<Check> scal =
        checks.stream().filter(c -> c.metric().startsWith("benchmark.throughput.")).toList();
    List<Row> rows =
        List.of(
            performance(checks),
            stability(checks, answered),
            row(
                "Scalability",
                scal,
                "knees measured by ramping (see Capacity" + " Analysis); none extrapolated"),
            reliability(checks),
            signOff(run, section));
    headroom(section, scal);
    return rows;
  }

  private static Row performance(List<Check> checks) {
    List<Check> lat =
        checks.stream()
            .filter(c -> c.metric().startsWith("benchmark.latency.") && c.metric().endsWith(".p95"))
            .toList();
    return row(
        "Performance",
        lat,
        lat.stream().filter(c -> c.status() == Status.PASS).count()
            + " of "
            + lat.size()
            + " latency rows under their target");
  }

  private static Row stability(List<Check> checks, boolean answered) {
    List<Check> stab =
        checks.stream()
            .filter(
                c ->
                    c.metric().startsWith("benchmark.churn.")
                        || c.metric().equals("benchmark.target.answered"))
            .toList();
    return row(
        "Stability",
        stab,
        (answered ? "the target answered to the end" : "the target stopped answering")
            + "; churn "
            + (stab.stream().allMatch(c -> c.status() == Status.PASS)
                ? "returned to baseline"
                : "did not return to baseline, or was not measured"));
  }

  private static Row reliability(List<Check> checks) {
    List<Check> errs = checks.stream().filter(c -> c.metric().endsWith(".errors")).toList();
    double errors = errs.stream().mapToDouble(c -> c.value() == null ? 0 : c.value()).sum();
    return row(
        "Reliability",
        errs,
        Format.number(errors)
            + " failed requests in the"
            + " latency phase (errors, timeouts and success:false)");
  }

  /** Signed off only by a full-assignment run of a real target whose every check passed. */
  private static Row signOff(BenchmarkRun run, BenchmarkSection section) {
    boolean full = run.meta().map(RunFacts::fullAssignment).orElse(false);
    boolean embedded = run.meta().map(RunFacts::targetStartedByRun).orElse(true);
    return new Row(
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
                : "every check met");
  }

  /** Headroom at the assignment's load, from the measured knees only. */
  private static void headroom(BenchmarkSection section, List<Check> scal) {
    for (Check c : scal) {
      if (c.value() != null && c.value() > 0) {
        knee(c).ifPresent(section::headroom);
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

  /** One measured knee as a multiple of the assignment's load; empty for other checks. */
  private static Optional<String> knee(Check c) {
    String bound = c.note().startsWith("broke") ? "" : "at least ";
    double held = c.value();
    return Optional.ofNullable(
        switch (c.metric()) {
          case "benchmark.throughput.connections" ->
              multiple(
                  "Connections",
                  bound,
                  held,
                  BenchmarkThresholds.ASSIGNMENT_CLIENTS,
                  "assignment's "
                      + BenchmarkThresholds.ASSIGNMENT_CLIENTS
                      + " concurrent WebSocket clients",
                  "held " + Format.number(held));
          case "benchmark.throughput.messages" ->
              multiple(
                  "Messages on new connections",
                  bound,
                  held,
                  BenchmarkThresholds.ASSIGNMENT_MESSAGES_PER_SECOND,
                  "assignment's burst rate of "
                      + Format.number(BenchmarkThresholds.ASSIGNMENT_MESSAGES_PER_SECOND)
                      + " msg/s",
                  "held " + Format.number(held) + " msg/s");
          case "benchmark.throughput.apiCalls" ->
              multiple(
                  "API calls",
                  bound,
                  held,
                  BenchmarkThresholds.API_CALLS_PER_SECOND.limit(),
                  "seed's "
                      + Format.number(BenchmarkThresholds.API_CALLS_PER_SECOND.limit())
                      + " calls/s",
                  "held " + Format.number(held) + " calls/s");
          case "benchmark.throughput.bots" ->
              multiple(
                  "Bots",
                  c.note().startsWith("bound") ? "at least " : "",
                  held,
                  BenchmarkThresholds.SEED_CURRENT_BOTS,
                  "seed's " + BenchmarkThresholds.SEED_CURRENT_BOTS + " current bots",
                  Format.number(held) + " ran at once");
          default -> null;
        });
  }

  /** "Connections: at least 5× the assignment's 10 concurrent WebSocket clients (held 50)." */
  private static String multiple(
      String what, String bound, double held, double load, String loadText, String heldText) {
    return what
        + ": "
        + bound
        + Format.number(held / load)
        + "× the "
        + loadText
        + " ("
        + heldText
        + ").";
  }

  private static Row row(String category, List<Check> of, String notes) {
    Status s =
        of.isEmpty() ? Status.NOT_MEASURED : Status.worst(of.stream().map(Check::status).toList());
    return new Row(category, "", "", s.label(), notes);
  }
}
