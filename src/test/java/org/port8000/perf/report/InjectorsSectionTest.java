package org.port8000.perf.report;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.analysis.Area;
import org.port8000.perf.analysis.AreaResult;
import org.port8000.perf.analysis.BenchmarkResult;
import org.port8000.perf.analysis.RunVerdict;
import org.port8000.perf.results.InjectorFacts;
import org.port8000.perf.results.MergedRunFolder;

class InjectorsSectionTest {
  private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir Path root;

  private static InjectorFacts facts(int index, Double process, Double machine) {
    return new InjectorFacts(
        "night-1",
        index,
        2,
        "injectors-" + index + "-abcde",
        "MessageThroughputSimulation",
        "3.15.1",
        null,
        AT,
        AT.plusSeconds(60),
        4,
        process == null ? null : 2.4,
        process,
        machine);
  }

  private static RunVerdict verdict(List<AreaResult> areas) {
    return RunVerdict.judge(
        areas, BenchmarkResult.notRun(), List.of(), "smoke", false, Optional.empty());
  }

  @Test
  void aMergedRunsReportListsEveryInjector() throws Exception {
    ReportFiles files = new ReportFiles(root, root.resolve("target/perf"));
    MergedRunFolder.Injectors injectors =
        new MergedRunFolder.Injectors(
            "night-1",
            "MessageThroughputSimulation",
            41.5,
            60_000,
            List.of(
                new MergedRunFolder.Row(
                    facts(0, 30.0, 95.0), "http://127.0.0.1:8000", "a", 0, 5, 1_200, 3, 20.1),
                new MergedRunFolder.Row(facts(1, null, null), null, "b", 350, 5, 1_290, 0, 21.4)));
    List<AreaResult> areas = List.of(AreaResult.notRun(Area.THROUGHPUT));
    new ReportWriter(files, new TemplateRenderer(), c -> "<svg/>")
        .write(
            new ReportInput(
                areas,
                BenchmarkResult.notRun(),
                List.of(),
                Optional.empty(),
                verdict(areas),
                null,
                List.of(injectors)),
            AT);

    String report = Files.readString(files.report());
    assertTrue(
        report.contains(
            "## Injectors: MessageThroughputSimulation\n2 injectors, run"
                + " `night-1`: 2493 requests (2490 OK, 3 KO) at 41.5 requests/s over 60 s"),
        report);
    assertTrue(
        report.contains(
            "| 0 | injectors-0-abcde | http://127.0.0.1:8000 | 5 | 1200 OK / 3 KO | 20.1 | +0 s |"
                + " 30 % of 4 cores (2.4 CPU-s) | 95 % | **yes** (≥ 90 %) |"),
        report);
    assertTrue(
        report.contains(
            "| 1 | injectors-1-abcde | not recorded | 5 | 1290 OK / 0 KO | 21.4 | +0.35 s |"
                + " not measured (the JVM does not tell) | not measured | not measured |"),
        report);
    assertTrue(report.contains("1 injector was CPU-saturated"), report);
    // summary.json carries the injectors for CI dashboards.
    var summary = org.port8000.perf.results.ProbeFiles.JSON.readTree(files.summaryJson().toFile());
    assertEquals(
        List.of("injectors-0-abcde", "injectors-1-abcde"),
        List.of(
            summary.at("/injectors/0/rows/0/facts/host").asText(),
            summary.at("/injectors/0/rows/1/facts/host").asText()));
    assertEquals(1290, summary.at("/injectors/0/rows/1/ok").asLong());
  }

  @Test
  void aRunOfOneInjectorHasNoInjectorsSection() throws Exception {
    ReportFiles files = new ReportFiles(root, root.resolve("target/perf"));
    List<AreaResult> areas = List.of(AreaResult.notRun(Area.THROUGHPUT));
    new ReportWriter(files, new TemplateRenderer(), c -> "<svg/>")
        .write(
            new ReportInput(
                areas,
                BenchmarkResult.notRun(),
                List.of(),
                Optional.empty(),
                verdict(areas),
                null,
                List.of()),
            AT);
    assertFalse(Files.readString(files.report()).contains("## Injectors"));
    assertFalse(Files.readString(files.summaryJson()).contains("injectors"));
  }
}
