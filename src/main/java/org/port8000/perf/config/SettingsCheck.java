package org.port8000.perf.config;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.port8000.perf.analysis.Area;
import org.port8000.perf.analysis.AreaResult;
import org.port8000.perf.analysis.BenchmarkResult;
import org.port8000.perf.report.ReportFiles;
import org.port8000.perf.report.ReportWriter;
import org.port8000.perf.report.SvgChart;
import org.port8000.perf.report.TemplateRenderer;
import org.port8000.perf.target.LoopbackGuard;
import org.port8000.perf.target.RunningTarget;
import org.port8000.perf.target.TargetException;
import org.port8000.perf.target.TargetLauncher;

/**
 * Runs before any simulation ({@code mvn verify}'s pre-integration-test): validates every
 * setting and refuses a non-loopback target, so a wrong setting fails before any load. A given
 * target that does not answer gets reports saying so (every metric "not measured") and fails the
 * build, within the bounded start timeout, instead of four simulations each waiting for it.
 */
public final class SettingsCheck {
  private SettingsCheck() {}

  public static void main(String[] args) {
    Settings s = Settings.load();
    s.targetUrl().ifPresent(url -> LoopbackGuard.check(url, s.allowRemote()));
    if (s.targetUrl().isPresent()) {
      try (RunningTarget t = TargetLauncher.start(s)) {
        System.out.println("[perf] target " + t.baseUrl() + " answers /api/health");
      } catch (TargetException e) {
        writeTargetDownReports(s, e.getMessage());
        throw e;
      }
    }
    System.out.println("[perf] settings OK: profile " + s.profile() + ", target "
        + s.targetUrl().map(Object::toString).orElse("embedded reference server"));
  }

  private static void writeTargetDownReports(Settings s, String why) {
    List<AreaResult> areas = Arrays.stream(Area.values())
        .map(a -> AreaResult.targetDown(a, why)).toList();
    ReportFiles files = new ReportFiles(s.reportRoot().normalize(), s.perfOutputFolder());
    new ReportWriter(files, new TemplateRenderer(), SvgChart::render)
        .write(areas, BenchmarkResult.targetDown(why), List.of(), s.profile(),
            s.isFullAssignment(), Instant.now());
    System.err.println("[perf] the target did not answer; reports written: " + files.report());
  }
}
