package org.port8000.perf.app;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.port8000.perf.analysis.AreaResult;
import org.port8000.perf.analysis.BenchmarkResult;
import org.port8000.perf.baseline.BaselineOutcome;
import org.port8000.perf.config.Settings;
import org.port8000.perf.report.ReportFiles;
import org.port8000.perf.report.ReportWriter;
import org.port8000.perf.report.SvgChart;
import org.port8000.perf.report.TemplateRenderer;
import org.port8000.perf.report.Verdict;
import org.port8000.perf.results.MergedRunFolder;
import org.port8000.perf.results.RunMeta;
import org.port8000.perf.results.TargetCapabilities;

/**
 * The one way both entry points write reports: every output, into the settings' folders, with
 * the comparison with the baseline when there is one, and the operation benchmark's report.
 */
final class Reports {
  private Reports() {}

  record Written(Verdict verdict, ReportFiles files) {}

  /**
   * {@code capabilities}: the target as the runs found it; {@code baseline}: the comparison with
   * the baseline, or null when none was made; {@code benchmark}: the operation benchmark's
   * result, written to its own report in the same atomic step.
   */
  static Written write(Settings settings, List<AreaResult> areas, BenchmarkResult benchmark,
      List<RunMeta> metas, Optional<TargetCapabilities> capabilities, BaselineOutcome baseline) {
    return write(settings, areas, benchmark, metas, capabilities, baseline, List.of());
  }

  /** The same for a run merged from several injectors, with its "Injectors" section. */
  static Written write(Settings settings, List<AreaResult> areas, BenchmarkResult benchmark,
      List<RunMeta> metas, Optional<TargetCapabilities> capabilities, BaselineOutcome baseline,
      List<MergedRunFolder.Injectors> injectors) {
    ReportFiles files = new ReportFiles(settings.reportRoot().normalize(),
        settings.perfOutputFolder());
    Verdict verdict = new ReportWriter(files, new TemplateRenderer(), SvgChart::render)
        .write(areas, benchmark, metas, capabilities, settings.profile(),
            settings.isFullAssignment(), Instant.now(), baseline, injectors);
    return new Written(verdict, files);
  }
}
