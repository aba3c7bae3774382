package org.port8000.perf.simulations;

import static org.junit.jupiter.api.Assertions.*;
import static org.port8000.perf.AreaChecks.check;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.GatlingRunner;
import org.port8000.perf.analysis.AreaResult;
import org.port8000.perf.analysis.Check;
import org.port8000.perf.analysis.Status;
import org.port8000.perf.analysis.ThroughputAnalyzer;
import org.port8000.perf.results.GatlingLogReader;

/**
 * Proves the throughput verdicts end to end: the simulation against the auto-started reference
 * server, read back with Gatling's reader and judged — a good target passes, a slow one and a
 * lossy one fail. Runs are scaled below the smoke profile to keep the test short.
 */
class MessageThroughputVerdictIT {

  @TempDir Path results;

  private AreaResult run(Map<String, String> faults) throws Exception {
    Map<String, String> p = new HashMap<>(Map.of(
        "perf.profile", "smoke",
        "burst.messages", "40",
        "burst.intervalMs", "25",
        "reply.timeoutMs", "1500",
        "throughput.steps", "20,60",
        "throughput.stepSeconds", "2"));
    p.putAll(faults);
    GatlingRunner.Run run = GatlingRunner.run(MessageThroughputSimulation.class, results, p);
    return new ThroughputAnalyzer().analyze(Optional.of(GatlingLogReader.read(run.folder())));
  }

  @Test
  void aGoodTargetPassesWithMeasuredFigures() throws Exception {
    AreaResult r = run(Map.of());

    assertEquals(Status.PASS, r.status(), r.toString());
    assertEquals(0.0, check(r, "message.burst.dropped").value());
    Check sustained = check(r, "message.throughput.sustained");
    assertTrue(sustained.value() > 50, sustained.toString());
    assertTrue(r.recommendations().isEmpty(), r.recommendations().toString());
  }

  @Test
  void slowRepliesFailWithTheHighLatencyRecommendationCitingTheFigure() throws Exception {
    AreaResult r = run(Map.of("reference.fault.replyLatencyMs", "300"));

    Check p95 = check(r, "message.burst.latency.p95");
    assertTrue(p95.value() >= 300, p95.toString());
    assertEquals(Status.FAIL, p95.status());
    assertEquals(Status.FAIL, r.status());
    var rec = r.recommendations().stream().filter(x -> x.rule().contains("> 200 ms"))
        .findFirst().orElseThrow();
    assertTrue(rec.evidence().contains(String.valueOf(p95.value().intValue())), rec.evidence());
  }

  @Test
  void droppedRepliesAreCountedAndFail() throws Exception {
    AreaResult r = run(Map.of("reference.fault.dropRate", "0.1"));

    Check dropped = check(r, "message.burst.dropped");
    assertEquals(Status.FAIL, dropped.status());
    double share = dropped.value() / 40.0;
    assertTrue(share > 0.0 && share <= 0.3, "dropped " + dropped.value() + " of 40");
    assertEquals(Status.FAIL, r.status());
  }
}
