package org.port8000.perf.baseline;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.app.ReportMain;
import org.port8000.perf.results.ProbeFiles;

/**
 * A slower target is caught against the baseline: a clean smoke run of the message-throughput
 * simulation is promoted; a second run with 100 ms added to every reply (still under the
 * assignment's 200 ms, so no absolute target fails) is a latency regression, and with {@code
 * baseline.failOnRegression=true} it fails the build, in summary.json and junit.xml too. The
 * throughput slice of the smoke suite is the part that measures latency; the other areas add
 * minutes and no latency sample. Same minimum change as the noise test ({@link
 * SmokeRuns#SHARED_MACHINE_MIN_CHANGE}), so one setting both catches and ignores.
 */
class BaselineRegressionIT {
  @TempDir Path root;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aHundredMillisecondsSlowerRunIsALatencyRegressionAndFailsTheGate() throws Exception {
    SmokeRuns runs = new SmokeRuns(root);
    ReportMain.Outcome first = runs.cleanBaseline();
    assertEquals(BaselineOutcome.State.NO_BASELINE, first.baseline().state());

    ReportMain.Outcome slow =
        runs.runAndReport(
            Map.of("reference.fault.replyLatencyMs", "100"),
            Map.of("baseline.failOnRegression", "true"));

    Comparison latency =
        slow.baseline().rows().stream()
            .filter(r -> r.metric().equals("message.burst.latency.median"))
            .findFirst()
            .orElseThrow();
    assertEquals(Change.REGRESSION, latency.change(), latency.toString());
    assertTrue(latency.now() - latency.baseline() >= 90, latency.toString());
    assertTrue(slow.failBuild(), "failOnRegression must fail the build");
    assertTrue(slow.failReason().contains("Regression against the baseline"), slow.failReason());
    // The absolute targets may fail too: +100 ms per reply makes the one-client burst (one
    // message per 100 ms) queue. The gate's own part is the baseline check's FAIL below.

    JsonNode summary = ProbeFiles.JSON.readTree(root.resolve("perf/summary.json").toFile());
    assertEquals("FAIL", summary.get("verdict").asText());
    JsonNode check = null;
    for (JsonNode c : summary.get("checks")) {
      if (c.get("metric").asText().equals("baseline.message.burst.latency.median")) {
        check = c;
      }
    }
    assertNotNull(check, summary.toString());
    assertEquals("FAIL", check.get("status").asText());
    String junit = Files.readString(root.resolve("perf/junit.xml"));
    assertTrue(junit.contains("Compared with baseline") && junit.contains("<failure"), junit);
    String report =
        Files.readString(root.resolve(".deia/reports/PORT-8000-PERFORMANCE-OPTIMIZATION.md"));
    assertTrue(report.contains("## Compared with baseline"), report);
    assertTrue(report.contains("❌ regression"), report);

    // The same comparison without the gate: reported, the build not failed.
    ReportMain.Outcome ungated = runs.report(Map.of());
    assertEquals(Change.REGRESSION, ungated.baseline().regressions().get(0).change());
    assertFalse(ungated.baseline().failsBuild(), ungated.failReason());
    assertFalse(
        ungated.failReason().contains("Regression against the baseline"), ungated.failReason());
  }
}
