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
import org.port8000.perf.results.PhaseTimings;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.RequestNames;

/**
 * Proves the throughput verdicts end to end: the simulation against the auto-started reference
 * server, read back and judged — a good target passes, slow, lossy and erroring ones fail, and a
 * single client faster than the target's replies sees them queue. Runs are scaled below the
 * smoke profile to keep the test short.
 */
class MessageThroughputVerdictIT {

  @TempDir Path results;

  private Path lastFolder;

  private AreaResult run(Map<String, String> settings) throws Exception {
    Map<String, String> p = new HashMap<>(Map.of(
        "perf.profile", "smoke",
        "burst.messages", "20",
        "burst.intervalMs", "100",
        "reply.timeoutMs", "1500",
        "throughput.steps", "20,60",
        "throughput.stepSeconds", "2",
        "throughput.warmupSeconds", "1"));
    p.putAll(settings);
    GatlingRunner.Run run = GatlingRunner.run(MessageThroughputSimulation.class, results, p);
    lastFolder = run.folder();
    return new ThroughputAnalyzer().analyze(Optional.of(GatlingLogReader.read(run.folder())));
  }

  private PhaseTimings.Phase phase(String name) {
    return ProbeFiles.read(lastFolder, PhaseTimings.PROBE, PhaseTimings.class).orElseThrow()
        .phases().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aGoodTargetPassesWithMeasuredFigures() throws Exception {
    AreaResult r = run(Map.of());

    assertEquals(Status.PASS, r.status(), r.toString());
    assertEquals(0.0, check(r, "message.burst.dropped").value());
    Check sustained = check(r, "message.throughput.sustained");
    assertTrue(sustained.value() > 50, sustained.toString());
    assertTrue(r.recommendations().isEmpty(), r.recommendations().toString());
    assertEquals(1, phase(RequestNames.ONE_CLIENT_BURST).connections());
    assertEquals(20, phase(RequestNames.BURST).replied());
  }

  @Test
  void aTargetWithoutStreamFramesIsAnsweredByItsResponse() throws Exception {
    AreaResult r = run(Map.of("reference.llm.tokens", "0"));

    assertEquals(Status.PASS, r.status(), r.toString());
    assertEquals(20, phase(RequestNames.ONE_CLIENT_BURST).replied());
    assertTrue(r.details().stream().anyMatch(d -> d.value().contains("no stream frames")));
  }

  @Test
  void slowRepliesFailWithTheHighLatencyRecommendationCitingTheFigure() throws Exception {
    AreaResult r = run(Map.of("reference.fault.replyLatencyMs", "300",
        "burst.messages", "10", "burst.intervalMs", "400"));

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
    AreaResult r = run(Map.of("reference.fault.dropRate", "0.1",
        "burst.messages", "40", "burst.intervalMs", "50"));

    Check dropped = check(r, "message.burst.dropped");
    assertEquals(Status.FAIL, dropped.status());
    double share = dropped.value() / 40.0;
    assertTrue(share > 0.0 && share <= 0.3, "dropped " + dropped.value() + " of 40");
    assertEquals(Status.FAIL, r.status());
  }

  @Test
  void errorFramesAndErrorRepliesAreCountedAsFailedMessages() throws Exception {
    AreaResult r = run(Map.of("reference.fault.errorFrameRate", "0.1",
        "reference.fault.errorReplyRate", "0.1"));

    PhaseTimings.Phase step = phase(RequestNames.step(60));
    assertTrue(step.errorFrames() > 0, step.toString());
    assertTrue(step.errorReplies() > 0, step.toString());
    assertEquals(step.planned() - step.errorFrames() - step.errorReplies(), step.replied(),
        step.toString());
    String shown = r.details().stream().filter(d -> d.label().equals("Step 60/s"))
        .findFirst().orElseThrow().value();
    assertTrue(shown.contains(step.errorFrames() + " error frames"), shown);
    assertTrue(shown.contains(step.errorReplies() + " error replies"), shown);
    assertEquals(Status.FAIL, check(r, "message.burst.dropped").status());
    assertEquals(Status.FAIL, r.status());
  }

  @Test
  void oneClientFasterThanTheTargetsRepliesSeesThemQueue() throws Exception {
    // The reply needs 105 ms + one token; the client sends every 100 ms on one connection.
    AreaResult r = run(Map.of("reference.fault.replyLatencyMs", "105",
        "reference.llm.tokens", "0", "burst.messages", "40", "burst.intervalMs", "100"));

    var each = phase(RequestNames.ONE_CLIENT_BURST).perMessageMs();
    assertEquals(40, each.size());
    assertTrue(each.get(39) > each.get(0) + 100, "latency grows: " + each);
    String queued = r.details().stream().filter(d -> d.label().equals("Replies queued"))
        .findFirst().orElseThrow().value();
    assertTrue(queued.contains("queued up"), queued);
    // The many-client burst, one connection per message, does not queue.
    assertTrue(phase(RequestNames.BURST).latency().p95() < each.get(39), each.toString());
  }
}
