package org.port8000.perf.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.port8000.perf.results.RunMeta;

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
      Collection<RunMeta> metas,
      String settingsProfile,
      boolean settingsFull,
      Optional<String> regression) {
    Verdict targets = targetsVerdict(areas);
    Verdict overall = regression.isPresent() ? Verdict.FAIL : targets;
    boolean full =
        metas.isEmpty() ? settingsFull : metas.stream().allMatch(RunMeta::fullAssignment);
    String profile =
        metas.isEmpty()
            ? settingsProfile
            : String.join(", ", metas.stream().map(RunMeta::profile).distinct().sorted().toList());
    boolean selfCheck = !metas.isEmpty() && metas.stream().allMatch(RunMeta::targetStartedByRun);
    List<Check> failed =
        areas.stream()
            .flatMap(a -> a.checks().stream())
            .filter(c -> c.status() == Status.FAIL)
            .toList();
    List<Check> unmeasured =
        areas.stream()
            .filter(AreaResult::ran)
            .flatMap(a -> a.checks().stream())
            .filter(c -> c.status() == Status.NOT_MEASURED)
            .toList();
    boolean allComplete =
        areas.stream()
            .allMatch(
                a ->
                    a.ran()
                        && a.checks().stream().noneMatch(c -> c.status() == Status.NOT_MEASURED));
    boolean ready = targets == Verdict.PASS && full && !selfCheck;
    String readyReason =
        selfCheck
            ? SELF_CHECK
            : ready
                ? "All four metrics were measured with the assignment's parameters and met their"
                    + " targets."
                : !full
                    ? "Not a full-assignment run (profile '" + profile + "')."
                    : targets == Verdict.FAIL
                        ? missed(failed) + " missed."
                        : "Not every metric was measured.";
    String signOff =
        selfCheck
            ? SELF_CHECK + " Verdict of the self-check: " + targets.name() + "."
            : signOff(targets, full, failed);
    List<String> summary = summary(areas, targets, full, selfCheck, failed, unmeasured);

    boolean benchFailed = benchmark.ran() && benchmark.status() != Status.PASS;
    boolean failsBuild = overall == Verdict.FAIL || !unmeasured.isEmpty() || benchFailed;
    String failCause = "";
    Evidence evidence = Evidence.REPORT;
    if (regression.isPresent()) {
      failCause =
          (targets == Verdict.FAIL ? "Performance targets missed. " : "") + regression.get();
    } else if (targets == Verdict.FAIL) {
      failCause = "Performance targets missed";
    } else if (!unmeasured.isEmpty()) {
      failCause =
          "Measurements failed ("
              + String.join(", ", unmeasured.stream().map(Check::metric).toList())
              + ")";
    } else if (benchFailed) {
      failCause =
          "Operation benchmark "
              + (benchmark.status() == Status.FAIL ? "targets missed" : "not fully measured")
              + " ("
              + String.join(
                  ", ",
                  benchmark.checks().stream()
                      .filter(c -> c.status() != Status.PASS)
                      .map(Check::metric)
                      .toList())
              + ")";
      evidence = Evidence.BENCHMARK;
    }
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
        readyReason,
        signOff,
        summary,
        failsBuild,
        failCause,
        evidence);
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
