package org.port8000.perf.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.port8000.perf.analysis.BenchmarkResult.Ramp;
import org.port8000.perf.analysis.BenchmarkResult.Row;
import org.port8000.perf.analysis.BenchmarkResult.StepRow;
import org.port8000.perf.results.BenchmarkFacts;
import org.port8000.perf.results.BenchmarkRequests;
import org.port8000.perf.results.RequestStats;

/**
 * The throughput table in the seed's order (messages/s, API calls/s, concurrent bots, concurrent
 * connections), each figure a measured knee of its capacity ramp (or the configured bound, marked
 * "≥"), judged against the seed's target.
 */
final class ThroughputRows {
  private ThroughputRows() {}

  static List<Row> judge(BenchmarkRun run, BenchmarkSection section) {
    List<Row> rows = new ArrayList<>();
    if (run.facts().isEmpty()) {
      for (String m : List.of("messages", "apiCalls", "bots", "connections")) {
        section.check(
            Check.notMeasured(
                "benchmark.throughput." + m,
                "",
                "see the seed",
                "the run wrote no benchmark facts"));
      }
      rows.add(
          new Row(
              "All throughput figures",
              "not measured",
              "",
              Status.NOT_MEASURED.label(),
              "the run wrote no benchmark facts"));
      return rows;
    }
    BenchmarkFacts f = run.facts().get();
    CapacityKnees knees = new CapacityKnees(run, section, f.parameters());
    // Ramps in the order they ran; rows in the seed's order.
    Knee api = knees.api(f.apiSteps());
    Row bots = bots(run, f.bots(), section);
    Knee connections = knees.connections(f.connectionSteps());
    Knee churn = knees.churn(f.churnSteps());
    // Messages/s: the churn ramp, one chat message on each new connection.
    rows.add(
        figure(
            section,
            "benchmark.throughput.messages",
            "Messages/sec (one per new" + " connection, churn ramp)",
            churn,
            BenchmarkThresholds.MESSAGES_PER_SECOND,
            true));
    rows.add(
        figure(
            section,
            "benchmark.throughput.apiCalls",
            "API calls/sec (read mix)",
            api,
            BenchmarkThresholds.API_CALLS_PER_SECOND,
            true));
    rows.add(bots);
    rows.add(
        figure(
            section,
            "benchmark.throughput.connections",
            "Concurrent WebSocket connections",
            connections,
            BenchmarkThresholds.CONCURRENT_CONNECTIONS,
            false));
    return rows;
  }

  /** A throughput row and its check from a ramp's knee; rates use the achieved figure. */
  private static Row figure(
      BenchmarkSection section,
      String metric,
      String label,
      Knee k,
      Threshold target,
      boolean rate) {
    String unit = target.unit();
    if (k == null) {
      section.check(target.notMeasured(metric, "the ramp did not run"));
      return new Row(
          label,
          "not measured",
          target.text(),
          Status.NOT_MEASURED.label(),
          "the ramp did not run");
    }
    double value =
        k.held() == null
            ? 0
            : rate && k.held().achievedPerSecond() != null
                ? k.held().achievedPerSecond()
                : k.held().level();
    String shown =
        (k.held() == null
                ? "no step held"
                : (k.boundReached() ? "≥ " : "")
                    + Format.number(value)
                    + " "
                    + unit
                    + (k.boundReached() ? " held (the configured top)" : " held"))
            + (k.latency() == null ? "" : "; " + k.latency());
    String note = k.broke() == null ? "" : "broke at " + k.broke().name() + ": " + k.why();
    Check c = section.check(target.check(metric, value).withNote(note));
    section.compare(
        label
            + ": "
            + shown
            + " vs target "
            + target.text()
            + (value > 0 ? " (" + Format.number(value / target.limit()) + "× the target)" : ""));
    return new Row(label, shown, target.text(), c.status().label(), note);
  }

  /** Bots launched one by one (each answering a task) up to the bound or the first failure. */
  private static Row bots(BenchmarkRun run, BenchmarkFacts.Bots b, BenchmarkSection section) {
    Threshold target = BenchmarkThresholds.CONCURRENT_BOTS;
    Optional<RequestStats> launch = run.request(BenchmarkRequests.BOTS_LAUNCH);
    Optional<RequestStats> task = run.request(BenchmarkRequests.BOTS_TASK);
    String result =
        b.firstFailure() == null
            ? "≥ " + b.running() + " bots (the configured bound) ran at once"
            : b.running() + " bots ran at once; then " + b.firstFailure();
    List<StepRow> rows =
        List.of(
            new StepRow(
                "1 … " + b.max() + " bots, one by one",
                b.running() + " running",
                launch.map(l -> l.ok() + " launched, " + l.ko() + " failed").orElse("–")
                    + task.map(t -> "; " + t.ok() + " tasks answered").orElse(""),
                launch.filter(l -> l.ok() > 0).map(l -> "launch " + l.p95() + " ms").orElse("–")
                    + task.filter(t -> t.ok() > 0).map(t -> ", task " + t.p95() + " ms").orElse(""),
                "–",
                b.stopped() + " stopped afterwards",
                b.firstFailure() == null ? "bound reached" : "first failure"));
    section.ramp(
        new Ramp(
            "Concurrent bots (launched one by one, each answering a task)",
            "Bots are launched one at a time up to the bound or the first failed launch or task;"
                + " all are stopped afterwards.",
            rows,
            result + "."));
    Check c =
        section.check(
            target
                .check("benchmark.throughput.bots", b.running())
                .withNote(
                    b.firstFailure() == null ? "bound " + b.max() + " reached" : b.firstFailure()));
    section.compare("Concurrent bots: " + result + " vs target " + target.text());
    if (b.stopped() < b.running()) {
      section.note(
          "Only "
              + b.stopped()
              + " of the "
              + b.running()
              + " ramp bots could be"
              + " stopped afterwards.");
    }
    return new Row(
        "Concurrent bots",
        (b.firstFailure() == null ? "≥ " : "") + b.running(),
        target.text(),
        c.status().label(),
        c.note());
  }
}
