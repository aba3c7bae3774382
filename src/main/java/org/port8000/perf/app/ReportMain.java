package org.port8000.perf.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.port8000.perf.analysis.Analyzers;
import org.port8000.perf.analysis.Area;
import org.port8000.perf.analysis.AreaAnalyzer;
import org.port8000.perf.analysis.AreaResult;
import org.port8000.perf.analysis.BenchmarkAnalyzer;
import org.port8000.perf.analysis.BenchmarkResult;
import org.port8000.perf.analysis.RunVerdict;
import org.port8000.perf.analysis.Verdict;
import org.port8000.perf.baseline.BaselineOutcome;
import org.port8000.perf.baseline.BaselineSettings;
import org.port8000.perf.baseline.BaselineStep;
import org.port8000.perf.config.Settings;
import org.port8000.perf.report.ReportException;
import org.port8000.perf.report.ReportFiles;
import org.port8000.perf.results.CapabilityFacts;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.LastRun;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.RunFacts;

/**
 * The report step ({@code mvn verify}'s last step, or alone: {@code mvn exec:java@report}): reads
 * the last invocation's results, judges them, writes every output, and fails the build when a
 * target was missed or a measurement failed — after the files are written.
 */
public final class ReportMain {
  private ReportMain() {}

  public static void main(String[] args) {
    Outcome o = run(Settings.load());
    System.out.println(o.summary());
    if (o.failBuild()) {
      throw new ReportException(o.failReason());
    }
  }

  /** What the report step concluded. */
  public record Outcome(
      Verdict verdict,
      ReportFiles files,
      List<AreaResult> areas,
      BenchmarkResult benchmark,
      boolean failBuild,
      String failReason,
      BaselineOutcome baseline) {
    String summary() {
      StringBuilder s = new StringBuilder("[perf] verdict " + verdict + "\n");
      for (AreaResult a : areas) {
        s.append("[perf]   ")
            .append(a.area().title())
            .append(": ")
            .append(a.ran() ? a.status().name() + " — " + a.result() : "not run")
            .append('\n');
      }
      s.append("[perf]   Operation benchmark: ")
          .append(
              benchmark.ran()
                  ? benchmark.status().name() + " — " + benchmark.headline()
                  : "not run")
          .append('\n');
      if (baseline == null) {
        s.append("[perf]   baseline: not compared (a merged run)").append('\n');
      } else {
        baseline
            .rows()
            .forEach(
                r ->
                    s.append("[perf]   baseline ")
                        .append(r.label())
                        .append(": ")
                        .append(r.change().label())
                        .append(" — ")
                        .append(r.reason())
                        .append('\n'));
      }
      if (baseline != null && baseline.rows().isEmpty()) {
        s.append("[perf]   baseline: ").append(baseline.message()).append('\n');
      }
      s.append("[perf] report: ").append(files.report()).append('\n');
      s.append("[perf] benchmark: ").append(files.benchmark()).append('\n');
      s.append("[perf] status: ").append(files.status()).append('\n');
      s.append("[perf] summary: ").append(files.summaryJson());
      return s.toString();
    }
  }

  public static Outcome run(Settings settings) {
    Map<String, GatlingRun> runs = LastRun.read(settings.gatlingResultsFolder());
    Judged judged = judge(runs);
    // The baseline compares against the verdict on the targets alone; a gating regression
    // then fails the run's verdict.
    BaselineSettings baselineSettings = BaselineSettingsReader.read(settings);
    BaselineOutcome baseline =
        BaselineStep.compare(
            baselineSettings,
            runs,
            judged.areas(),
            RunVerdict.targetsVerdict(judged.areas()).name());
    RunVerdict verdict =
        judged.verdict(
            settings,
            baseline.failsBuild() ? Optional.of(baseline.failReason()) : Optional.empty());
    ReportFiles files = Reports.write(settings, judged, verdict, baseline, List.of());
    BaselineStep.record(baselineSettings, baseline);
    return outcome(files, judged, verdict, baseline);
  }

  /** The areas and the benchmark judged from the runs, with what the runs said of themselves. */
  record Judged(
      List<AreaResult> areas,
      BenchmarkResult benchmark,
      List<RunFacts> metas,
      Optional<CapabilityFacts> capabilities) {
    /** The run's verdict; {@code regression}: the baseline's reason to fail it, if it gates. */
    RunVerdict verdict(Settings settings, Optional<String> regression) {
      return RunVerdict.judge(
          areas, benchmark, metas, settings.profile(), settings.isFullAssignment(), regression);
    }
  }

  static Judged judge(Map<String, GatlingRun> runs) {
    List<AreaResult> areas = new ArrayList<>();
    List<RunFacts> metas = new ArrayList<>();
    List<CapabilityFacts> capabilities = new ArrayList<>();
    List<AreaAnalyzer> analyzers = Analyzers.all();
    for (Area area : Area.values()) {
      Optional<GatlingRun> run = Optional.ofNullable(runs.get(area.simulation()));
      run.flatMap(r -> ProbeFiles.read(r.folder(), RunFacts.PROBE, RunFacts.class))
          .ifPresent(metas::add);
      run.flatMap(r -> CapabilityFacts.read(r.folder())).ifPresent(capabilities::add);
      AreaResult result =
          analyzers.stream()
              .filter(a -> a.area() == area)
              .findFirst()
              .map(a -> a.analyze(run))
              .orElseGet(() -> AreaResult.notRun(area));
      areas.add(result);
    }
    // The operation benchmark is judged apart from the four areas, but gates the build alike.
    Optional<GatlingRun> benchRun = Optional.ofNullable(runs.get(BenchmarkResult.SIMULATION));
    benchRun
        .flatMap(r -> ProbeFiles.read(r.folder(), RunFacts.PROBE, RunFacts.class))
        .ifPresent(metas::add);
    BenchmarkResult benchmark = new BenchmarkAnalyzer().analyze(benchRun);
    // The latest check: every simulation checks its own target before its load.
    Optional<CapabilityFacts> latest =
        capabilities.stream().max(Comparator.comparing(CapabilityFacts::checkedAt));
    return new Judged(areas, benchmark, metas, latest);
  }

  /** What the written reports mean for the build; {@code baseline} null: none compared. */
  static Outcome outcome(
      ReportFiles files, Judged judged, RunVerdict verdict, BaselineOutcome baseline) {
    String reason =
        verdict.failCause()
            + "; see "
            + (verdict.failEvidence() == RunVerdict.Evidence.BENCHMARK
                ? files.benchmark()
                : files.report());
    return new Outcome(
        verdict.overall(),
        files,
        judged.areas(),
        judged.benchmark(),
        verdict.failsBuild(),
        verdict.failsBuild() ? reason : "",
        baseline);
  }
}
