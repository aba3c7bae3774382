package org.port8000.perf.report;

import java.util.List;
import java.util.function.Function;
import org.port8000.perf.analysis.BenchmarkResult;
import org.port8000.perf.analysis.Link;

/**
 * What {@code performance-benchmark.md.ftl} shows: the analysis' result as it is (already
 * formatted, the template only lists and tests), under the run's header (time, profile notice,
 * target) as the other reports have it.
 *
 * @param status the result's status, or "not run"
 */
public record BenchmarkModel(
    String generatedAt,
    String profile,
    String profileNotice,
    String target,
    String status,
    BenchmarkResult result,
    List<ReportModel.Href> links) {

  static BenchmarkModel of(BenchmarkResult r, ReportModel header, Function<Link, String> href) {
    return new BenchmarkModel(
        header.generatedAt(),
        header.profile(),
        header.profileNotice(),
        header.target(),
        r.ran() ? r.status().label() : "⏭️ NOT RUN",
        r,
        r.links().stream().map(l -> new ReportModel.Href(l.label(), href.apply(l))).toList());
  }
}
