package org.port8000.perf.analysis;

import static org.junit.jupiter.api.Assertions.*;
import static org.port8000.perf.AreaChecks.check;
import static org.port8000.perf.analysis.AnalyzerFixtures.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.HeartbeatFacts;
import org.port8000.perf.results.PingPongResult;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.RequestNames;
import org.port8000.perf.results.ResourceSamples;

class HeartbeatAnalyzerTest {
  @TempDir Path folder;
  private final HeartbeatAnalyzer analyzer = new HeartbeatAnalyzer();

  private static String detail(AreaResult r, String prefix) {
    return r.details().stream().filter(d -> d.label().startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no detail " + prefix + " in " + r.details()))
        .value();
  }

  private void cleanSoak(int acked, long footprintOpenRss) {
    meta(folder, true);
    ProbeFiles.write(folder, HeartbeatFacts.PROBE,
        new HeartbeatFacts(10, 500, 20, 40, 400, 500, 10, 10, 0, 200, 200, true, true, 400, 0));
    ProbeFiles.write(folder, ResourceSamples.PROBE, samples(series(30_000, t -> 90 * MB),
        List.of(cp(HeartbeatFacts.INITIAL, 0, 90 * MB),
            cp(HeartbeatFacts.clientsConnectedLabel(10), 1000, 91 * MB),
            cp(HeartbeatFacts.SOAK_END, 21_000, 92 * MB),
            cp(HeartbeatFacts.FOOTPRINT_BEFORE, 22_000, 92 * MB),
            cp(HeartbeatFacts.footprintOpenLabel(200), 26_000, footprintOpenRss)), null));
  }

  @Test
  void allHeartbeatsAckedPassesWithFootprintMemoryPerConnection() {
    cleanSoak(400, 96 * MB);
    GatlingRun run = run(folder, "HeartbeatSimulation", ok(RequestNames.HEARTBEAT_ACK, 400, 0),
        ok(RequestNames.HEARTBEAT_SEND, 400, 0));

    AreaResult r = analyzer.analyze(Optional.of(run));

    assertEquals("Connection stability", r.metric());
    assertEquals("100%", r.result());
    assertEquals(Status.PASS, r.status());
    assertEquals("10/10", detail(r, "Clients connected"));
    assertTrue(detail(r, "Heartbeats sent").startsWith("400 (expected 400"));
    Check perConn = check(r, "websocket.memory.perConnection");
    assertEquals(Status.PASS, perConn.status());
    assertEquals(4.0 / 200, perConn.value(), 1e-9); // 4 MB over 200 connections
    assertTrue(perConn.note().contains("200 idle connections"));
    String footprint = detail(r, "Memory per connection (footprint, 200 connections)");
    assertTrue(footprint.startsWith("20.5 KB"), footprint);
    String soak = detail(r, "Memory per connection (10 soak clients)");
    assertTrue(soak.startsWith("102 KB"), soak);
    assertTrue(detail(r, "Total memory").startsWith("90 MB"), detail(r, "Total memory"));
    assertTrue(r.checks().stream().noneMatch(c -> c.metric().equals("websocket.memory.total")),
        "total memory has no target, so it is a figure, not a check");
    assertTrue(detail(r, "Memory trend").startsWith("+0 MB per minute"), detail(r, "Memory trend"));
    assertTrue(r.recommendations().isEmpty());
    assertEquals(1, r.charts().size());
    assertEquals(5, r.charts().get(0).markers().size());
  }

  @Test
  void lostHeartbeatsOfADeadTargetFailWithARecommendationAndANote() {
    meta(folder, false, "The target stopped answering during the run (no healthy answer).");
    ProbeFiles.write(folder, HeartbeatFacts.PROBE,
        new HeartbeatFacts(10, 500, 20, 40, 400, 500, 5, 5, 5, 200, 0, false, true, 200, 0));
    ProbeFiles.write(folder, ResourceSamples.PROBE, samples(series(2000, t -> 90 * MB),
        List.of(cp(HeartbeatFacts.INITIAL, 0, 90 * MB),
            cp(HeartbeatFacts.FOOTPRINT_BEFORE, 22_000, null)), 2100L));
    GatlingRun run = run(folder, "HeartbeatSimulation", ok(RequestNames.HEARTBEAT_ACK, 12, 30));

    AreaResult r = analyzer.analyze(Optional.of(run));

    assertEquals(Status.FAIL, r.status());
    assertTrue(r.result().startsWith("3%"), r.result());
    assertTrue(r.result().contains("target stopped answering"), r.result());
    assertEquals(3.0, check(r, "websocket.heartbeat.stability").value(), 1e-9);
    assertEquals(1, r.recommendations().size());
    assertTrue(r.recommendations().get(0).evidence().contains("12 of 400"));
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("stopped answering")), r.notes().toString());
    Check stopped = check(r, "websocket.target.answering");
    assertEquals(Status.FAIL, stopped.status(), "a dead target is a finding, not 'not measured'");
    assertTrue(stopped.display().startsWith("the target stopped during the heartbeat soak after"
        + " the run reached 'initial', at "), stopped.display());
    assertTrue(stopped.display().contains("(2.1 s into the run)"), stopped.display());
    Check perConn = check(r, "websocket.memory.perConnection");
    assertEquals(Status.NOT_MEASURED, perConn.status());
    assertNull(perConn.value());
    assertFalse(perConn.note().isBlank());
  }

  private void noAckSoak(PingPongResult pings) {
    meta(folder, true);
    ProbeFiles.write(folder, HeartbeatFacts.PROBE,
        new HeartbeatFacts(10, 500, 20, 40, 400, 500, 10, 10, 0, 200, 200, true, false, 400, 0));
    ProbeFiles.write(folder, PingPongResult.PROBE, pings);
  }

  @Test
  void aTargetWithoutAckIsJudgedByPingPongAndSaysSo() {
    noAckSoak(new PingPongResult(10, 10, 500, 40, 400, 400, 398, 0, 500, 0, 2, ""));
    AreaResult r = analyzer.analyze(Optional.of(run(folder, "HeartbeatSimulation",
        ok("connect", 10, 0))));

    Check stability = check(r, "websocket.heartbeat.stability");
    assertEquals(Status.PASS, stability.status());
    assertEquals(99.5, stability.value(), 1e-9);
    assertTrue(detail(r, "Stability measured by").startsWith("WebSocket ping/pong"));
    assertEquals("not supported by the target", detail(r, "Heartbeats acknowledged"));
    assertTrue(detail(r, "Heartbeats sent").startsWith("400 (expected 400"));
    assertTrue(detail(r, "Pings sent / pongs in time").startsWith("400 / 398"));
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("no app-level heartbeat ack")),
        r.notes().toString());
    assertTrue(r.recommendations().isEmpty());
  }

  @Test
  void droppedPingConnectionsFailWithARecommendationAboutWhatClosesThem() {
    noAckSoak(new PingPongResult(10, 10, 500, 40, 400, 400, 200, 0, 500, 5, 5,
        "a connection closed by the target (1001) after 20 pings"));
    AreaResult r = analyzer.analyze(Optional.of(run(folder, "HeartbeatSimulation",
        ok("connect", 10, 0))));

    assertEquals(Status.FAIL, check(r, "websocket.heartbeat.stability").status());
    assertEquals(Status.FAIL, r.status());
    assertEquals(1, r.recommendations().size());
    assertTrue(r.recommendations().get(0).action().contains("closes the WebSocket"),
        r.recommendations().get(0).action());
    assertTrue(r.recommendations().get(0).evidence().contains("5 connections dropped"),
        r.recommendations().get(0).evidence());
  }

  @Test
  void noMemorySourceMeansNotMeasuredNeverAMadeUpFigure() {
    meta(folder, true);
    ProbeFiles.write(folder, HeartbeatFacts.PROBE,
        new HeartbeatFacts(10, 500, 20, 40, 400, 500, 10, 10, 0, 200, 200, false, true, 400, 0));
    ProbeFiles.write(folder, ResourceSamples.PROBE, new ResourceSamples(ResourceSamples.NONE,
        "the target's PID is not known, and /metrics did not answer", 250,
        java.time.Instant.now(), 30_000, null, null, List.of(),
        List.of(cp(HeartbeatFacts.INITIAL, 0, null))));
    AreaResult r = analyzer.analyze(Optional.of(run(folder, "HeartbeatSimulation",
        ok(RequestNames.HEARTBEAT_ACK, 400, 0))));
    assertEquals(Status.PASS, check(r, "websocket.heartbeat.stability").status(),
        "stability is measured without memory");
    assertEquals(Status.NOT_MEASURED, r.status(), "the section is the worst of its checks");
    assertEquals(Status.NOT_MEASURED, check(r, "websocket.memory.perConnection").status());
    assertNull(check(r, "websocket.memory.perConnection").value());
    assertTrue(detail(r, "Total memory").startsWith("not measured"), detail(r, "Total memory"));
  }

  @Test
  void notRunSaysSo() {
    AreaResult r = analyzer.analyze(Optional.empty());
    assertFalse(r.ran());
    assertEquals(Status.NOT_MEASURED, r.status());
  }
}
