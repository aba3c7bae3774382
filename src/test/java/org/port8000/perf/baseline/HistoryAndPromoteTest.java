package org.port8000.perf.baseline;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.analysis.Chart;
import org.port8000.perf.results.ProbeFiles;

class HistoryAndPromoteTest {
  @TempDir Path dir;

  private static History.Line line(String time, String profile, double p95) {
    return new History.Line(
        Instant.parse(time),
        null,
        "reference-server",
        profile,
        "PASS",
        Map.of("message.burst.latency.p95", p95));
  }

  @Test
  void theHistoryKeepsOneLinePerRunAndTheTrendDrawsTheLastRunsOfThisProfile() throws Exception {
    History history = new History(dir);
    history.append(line("2026-12-01T00:00:00Z", "smoke", 50));
    history.append(line("2026-12-01T00:00:00Z", "smoke", 50)); // the same run re-reported
    history.append(line("2026-12-02T00:00:00Z", "assignment", 70));
    history.append(line("2026-12-03T00:00:00Z", "smoke", 52));

    assertEquals(3, Files.readAllLines(history.file()).size());
    List<History.Line> recent = history.recent(line("2026-12-04T00:00:00Z", "smoke", 55), 30);
    assertEquals(
        List.of(50.0, 52.0, 55.0),
        recent.stream().map(l -> l.figures().get("message.burst.latency.p95")).toList());
    List<Chart> charts = Trends.of(recent);
    assertEquals(1, charts.size());
    assertEquals(3, charts.get(0).points().size());
    assertEquals(2, history.recent(line("2026-12-04T00:00:00Z", "smoke", 55), 2).size());
  }

  private BaselineSettings settings(boolean force) {
    return new BaselineSettings(
        dir.resolve("baselines"),
        10,
        false,
        force,
        30,
        "smoke",
        Optional.empty(),
        Snapshots.PARAMETERS,
        dir.resolve("perf"));
  }

  private void latestRun(String verdict) throws Exception {
    Files.createDirectories(dir.resolve("perf"));
    ProbeFiles.JSON.writeValue(
        dir.resolve("perf").resolve(RunSnapshot.FILE).toFile(),
        Snapshots.run("smoke", verdict, List.of(50, 51), List.of(), null));
    Files.writeString(
        dir.resolve("perf").resolve("summary.json"), "{\"verdict\":\"" + verdict + "\"}");
  }

  @Test
  void promotionKeepsAPassingRunWithItsSummary() throws Exception {
    latestRun("PASS");

    Path folder = Promote.promote(settings(false));

    assertEquals(dir.resolve("baselines/reference-server/smoke"), folder);
    assertTrue(Files.readString(folder.resolve("summary.json")).contains("PASS"));
    assertEquals(
        "PASS",
        new BaselineStore(dir.resolve("baselines"))
            .load("reference-server", "smoke")
            .orElseThrow()
            .verdict());
  }

  @Test
  void promotionRefusesARunThatDidNotPassUnlessForced() throws Exception {
    latestRun("FAIL");

    BaselineException e =
        assertThrows(BaselineException.class, () -> Promote.promote(settings(false)));
    assertTrue(
        e.getMessage().contains("FAIL") && e.getMessage().contains("baseline.force=true"),
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("baselines")));

    Promote.promote(settings(true));
    assertTrue(Files.exists(dir.resolve("baselines/reference-server/smoke/baseline.json")));
  }

  @Test
  void promotionWithoutARunSaysWhatToRunFirst() {
    BaselineException e =
        assertThrows(BaselineException.class, () -> Promote.promote(settings(false)));
    assertTrue(e.getMessage().contains("mvn verify"), e.getMessage());
  }
}
