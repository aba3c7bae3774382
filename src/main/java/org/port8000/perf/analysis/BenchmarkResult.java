package org.port8000.perf.analysis;

import java.util.List;

/**
 * What the benchmark report says, already formatted (the template only lists and tests). Its checks
 * are separate from the assignment's four areas but gate the build the same way.
 *
 * @param ran false when this invocation did not run the benchmark simulation
 * @param status worst of the checks (NOT_MEASURED when not run)
 * @param latencyPhase how the latency rows were measured, e.g. "2 requests/s each for 30 s"
 */
public record BenchmarkResult(
    boolean ran,
    Status status,
    String headline,
    String latencyPhase,
    List<LatencyRow> latency,
    List<Row> throughput,
    List<Row> resources,
    List<String> comparison,
    List<Ramp> ramps,
    List<String> headroom,
    List<Row> readiness,
    List<String> recommendations,
    List<String> conclusion,
    List<String> notes,
    List<Link> links,
    List<Check> checks) {

  public static final String SIMULATION = "OperationBenchmarkSimulation";
  public static final String COMMAND =
      "mvn gatling:test" + " -Dgatling.simulationClass=org.port8000.perf.simulations." + SIMULATION;

  public BenchmarkResult {
    latency = List.copyOf(latency);
    throughput = List.copyOf(throughput);
    resources = List.copyOf(resources);
    comparison = List.copyOf(comparison);
    ramps = List.copyOf(ramps);
    headroom = List.copyOf(headroom);
    readiness = List.copyOf(readiness);
    recommendations = List.copyOf(recommendations);
    conclusion = List.copyOf(conclusion);
    notes = List.copyOf(notes);
    links = List.copyOf(links);
    checks = List.copyOf(checks);
  }

  /** One latency row: the operation's figures from Gatling's stats, judged by p95. */
  public record LatencyRow(
      String operation,
      String count,
      String errors,
      String p50,
      String p95,
      String p99,
      String max,
      String target,
      String margin,
      String status) {}

  /** A row of the throughput, resource or readiness table. */
  public record Row(String label, String measured, String target, String status, String note) {}

  /** One capacity ramp: its rule, each step as measured, and what it found. */
  public record Ramp(String title, String rule, List<StepRow> steps, String result) {
    public Ramp {
      steps = List.copyOf(steps);
    }
  }

  /** One step of a ramp, with the load generator's own CPU beside it. */
  public record StepRow(
      String step,
      String achieved,
      String requests,
      String p95,
      String generatorCpu,
      String server,
      String result) {}

  /** The target could not be reached before any load: nothing of the benchmark was measured. */
  public static BenchmarkResult targetDown(String why) {
    return withoutFigures(
        "not measured: the target did not" + " answer",
        List.of(why),
        List.of(Check.notMeasured("benchmark.target.answered", "", "answers", why)));
  }

  /** The benchmark did not run in this invocation: no figures, no verdict. */
  public static BenchmarkResult notRun() {
    return withoutFigures(
        "not run in this invocation",
        List.of(
            "Not run in this invocation. Run it with `"
                + COMMAND
                + "` (or `mvn verify` for the whole suite)."),
        List.of());
  }

  /** A result that did not run: its headline, notes and checks, every table empty. */
  private static BenchmarkResult withoutFigures(
      String headline, List<String> notes, List<Check> checks) {
    List<String> none = List.of();
    return new BenchmarkResult(
        false,
        Status.NOT_MEASURED,
        headline,
        "",
        List.of(),
        List.of(),
        List.of(),
        none,
        List.of(),
        none,
        List.of(),
        none,
        none,
        notes,
        List.of(),
        checks);
  }
}
