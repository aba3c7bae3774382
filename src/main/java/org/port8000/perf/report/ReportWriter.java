package org.port8000.perf.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.port8000.perf.analysis.Chart;
import org.port8000.perf.analysis.Check;
import org.port8000.perf.analysis.Format;
import org.port8000.perf.analysis.Link;
import org.port8000.perf.results.AtomicFiles;
import org.port8000.perf.results.RunFacts;

/**
 * Produces every output of a run. Everything is rendered in memory first; only when all of it
 * rendered are the files written, each atomically, so a failure leaves earlier reports intact.
 */
public final class ReportWriter {
  public static final String REPORT_TEMPLATE = "optimization-report.md.ftl";
  public static final String STATUS_TEMPLATE = "status-report.md.ftl";
  public static final String BENCHMARK_TEMPLATE = "performance-benchmark.md.ftl";

  private final ReportFiles files;
  private final TemplateRenderer renderer;
  private final Function<Chart, String> chartRenderer;

  public ReportWriter(
      ReportFiles files, TemplateRenderer renderer, Function<Chart, String> chartRenderer) {
    this.files = files;
    this.renderer = renderer;
    this.chartRenderer = chartRenderer;
  }

  /** Renders and writes all outputs of a run, the operation benchmark's report among them. */
  public void write(ReportInput run, Instant generatedAt) {
    Map<Path, byte[]> outputs = new LinkedHashMap<>();
    ReportModelBuilder builder =
        new ReportModelBuilder(link -> href(link, outputs), chart -> chartHref(chart, outputs));
    ReportModel model = builder.build(run, generatedAt);
    List<Check> baselineChecks = run.baseline() == null ? List.of() : run.baseline().checks();
    put(outputs, files.report(), renderer.render(REPORT_TEMPLATE, model));
    put(outputs, files.status(), renderer.render(STATUS_TEMPLATE, model));
    put(
        outputs,
        files.benchmark(),
        renderer.render(
            BENCHMARK_TEMPLATE,
            BenchmarkModel.of(run.benchmark(), model, link -> href(link, outputs))));
    // When the load began: the earliest simulation's start, not the time of this report.
    String startedAt =
        run.metas().stream()
            .map(RunFacts::startedAt)
            .filter(Objects::nonNull)
            .min(Comparator.naturalOrder())
            .map(Format::time)
            .orElse(null);
    put(
        outputs,
        files.summaryJson(),
        SummaryJson.render(
            model.profile(),
            model.target(),
            startedAt,
            run.verdict().overall(),
            run.areas(),
            run.benchmark().checks(),
            baselineChecks,
            run.injectors()));
    put(outputs, files.junitXml(), JunitXml.render(run.areas(), run.benchmark(), baselineChecks));
    // All rendered: now write. Assets and charts first, so the reports never link a missing file.
    outputs.forEach(AtomicFiles::write);
  }

  private static void put(Map<Path, byte[]> outputs, Path file, String content) {
    outputs.put(file, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private String href(Link link, Map<Path, byte[]> outputs) {
    Path file = link.file().toAbsolutePath();
    if (link.copyBesideReport()) {
      Path copy = files.assetsFolder().resolve(file.getFileName());
      try {
        outputs.put(copy, Files.readAllBytes(file));
      } catch (IOException e) {
        throw new ReportException(
            "Cannot copy " + file + " beside the report: " + e.getMessage(), e);
      }
      file = copy.toAbsolutePath();
    }
    return relative(file);
  }

  private String chartHref(Chart chart, Map<Path, byte[]> outputs) {
    Path svg = files.chartsFolder().resolve(chart.fileName());
    put(outputs, svg, chartRenderer.apply(chart));
    return relative(svg.toAbsolutePath());
  }

  private String relative(Path file) {
    Path from = files.reportsFolder().toAbsolutePath().normalize();
    return from.relativize(file.normalize()).toString().replace('\\', '/');
  }
}
