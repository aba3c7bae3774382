package org.port8000.perf.app;

import java.time.Instant;
import java.util.List;
import org.port8000.perf.analysis.RunVerdict;
import org.port8000.perf.baseline.BaselineOutcome;
import org.port8000.perf.config.Settings;
import org.port8000.perf.report.ReportFiles;
import org.port8000.perf.report.ReportInput;
import org.port8000.perf.report.ReportWriter;
import org.port8000.perf.report.SvgChart;
import org.port8000.perf.report.TemplateRenderer;
import org.port8000.perf.results.MergedRunFolder;

/**
 * The one way both entry points write reports: every output, into the settings' folders, with the
 * comparison with the baseline when there is one, and the operation benchmark's report.
 */
final class Reports {
  private Reports() {}

  /**
   * Writes every output of a run judged as {@code verdict}: {@code baseline} is the comparison with
   * the baseline, or null when none was made; {@code injectors}: a run merged from several
   * injectors adds its "Injectors" section (empty: one injector).
   */
  static ReportFiles write(
      Settings settings,
      ReportMain.Judged judged,
      RunVerdict verdict,
      BaselineOutcome baseline,
      List<MergedRunFolder.Injectors> injectors) {
    return write(
        settings,
        new ReportInput(
            judged.areas(),
            judged.benchmark(),
            judged.metas(),
            judged.capabilities(),
            verdict,
            baseline,
            injectors));
  }

  static ReportFiles write(Settings settings, ReportInput run) {
    ReportFiles files =
        new ReportFiles(settings.reportRoot().normalize(), settings.perfOutputFolder());
    new ReportWriter(files, new TemplateRenderer(), SvgChart::render).write(run, Instant.now());
    return files;
  }
}
