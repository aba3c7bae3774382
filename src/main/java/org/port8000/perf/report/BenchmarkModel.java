package org.port8000.perf.report;

import java.util.List;
import java.util.function.Function;
import org.port8000.perf.analysis.BenchmarkResult;
import org.port8000.perf.analysis.BenchmarkResult.LatencyRow;
import org.port8000.perf.analysis.BenchmarkResult.Ramp;
import org.port8000.perf.analysis.BenchmarkResult.Row;
import org.port8000.perf.analysis.Link;

/**
 * What {@code performance-benchmark.md.ftl} shows, already formatted; the run's header (time,
 * profile notice, target) is the same as the other reports'.
 */
public record BenchmarkModel(
    String generatedAt,
    String profile,
    String profileNotice,
    String target,
    boolean ran,
    String status,
    String headline,
    String latencyRate,
    List<String> notes,
    List<LatencyRow> latency,
    List<Row> throughput,
    List<Row> resources,
    List<String> comparison,
    List<Ramp> ramps,
    List<String> headroom,
    List<Row> readiness,
    List<String> recommendations,
    List<String> conclusion,
    List<ReportModel.Href> links) {

  static BenchmarkModel of(BenchmarkResult r, ReportModel header, Function<Link, String> href) {
    return new BenchmarkModel(
        header.generatedAt(),
        header.profile(),
        header.profileNotice(),
        header.target(),
        r.ran(),
        r.ran() ? r.status().label() : "⏭️ NOT RUN",
        r.headline(),
        r.latencyPhase(),
        r.notes(),
        r.latency(),
        r.throughput(),
        r.resources(),
        r.comparison(),
        r.ramps(),
        r.headroom(),
        r.readiness(),
        r.recommendations(),
        r.conclusion(),
        r.links().stream().map(l -> new ReportModel.Href(l.label(), href.apply(l))).toList());
  }
}
