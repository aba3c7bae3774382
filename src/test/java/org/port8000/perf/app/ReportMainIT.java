package org.port8000.perf.app;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.GatlingRunner;
import org.port8000.perf.analysis.Verdict;
import org.port8000.perf.results.LastRun;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.simulations.MessageThroughputSimulation;

/** The report step end to end: from a real run's results folder to every output and the gate. */
class ReportMainIT {

  @TempDir Path root;

  @Test
  void aMissedTargetFailsTheBuildAfterWritingReportsWhoseFiguresMatchSummaryJson()
      throws Exception {
    Path results = root.resolve("gatling");
    GatlingRunner.Run run =
        GatlingRunner.run(
            MessageThroughputSimulation.class,
            results,
            Map.of(
                "perf.profile",
                "smoke",
                "burst.messages",
                "10",
                "burst.intervalMs",
                "100",
                "throughput.steps",
                "20",
                "throughput.stepSeconds",
                "1",
                "reference.fault.replyLatencyMs",
                "300"));
    // As the Maven plugin writes it when a simulation's assertions failed.
    Files.writeString(
        results.resolve(LastRun.FILE),
        run.folder().getFileName() + "\nExecutionError: Gatling simulation assertions failed!\n");

    ReportMain.Outcome o = ReportMain.run(ReportMainTest.settings(root, results));

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
