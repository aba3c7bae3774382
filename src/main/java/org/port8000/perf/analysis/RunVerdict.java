package org.port8000.perf.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.port8000.perf.results.RunFacts;

/**
 * The run's verdict, decided once: from the areas' checks, the operation benchmark, what the runs
 * were (full assignment? the suite's own reference server?) and a gating regression. The reports
 * only show it and the report step only acts on {@link #failsBuild()}.
 *
 * @param targets the four areas' verdict on their targets alone
 * @param overall {@code targets}, or FAIL when a regression against the baseline gates the run
 * @param profile the profile(s) the runs used, e.g. "smoke"
 * @param full every run used the assignment's full parameters
 * @param selfCheck every run measured the suite's embedded reference server
 * @param failed the checks that missed their target
 * @param unmeasured the checks of areas that ran but could not be measured
 * @param allComplete every area ran and measured everything
 * @param ready "Ready for Window 3": a full run of a real target that passed
 * @param readyReason why (not) ready, for the status report
 * @param signOff the optimization report's last words
 * @param summary the executive summary's lines
 * @param failsBuild the report step fails the build (a missed target, a failed measurement, a
 *     benchmark that did not pass, or a gating regression)
 * @param failCause why the build fails, without where to read more; empty when it does not
 * @param failEvidence which report says more about {@code failCause}
 */
public record RunVerdict(
    Verdict targets,
    Verdict overall,
    String profile,
    boolean full,
    boolean selfCheck,
    List<Check> failed,
    List<Check> unmeasured,
    boolean allComplete,
    boolean ready,
    String readyReason,
    String signOff,
    List<String> summary,
    boolean failsBuild,
    String failCause,
    Evidence failEvidence) {

  /** The report that explains a failed build. */
  public enum Evidence {
    REPORT,
    BENCHMARK
  }

  /** What a run against the embedded reference server signs off instead of production. */
  public static final String SELF_CHECK =
      "Self-check of the suite: this run measured the suite's"
          + " own embedded reference server, not a Port 8000 server, so it signs nothing off. To"
          + " judge your server, start it and run `mvn verify -Dtarget.url=http://127.0.0.1:8000"
          + " -Dtarget.pid=<its pid>` (README, \"Run it against your server\").";

  /**
   * Judges a run. {@code settingsProfile} and {@code settingsFull} stand in for the runs' own
   * record when no run left one; {@code regression} is the baseline's reason to fail the run, empty
   * when it does not gate.
   */
  public static RunVerdict judge(
      List<AreaResult> areas,
      BenchmarkResult benchmark,
      Collection<RunFacts> metas,
      String settingsProfile,
      boolean settingsFull,
      Optional<String> regression) {
    Verdict targets = targetsVerdict(areas);
    Verdict overall = regression.isPresent() ? Verdict.FAIL : targets;
    boolean full =
        metas.isEmpty() ? settingsFull : metas.stream().allMatch(RunFacts::fullAssignment);
    String profile =
        metas.isEmpty()
            ? settingsProfile
            : String.join(", ", metas.stream().map(RunFacts::profile).distinct().sorted().toList());
    boolean selfCheck = !metas.isEmpty() && metas.stream().allMatch(RunFacts::targetStartedByRun);
    List<Check> failed = withStatus(areas.stream(), Status.FAIL);
    List<Check> unmeasured =
        withStatus(areas.stream().filter(AreaResult::ran), Status.NOT_MEASURED);
    boolean allComplete =
        areas.stream()
            .allMatch(
                a ->
                    a.ran()
                        && a.checks().stream().noneMatch(c -> c.status() == Status.NOT_MEASURED));
    boolean ready = targets == Verdict.PASS && full && !selfCheck;
    String signOff =
        selfCheck
            ? SELF_CHECK + " Verdict of the self-check: " + targets.name() + "."
            : signOff(targets, full, failed);
    boolean benchFailed = benchmark.ran() && benchmark.status() != Status.PASS;
    BuildFailure failure = buildFailure(targets, regression, unmeasured, benchmark, benchFailed);
    return new RunVerdict(
        targets,
        overall,
        profile,
        full,
        selfCheck,
        failed,
        unmeasured,
        allComplete,
        ready,
        readyReason(targets, full, selfCheck, ready, profile, failed),
        signOff,
        summary(areas, targets, full, selfCheck, failed, unmeasured),
        overall == Verdict.FAIL || !unmeasured.isEmpty() || benchFailed,
        failure.cause(),
        failure.evidence());
  }

  /** The checks of {@code areas} that ended in {@code status}. */
  private static List<Check> withStatus(Stream<AreaResult> areas, Status status) {
    return areas.flatMap(a -> a.checks().stream()).filter(c -> c.status() == status).toList();
  }

  /** Why the run is (not) "Ready for Window 3", for the status report. */
  private static String readyReason(
      Verdict targets,
      boolean full,
      boolean selfCheck,
      boolean ready,
      String profile,
      List<Check> failed) {
    if (selfCheck) {
      return SELF_CHECK;
    }
    if (ready) {
      return "All four metrics were measured with the assignment's parameters and met their"
          + " targets.";
    }
    if (!full) {
      return "Not a full-assignment run (profile '" + profile + "').";
    }
    return targets == Verdict.FAIL ? missed(failed) + " missed." : "Not every metric was measured.";
  }

  /** Why the build fails and which report says more; an empty cause when it does not fail. */
  private record BuildFailure(String cause, Evidence evidence) {}

  private static BuildFailure buildFailure(
      Verdict targets,
      Optional<String> regression,
      List<Check> unmeasured,
      BenchmarkResult benchmark,
      boolean benchFailed) {
    if (regression.isPresent()) {
      return new BuildFailure(
          (targets == Verdict.FAIL ? "Performance targets missed. " : "") + regression.get(),
          Evidence.REPORT);
    }
    if (targets == Verdict.FAIL) {
      return new BuildFailure("Performance targets missed", Evidence.REPORT);
    }
    if (!unmeasured.isEmpty()) {
      return new BuildFailure("Measurements failed (" + metrics(unmeasured) + ")", Evidence.REPORT);
    }
    if (benchFailed) {
      return new BuildFailure(
          "Operation benchmark "
              + (benchmark.status() == Status.FAIL ? "targets missed" : "not fully measured")
              + " ("
              + metrics(benchmark.checks().stream().filter(c -> c.status() != Status.PASS).toList())
              + ")",
          Evidence.BENCHMARK);
    }
    return new BuildFailure("", Evidence.REPORT);
  }

  private static String metrics(List<Check> checks) {
    return String.join(", ", checks.stream().map(Check::metric).toList());
  }

  /** FAIL if any check failed; PASS only if all four areas ran and passed whole. */
  public static Verdict targetsVerdict(List<AreaResult> areas) {
    List<Check> checks = areas.stream().flatMap(a -> a.checks().stream()).toList();
    if (checks.stream().anyMatch(c -> c.status() == Status.FAIL)
        || areas.stream().anyMatch(a -> a.ran() && a.status() == Status.FAIL)) {
      return Verdict.FAIL;
    }
    boolean whole =
        areas.stream().allMatch(a -> a.ran() && a.status() == Status.PASS)
            && checks.stream().allMatch(c -> c.status() == Status.PASS);
    return whole ? Verdict.PASS : Verdict.INCOMPLETE;
  }

  private static String missed(List<Check> failed) {
    return failed.size() + " target" + (failed.size() == 1 ? "" : "s");
  }

  private static String signOff(Verdict verdict, boolean full, List<Check> failed) {
    return switch (verdict) {
      case PASS ->
          full
              ? "Performance baseline established. Ready for production."
              : "All measured targets met in a scaled-down run. Not signed off: this is not a"
                  + " production baseline; run `mvn verify` with the assignment profile.";
      case FAIL ->
          "Not ready for production: " + missed(failed) + " missed (see" + " Recommendations).";
      case INCOMPLETE -> "Not ready for production: not every metric was measured in this run.";
    };
  }

  private static List<String> summary(
      List<AreaResult> areas,
      Verdict verdict,
      boolean full,
      boolean selfCheck,
      List<Check> failed,
      List<Check> unmeasured) {
    List<String> summary = new ArrayList<>();
    if (verdict == Verdict.PASS) {
      summary.add(
          selfCheck
              ? "All measured metrics meet their targets on the embedded reference"
                  + " server (a self-check of the suite, not a verdict on a Port 8000 server)"
              : full
                  ? "All metrics meet production targets"
                  : "All measured metrics meet their targets in this scaled-down run");
      return summary;
    }
    summary.add(
        failed.isEmpty()
            ? "No target missed, but not every metric was measured"
            : failed.size()
                + (failed.size() == 1 ? " issue" : " issues")
                + " found, recommendations below");
    failed.forEach(
        c -> summary.add("❌ " + c.metric() + ": " + c.display() + " (target " + c.target() + ")"));
    unmeasured.forEach(c -> summary.add("⚠️ " + c.metric() + " not measured: " + c.note()));
    areas.stream()
        .filter(a -> !a.ran())
        .forEach(a -> summary.add("⚠️ " + a.area().title() + " not run in this invocation"));
    return summary;
  }
}
