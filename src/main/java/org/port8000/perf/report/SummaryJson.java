package org.port8000.perf.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import org.port8000.perf.analysis.AreaResult;
import org.port8000.perf.analysis.Check;
import org.port8000.perf.analysis.Verdict;
import org.port8000.perf.results.MergedRunFolder;
import org.port8000.perf.results.ProbeFiles;

/** {@code target/perf/summary.json}: every check with its value, target and status. */
final class SummaryJson {
  private SummaryJson() {}

  /** {@code injectors}: a merged run's injectors (left out for a run of one injector). */
  record Summary(
      String profile,
      String target,
      String startedAt,
      String verdict,
      List<Entry> checks,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<MergedRunFolder.Injectors> injectors) {}

  record Entry(
      String area,
      String metric,
      Double value,
      String unit,
      String target,
      String status,
      String note) {}

  /** The areas' checks, the operation benchmark's (area "benchmark"), then the baseline's. */
  static String render(
      String profile,
      String target,
      String startedAt,
      Verdict verdict,
      List<AreaResult> areas,
      List<Check> benchmark,
      List<Check> baselineChecks,
      List<MergedRunFolder.Injectors> injectors) {
    List<Entry> entries =
        new java.util.ArrayList<>(
            areas.stream()
                .flatMap(
                    a ->
                        a.checks().stream()
                            .map(c -> entry(a.area().name().toLowerCase(java.util.Locale.ROOT), c)))
                .toList());
    benchmark.forEach(c -> entries.add(entry("benchmark", c)));
    baselineChecks.forEach(c -> entries.add(entry("baseline", c)));
    try {
      return ProbeFiles.JSON.writeValueAsString(
              new Summary(profile, target, startedAt, verdict.name(), entries, injectors))
          + "\n";
    } catch (JsonProcessingException e) {
      throw new ReportException("Cannot render summary.json: " + e.getMessage(), e);
    }
  }

  private static Entry entry(String area, Check c) {
    return new Entry(
        area, c.metric(), c.value(), c.unit(), c.target(), c.status().name(), c.note());
  }
}
