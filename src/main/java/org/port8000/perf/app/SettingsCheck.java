package org.port8000.perf.app;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.port8000.perf.analysis.Area;
import org.port8000.perf.analysis.AreaResult;
import org.port8000.perf.analysis.BenchmarkResult;
import org.port8000.perf.analysis.RunVerdict;
import org.port8000.perf.config.Settings;
import org.port8000.perf.report.ReportFiles;
import org.port8000.perf.report.ReportInput;
import org.port8000.perf.target.RunningTarget;
import org.port8000.perf.target.TargetException;
import org.port8000.perf.target.TargetLauncher;

/**
 * Runs before any simulation ({@code mvn verify}'s pre-integration-test): validates every setting,
 * refuses a non-loopback target, an unwritable report root and a dead {@code -Dtarget.pid}, so a
 * wrong setting fails before any load. A given target that does not answer gets reports saying so
 * (every metric "not measured") and fails the build, within the bounded start timeout, instead of
 * four simulations each waiting for it.
 */
public final class SettingsCheck {
  private SettingsCheck() {}

  public static void main(String[] args) {
    Settings s = Settings.load();
    // A refused target is a wrong setting, not a target that did not answer: no reports.
    TargetLauncher.checkAllowed(s);
    // JOB_COMPLETION_INDEX against injector.count, before any load.
    System.out.println("[perf] " + s.injector());
    PreFlight.check(s);
    if (s.targetUrl().isPresent()) {
      try (RunningTarget t = TargetLauncher.start(s)) {
        System.out.println("[perf] target " + t.baseUrl() + " answers /api/health");
      } catch (TargetException e) {
        writeTargetDownReports(s, e.getMessage());
        throw e;
      }
    }
    System.out.println(
        "[perf] settings OK: profile "
            + s.profile()
            + ", target "
            + s.targetUrl().map(Object::toString).orElse("embedded reference server"));
  }

  private static void writeTargetDownReports(Settings s, String why) {
    List<AreaResult> areas =
        Arrays.stream(Area.values()).map(a -> AreaResult.targetDown(a, why)).toList();
    // Nothing was measured, so there is nothing to compare with a baseline.
    BenchmarkResult benchmark = BenchmarkResult.targetDown(why);
    RunVerdict verdict =
        RunVerdict.judge(
            areas, benchmark, List.of(), s.profile(), s.isFullAssignment(), Optional.empty());
    ReportFiles files =
        Reports.write(
            s,
            new ReportInput(
                areas, benchmark, List.of(), Optional.empty(), verdict, null, List.of()));
    System.err.println("[perf] the target did not answer; reports written: " + files.report());
  }
}
