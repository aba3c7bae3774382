package org.port8000.perf.report;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.GatlingRunner;
import org.port8000.perf.config.Settings;
import org.port8000.perf.results.LastRun;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.ResultsException;
import org.port8000.perf.simulations.MessageThroughputSimulation;

/** The report step end to end: from a real run's results folder to every output and the gate. */
class ReportMainTest {

  @TempDir Path root;

  private Settings settings(Path results) {
    Properties p = new Properties();
    p.setProperty("perf.profile", "smoke");
    p.setProperty("gatling.resultsFolder", results.toString());
    p.setProperty("report.root", root.toString());
    p.setProperty("perf.outputFolder", root.resolve("perf").toString());
    return Settings.load(p);
  }

  @Test
  void missingResultsAreAClearErrorAndLeaveEarlierReportsUntouched() throws Exception {
    ReportFiles files = new ReportFiles(root, root.resolve("perf"));
    Files.createDirectories(files.reportsFolder());
    Files.writeString(files.report(), "earlier report");

    ResultsException e = assertThrows(ResultsException.class,
        () -> ReportMain.run(settings(root.resolve("no-results"))));

    assertTrue(e.getMessage().contains(LastRun.FILE), e.getMessage());
    assertTrue(e.getMessage().contains("mvn verify"), e.getMessage());
    assertEquals("earlier report", Files.readString(files.report()));
  }

  @Test
  void aMissedTargetFailsTheBuildAfterWritingReportsWhoseFiguresMatchSummaryJson()
      throws Exception {
    Path results = root.resolve("gatling");
    GatlingRunner.Run run = GatlingRunner.run(MessageThroughputSimulation.class, results, Map.of(
        "perf.profile", "smoke", "burst.messages", "10", "burst.intervalMs", "100",
        "throughput.steps", "20", "throughput.stepSeconds", "1",
        "reference.fault.replyLatencyMs", "300"));
    // As the Maven plugin writes it when a simulation's assertions failed.
    Files.writeString(results.resolve(LastRun.FILE), run.folder().getFileName()
        + "\nExecutionError: Gatling simulation assertions failed!\n");

    ReportMain.Outcome o = ReportMain.run(settings(results));

    assertEquals(Verdict.FAIL, o.verdict());
    assertTrue(o.failBuild());
    String report = Files.readString(o.files().report());
    JsonNode checks = ProbeFiles.JSON.readTree(o.files().summaryJson().toFile()).get("checks");
    JsonNode p95 = null;
    for (JsonNode c : checks) {
      if (c.get("metric").asText().equals("message.burst.latency.p95")) {
        p95 = c;
      }
    }
    assertNotNull(p95, checks.toString());
    assertEquals("FAIL", p95.get("status").asText(), report);
    int value = p95.get("value").asInt();
    assertTrue(value >= 300, "p95 " + value);
    assertTrue(report.contains("p95 " + value + " ms"), "report cites the figure " + value);
    assertTrue(report.contains("High Latency Issues"), report);
    assertTrue(Files.isRegularFile(o.files().status()));
    assertTrue(Files.isRegularFile(o.files().junitXml()));
    // The benchmark did not run: its report says so, and says how to run it.
    String benchmark = Files.readString(o.files().benchmark());
    assertTrue(benchmark.contains("⏭️ NOT RUN"), benchmark);
    assertTrue(benchmark.contains("OperationBenchmarkSimulation"), benchmark);
    assertTrue(report.contains("(PORT-8000-PERFORMANCE-BENCHMARK.md)"), report);
    assertTrue(Files.readString(o.files().junitXml()).contains("Operation Benchmark"));
  }
}
