package org.port8000.perf.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.port8000.perf.analysis.BenchmarkResult.LatencyRow;
import org.port8000.perf.analysis.BenchmarkResult.Row;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.RunFacts;

/**
 * Judges the operation benchmark from Gatling's stats (latency, errors per request name) and the
 * simulation's probe files, one judge per table: {@link LatencyRows} against the seed's targets by
 * p95, {@link ThroughputRows} from each capacity ramp's knee ({@link CapacityKnees}), {@link
 * ResourceRows}, {@link ChurnRetention} (memory and open files given back) and {@link
 * ReadinessRows} with the headroom; then the headline and conclusion.
 */
public final class BenchmarkAnalyzer {

  public BenchmarkResult analyze(Optional<GatlingRun> maybeRun) {
    return maybeRun.map(BenchmarkAnalyzer::analyze).orElseGet(BenchmarkResult::notRun);
  }

  private static BenchmarkResult analyze(GatlingRun gatling) {
    BenchmarkRun run = BenchmarkRun.read(gatling);
    BenchmarkSection section = new BenchmarkSection();
    run.meta().ifPresent(m -> m.notes().forEach(section::note));
    if (run.facts().isEmpty()) {
      section.note(
          "The run wrote no benchmark facts (probe-benchmark.json): it did not" + " finish.");
    }
    boolean answered = run.meta().map(RunFacts::targetAnsweredAtEnd).orElse(false);
    List<LatencyRow> latency = LatencyRows.judge(run, section);
    List<Row> throughput = ThroughputRows.judge(run, section);
    List<Row> resources = ResourceRows.judge(run, section);
    ChurnRetention.judge(run, section);
    if (!answered) {
      section.check(
          new Check(
              "benchmark.target.answered",
              0.0,
              "",
              "answers at the end",
              Status.FAIL,
              "the target did not answer /api/health at the end of the run"));
    }
    Status status = section.status();
    List<Row> readiness = ReadinessRows.judge(run, section, answered);
    if (section.recommendations.isEmpty()) {
      section.recommend(
          "No recommendation: no latency row missed its target, no ramp broke"
              + " for a reason on the target's side, and churn gave its memory and open files"
              + " back.");
    }
    List<Check> checks = section.checks;
    String headline = headline(status, checks);
    List<Link> links =
        List.of(
            new Link(
                "Gatling HTML report (" + gatling.simulationName() + ")",
                gatling.htmlReport(),
                false));
    return new BenchmarkResult(
        true,
        status,
        headline,
        latencyPhase(run),
        latency,
        throughput,
        resources,
        section.comparison,
        section.ramps,
        section.headroom,
        readiness,
        section.recommendations,
        conclusion(status, headline, checks),
        section.notes,
        links,
        checks);
  }

  private static String headline(Status status, List<Check> checks) {
    long passed = checks.stream().filter(c -> c.status() == Status.PASS).count();
    if (status == Status.PASS) {
      return "all " + checks.size() + " checks met";
    }
    if (status == Status.FAIL) {
      return (checks.size() - passed)
          + " of "
          + checks.size()
          + " checks not met ("
          + checks.stream().filter(c -> c.status() == Status.FAIL).count()
          + " failed)";
    }
    return "not everything could be measured (" + passed + " of " + checks.size() + " met)";
  }

  /** The verdict, then every check not met with its figure, target and note. */
  private static List<String> conclusion(Status status, String headline, List<Check> checks) {
    List<String> conclusion = new ArrayList<>();
    conclusion.add("**" + status.label() + "** — " + headline + ".");
    checks.stream()
        .filter(c -> c.status() != Status.PASS)
        .forEach(
            c ->
                conclusion.add(
                    (c.status() == Status.FAIL ? "❌ " : "⚠️ ")
                        + c.metric()
                        + ": "
                        + c.display()
                        + " (target "
                        + c.target()
                        + ")"
                        + (c.note().isEmpty() ? "" : " — " + c.note())));
    return conclusion;
  }

  /** How the latency rows were measured, from the run's parameters. */
  private static String latencyPhase(BenchmarkRun run) {
    return run.facts()
        .map(
            f ->
                f.parameters().latencyPerSecond()
                    + " requests/s per"
                    + " operation for "
                    + f.parameters().latencySeconds()
                    + " s, after a "
                    + f.parameters().warmUpSeconds()
                    + " s warm-up with 2 users")
        .orElse("unknown");
  }
}
