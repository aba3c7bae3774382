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
import org.port8000.perf.results.PingPongFacts;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.RequestNames;
import org.port8000.perf.results.ResourceFacts;

class HeartbeatAnalyzerTest {
  @TempDir Path folder;
  private final HeartbeatAnalyzer analyzer = new HeartbeatAnalyzer();

  private static String detail(AreaResult r, String prefix) {
    return r.details().stream()
        .filter(d -> d.label().startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no detail " + prefix + " in " + r.details()))
        .value();
  }

  /** Facts of a 10-client soak of 40 heartbeats every 500 ms (20 s planned). */
  private static HeartbeatFacts facts(
      int connected, int helloFailed, int soakClients, long overlapMs, boolean ack) {
    return facts(
        connected,
        helloFailed,
        soakClients,
        overlapMs,
        ack ? HeartbeatFacts.YES : HeartbeatFacts.NO);
  }

  /** The same soak with the ack capability as found ("yes", "no", "unknown": acks awaited). */
  private static HeartbeatFacts facts(
      int connected, int helloFailed, int soakClients, long overlapMs, String ackCapability) {
    return new HeartbeatFacts(
        10,
        500,
        20,
        40,
        400,
        500,
        connected,
        connected,
        10 - soakClients,
        200,
        200,
        true,
        !HeartbeatFacts.NO.equals(ackCapability),
        40L * (connected - helloFailed),
        helloFailed,
        soakClients,
        overlapMs,
        20_000,
        ackCapability,
        0,
        0,
        1);
  }

  /** Three quiet readings at {@code before}, three with 200 connections open at {@code open}. */
  private void footprintReadings(
      long before0, long before1, long before2, long open0, long open1, long open2) {
    ProbeFiles.write(
        folder,
        ResourceFacts.PROBE,
        samples(
            series(30_000, t -> 90 * MB),
            List.of(
                cp(HeartbeatFacts.INITIAL, 0, 88 * MB),
                cp(HeartbeatFacts.footprintBeforeLabel(1), 1000, before0),
                cp(HeartbeatFacts.footprintBeforeLabel(2), 1500, before1),
                cp(HeartbeatFacts.footprintBeforeLabel(3), 2000, before2),
                cp(HeartbeatFacts.footprintOpenLabel(200, 1), 5000, open0),
                cp(HeartbeatFacts.footprintOpenLabel(200, 2), 5500, open1),
                cp(HeartbeatFacts.footprintOpenLabel(200, 3), 6000, open2),
                cp(HeartbeatFacts.SOAK_START, 8000, 90 * MB),
                cp(HeartbeatFacts.clientsConnectedLabel(10), 9000, 91 * MB),
                cp(HeartbeatFacts.SOAK_END, 29_000, 92 * MB)),
            null));
  }

  private void cleanSoak(long footprintOpenRss) {
    meta(folder, true);
    ProbeFiles.write(folder, HeartbeatFacts.PROBE, facts(10, 0, 10, 19_800, true));
    footprintReadings(
        92 * MB, 92 * MB, 92 * MB, footprintOpenRss, footprintOpenRss, footprintOpenRss);
  }

  private AreaResult acked(long acked) {
    return analyzer.analyze(
        Optional.of(
            run(
                folder,
                "HeartbeatSimulation",
                ok(RequestNames.HEARTBEAT_ACK, acked, 0),
                ok(RequestNames.HEARTBEAT_SEND, acked, 0))));
  }

  @Test
  void allHeartbeatsAckedPassesWithFootprintMemoryPerConnection() {
    cleanSoak(96 * MB);
    AreaResult r = acked(400);

    assertEquals("Connection stability", r.metric());
    assertEquals("100%", r.result());
    assertEquals(Status.PASS, r.status());
    assertEquals("10/10", detail(r, "Clients connected"));
    assertTrue(detail(r, "Heartbeats sent").startsWith("400 (expected 400"));
    Check perConn = check(r, "websocket.memory.perConnection");
    assertEquals(Status.PASS, perConn.status());
    assertEquals(4.0 / 200, perConn.value(), 1e-9); // 4 MB over 200 connections
    assertTrue(perConn.note().contains("before the soak, 200 idle connections"), perConn.note());
    String footprint = detail(r, "Memory per connection (footprint, 200 connections)");
    // one 4 KB page over 200 connections is the finest step the readings can show
    assertTrue(
        footprint.startsWith("20.5 KB ± 0.02 KB per connection with 200 connections"), footprint);
    String soak = detail(r, "Memory per connection (10 soak clients)");
    assertTrue(soak.startsWith("102 KB"), soak); // from the soak's start, not the run's
    assertTrue(detail(r, "Total memory").startsWith("90 MB"), detail(r, "Total memory"));
    assertTrue(
        r.checks().stream().noneMatch(c -> c.metric().equals("websocket.memory.total")),
        "total memory has no target, so it is a figure, not a check");
    assertTrue(detail(r, "Memory trend").startsWith("+0 MB per minute"), detail(r, "Memory trend"));
    assertTrue(r.recommendations().isEmpty());
    assertEquals(1, r.charts().size());
    assertEquals(10, r.charts().get(0).markers().size());
  }

  @Test
  void aMergedSoakIsJudgedOnEveryInjectorsClientsWithoutASoakClientMemoryFigure() {
    meta(folder, true);
    HeartbeatFacts one = facts(10, 0, 10, 19_800, true);
    ProbeFiles.write(
        folder,
        HeartbeatFacts.PROBE,
        new HeartbeatFacts(
            one.clients(),
            one.intervalMs(),
            one.durationSeconds(),
            one.heartbeatsPerClient(),
            one.expectedHeartbeats(),
            one.ackTimeoutMs(),
            one.clientsConnected(),
            one.connectionsOpened(),
            one.clientsWithLostHeartbeats(),
            one.footprintConnections(),
            one.footprintOpened(),
            one.footprintMeasured(),
            one.ackSupported(),
            one.heartbeatsSent(),
            one.helloFailed(),
            one.soakClients(),
            one.soakOverlapMs(),
            one.soakPlannedMs(),
            one.ackCapability(),
            1_000,
            20_800,
            2));
    footprintReadings(92 * MB, 92 * MB, 92 * MB, 96 * MB, 96 * MB, 96 * MB);
    AreaResult r = acked(400);

    assertEquals(Status.PASS, r.status());
    assertEquals(Status.PASS, check(r, "websocket.memory.perConnection").status());
    String soak = detail(r, "Memory per connection (10 soak clients)");
    assertTrue(
        soak.startsWith(
            "not measured: the reading with the soak clients connected is" + " injector 0's"),
        soak);
    assertTrue(
        detail(r, "Soak window").startsWith("all 10 clients of 2 injectors (on their clocks)"),
        detail(r, "Soak window"));
  }

  @Test
  void aFootprintGrowthInsideTheQuietSpreadIsBelowResolutionNeverZeroKb() {
    meta(folder, true);
    ProbeFiles.write(folder, HeartbeatFacts.PROBE, facts(10, 0, 10, 19_800, true));
    // quiet readings spread over 400 KB; the open ones sit inside that spread
    footprintReadings(
        92 * MB,
        92 * MB + 400 * 1024,
        92 * MB + 200 * 1024,
        92 * MB + 200 * 1024,
        92 * MB + 100 * 1024,
        92 * MB + 300 * 1024);
    AreaResult r = acked(400);

    Check perConn = check(r, "websocket.memory.perConnection");
    // 400 KB / 200 connections = ± 2 KB, far under the 10 MB target: the bound meets it
    assertEquals(Status.PASS, perConn.status());
    assertNull(perConn.value(), "a bound is not a measured figure");
    assertTrue(
        perConn
            .note()
            .startsWith(
                "below what it can resolve (± 2 KB per connection" + " with 200 connections)"),
        perConn.note());
    assertEquals(perConn.note(), perConn.display());
    String footprint = detail(r, "Memory per connection (footprint, 200 connections)");
    assertTrue(
        footprint.startsWith(
            "below what it can resolve (± 2 KB per connection with 200" + " connections)"),
        footprint);
    assertFalse(footprint.startsWith("0 KB"), footprint);
    assertTrue(
        r.notes().stream().anyMatch(n -> n.contains("below what it can resolve")),
        r.notes().toString());
  }

  @Test
  void aResolutionCoarserThanTheTargetCannotPassTheFootprint() {
    meta(folder, true);
    ProbeFiles.write(folder, HeartbeatFacts.PROBE, facts(10, 0, 10, 19_800, true));
    // quiet readings 3 GB apart: ± 15 MB per connection with 200, above the 10 MB target
    footprintReadings(92 * MB, 3092 * MB, 1092 * MB, 1092 * MB, 1092 * MB, 1092 * MB);
    AreaResult r = acked(400);

    Check perConn = check(r, "websocket.memory.perConnection");
    assertEquals(Status.NOT_MEASURED, perConn.status());
    assertTrue(
        perConn
            .note()
            .startsWith(
                "below what it can resolve (± 15360 KB per" + " connection with 200 connections)"),
        perConn.note());
    assertTrue(perConn.note().contains("not under the target < 10 MB"), perConn.note());
    assertTrue(perConn.note().contains("footprint.connections"), perConn.note());
  }

  @Test
  void memoryThatFellBeyondTheNoiseIsNotAFigure() {
    meta(folder, true);
    ProbeFiles.write(folder, HeartbeatFacts.PROBE, facts(10, 0, 10, 19_800, true));
    footprintReadings(92 * MB, 92 * MB, 92 * MB, 80 * MB, 80 * MB, 80 * MB);
    AreaResult r = acked(400);

    Check perConn = check(r, "websocket.memory.perConnection");
    assertEquals(Status.NOT_MEASURED, perConn.status());
    assertTrue(perConn.note().contains("fell"), perConn.note());
  }

  @Test
  void clientsThatSoakedTogetherForThePlannedDurationPassTheSoakWindow() {
    cleanSoak(96 * MB);
    AreaResult r = acked(400);

    Check window = check(r, "websocket.heartbeat.soakWindow");
    assertEquals(Status.PASS, window.status());
    assertEquals(19.8, window.value(), 1e-9);
    assertEquals(">= 19.5 s", window.target()); // 20 s planned, less one 500 ms interval
    assertEquals(
        "all 10 clients heartbeating together for 19.8 s of the planned 20 s",
        detail(r, "Soak window"));
  }

  @Test
  void clientsThatDidNotOverlapForThePlannedDurationFailTheSoakWindow() {
    meta(folder, true);
    ProbeFiles.write(folder, HeartbeatFacts.PROBE, facts(10, 0, 10, 12_000, true));
    footprintReadings(92 * MB, 92 * MB, 92 * MB, 96 * MB, 96 * MB, 96 * MB);
    AreaResult r = acked(400);

    Check window = check(r, "websocket.heartbeat.soakWindow");
    assertEquals(Status.FAIL, window.status());
    assertEquals(12.0, window.value(), 1e-9);
    assertEquals(Status.FAIL, r.status(), "the section is the worst of its checks");
  }

  @Test
  void aClientLostAtItsHelloCountsItsHeartbeatsAsLostAndLeavesTheWindow() {
    meta(folder, true);
    // 2 of 10 clients got no hello reply: they sent none of their 40 heartbeats
    ProbeFiles.write(folder, HeartbeatFacts.PROBE, facts(10, 2, 8, 19_800, true));
    footprintReadings(92 * MB, 92 * MB, 92 * MB, 96 * MB, 96 * MB, 96 * MB);
    AreaResult r = acked(320);

    Check stability = check(r, "websocket.heartbeat.stability");
    assertEquals(80.0, stability.value(), 1e-9, "320 acked of the 400 the plan called for");
    assertEquals(Status.FAIL, stability.status());
    assertEquals("80%", r.result());
    assertTrue(
        detail(r, "Clients that lost heartbeats")
            .contains("2 lost at their first chat" + " message"),
        detail(r, "Clients that lost heartbeats"));
    assertTrue(
        detail(r, "Soak window").startsWith("8 of 10 clients (2 lost"), detail(r, "Soak window"));
  }

  @Test
  void noClientHeartbeatingToTheEndFailsTheSoakWindowWithoutAFigure() {
    meta(folder, true);
    ProbeFiles.write(folder, HeartbeatFacts.PROBE, facts(10, 10, 0, -1, true));
    footprintReadings(92 * MB, 92 * MB, 92 * MB, 96 * MB, 96 * MB, 96 * MB);
    AreaResult r = acked(0);

    Check window = check(r, "websocket.heartbeat.soakWindow");
    assertEquals(Status.FAIL, window.status());
    assertNull(window.value());
    assertTrue(window.display().startsWith("no client heartbeated"), window.display());
  }

  @Test
  void lostHeartbeatsOfADeadTargetFailWithARecommendationAndANote() {
    meta(folder, false, "The target stopped answering during the run (no healthy answer).");
    ProbeFiles.write(
        folder,
        HeartbeatFacts.PROBE,
        new HeartbeatFacts(
            10,
            500,
            20,
            40,
            400,
            500,
            5,
            5,
            5,
            200,
            0,
            false,
            true,
            200,
            0,
            0,
            -1,
            20_000,
            HeartbeatFacts.YES,
            0,
            0,
            1));
    ProbeFiles.write(
        folder,
        ResourceFacts.PROBE,
        samples(
            series(2000, t -> 90 * MB),
            List.of(
                cp(HeartbeatFacts.INITIAL, 0, 90 * MB),
                cp(HeartbeatFacts.footprintBeforeLabel(1), 3_000, null)),
            2100L));
    GatlingRun run = run(folder, "HeartbeatSimulation", ok(RequestNames.HEARTBEAT_ACK, 12, 30));

    AreaResult r = analyzer.analyze(Optional.of(run));

    assertEquals(Status.FAIL, r.status());
    assertTrue(r.result().startsWith("3%"), r.result());
    assertTrue(r.result().contains("target stopped answering"), r.result());
    assertEquals(3.0, check(r, "websocket.heartbeat.stability").value(), 1e-9);
    assertEquals(1, r.recommendations().size());
    assertTrue(r.recommendations().get(0).evidence().contains("12 of 400"));
    assertTrue(
        r.notes().stream().anyMatch(n -> n.contains("stopped answering")), r.notes().toString());
    Check stopped = check(r, "websocket.target.answering");
    assertEquals(Status.FAIL, stopped.status(), "a dead target is a finding, not 'not measured'");
    assertTrue(
        stopped
            .display()
            .startsWith(
                "the target stopped during the heartbeat soak after"
                    + " the run reached 'initial', at "),
        stopped.display());
    assertTrue(stopped.display().contains("(2.1 s into the run)"), stopped.display());
    Check perConn = check(r, "websocket.memory.perConnection");
    assertEquals(Status.NOT_MEASURED, perConn.status());
    assertNull(perConn.value());
    assertFalse(perConn.note().isBlank());
  }

  private void noAckSoak(PingPongFacts pings) {
    meta(folder, true);
    ProbeFiles.write(folder, HeartbeatFacts.PROBE, facts(10, 0, 10, 19_800, false));
    ProbeFiles.write(folder, PingPongFacts.PROBE, pings);
  }

  @Test
  void aTargetWithoutAckIsJudgedByPingPongAndSaysSo() {
    noAckSoak(new PingPongFacts(10, 10, 500, 40, 400, 400, 398, 0, 500, 0, 2, ""));
    AreaResult r =
        analyzer.analyze(Optional.of(run(folder, "HeartbeatSimulation", ok("connect", 10, 0))));

    Check stability = check(r, "websocket.heartbeat.stability");
    assertEquals(Status.PASS, stability.status());
    assertEquals(99.5, stability.value(), 1e-9);
    assertTrue(detail(r, "Stability measured by").startsWith("WebSocket ping/pong"));
    assertEquals("not supported by the target", detail(r, "Heartbeats acknowledged"));
    assertTrue(detail(r, "Heartbeats sent").startsWith("400 (expected 400"));
    assertTrue(detail(r, "Pings sent / pongs in time").startsWith("400 / 398"));
    assertTrue(
        r.notes().stream().anyMatch(n -> n.contains("no app-level heartbeat ack")),
        r.notes().toString());
    assertTrue(r.recommendations().isEmpty());
  }

  private void unknownAckSoak(PingPongFacts pings) {
    meta(folder, true);
    ProbeFiles.write(
        folder, HeartbeatFacts.PROBE, facts(10, 0, 10, 19_800, HeartbeatFacts.UNKNOWN));
    ProbeFiles.write(folder, PingPongFacts.PROBE, pings);
  }

  @Test
  void anUnknownAckWithoutAnyAckIsJudgedByPingPongAndStaysUnknown() {
    unknownAckSoak(new PingPongFacts(10, 10, 500, 40, 400, 400, 400, 0, 500, 0, 0, ""));
    AreaResult r =
        analyzer.analyze(
            Optional.of(
                run(
                    folder,
                    "HeartbeatSimulation",
                    ok("connect", 10, 0),
                    ok(RequestNames.HEARTBEAT_ACK, 0, 400),
                    ok(RequestNames.HEARTBEAT_SEND, 400, 0))));

    Check stability = check(r, "websocket.heartbeat.stability");
    assertEquals(Status.PASS, stability.status());
    assertEquals(100.0, stability.value(), 1e-9);
    assertTrue(
        detail(r, "Stability measured by").contains("the capability is unknown"),
        detail(r, "Stability measured by"));
    assertEquals("0 of 400 sent (each awaited 500 ms)", detail(r, "Heartbeats acknowledged"));
    assertTrue(
        r.notes().stream()
            .anyMatch(n -> n.startsWith("Whether the target acks" + " heartbeats was unknown")),
        r.notes().toString());
    assertTrue(
        r.notes().stream().noneMatch(n -> n.contains("has no app-level heartbeat ack")),
        "unknown is never reported as no: " + r.notes());
  }

  @Test
  void anUnknownAckWhoseAcksCameIsJudgedByAcksWithPingPongBeside() {
    unknownAckSoak(new PingPongFacts(10, 10, 500, 40, 400, 400, 399, 0, 500, 0, 1, ""));
    AreaResult r = acked(200);

    Check stability = check(r, "websocket.heartbeat.stability");
    assertEquals(50.0, stability.value(), 1e-9);
    assertEquals(Status.FAIL, stability.status());
    assertTrue(detail(r, "Stability measured by").startsWith("app-level heartbeat acks"));
    assertEquals(
        "399 / 400 pongs in time (not judged: acks came)", detail(r, "Ping/pong beside the soak"));
  }

  @Test
  void droppedPingConnectionsFailWithARecommendationAboutWhatClosesThem() {
    noAckSoak(
        new PingPongFacts(
            10,
            10,
            500,
            40,
            400,
            400,
            200,
            0,
            500,
            5,
            5,
            "a connection closed by the target (1001) after 20 pings"));
    AreaResult r =
        analyzer.analyze(Optional.of(run(folder, "HeartbeatSimulation", ok("connect", 10, 0))));

    assertEquals(Status.FAIL, check(r, "websocket.heartbeat.stability").status());
    assertEquals(Status.FAIL, r.status());
    assertEquals(1, r.recommendations().size());
    assertTrue(
        r.recommendations().get(0).action().contains("closes the WebSocket"),
        r.recommendations().get(0).action());
    assertTrue(
        r.recommendations().get(0).evidence().contains("5 connections dropped"),
        r.recommendations().get(0).evidence());
  }

  @Test
  void noMemorySourceMeansNotMeasuredNeverAMadeUpFigure() {
    meta(folder, true);
    ProbeFiles.write(folder, HeartbeatFacts.PROBE, facts(10, 0, 10, 19_800, true));
    ProbeFiles.write(
        folder,
        ResourceFacts.PROBE,
        new ResourceFacts(
            ResourceFacts.NONE,
            "the target's PID is not known, and /metrics did not answer",
            250,
            java.time.Instant.now(),
            30_000,
            null,
            null,
            List.of(),
            List.of(cp(HeartbeatFacts.INITIAL, 0, null))));
    AreaResult r =
        analyzer.analyze(
            Optional.of(
                run(folder, "HeartbeatSimulation", ok(RequestNames.HEARTBEAT_ACK, 400, 0))));
    assertEquals(
        Status.PASS,
        check(r, "websocket.heartbeat.stability").status(),
        "stability is measured without memory");
    assertEquals(Status.NOT_MEASURED, r.status(), "the section is the worst of its checks");
    assertEquals(Status.NOT_MEASURED, check(r, "websocket.memory.perConnection").status());
    assertNull(check(r, "websocket.memory.perConnection").value());
    assertTrue(detail(r, "Total memory").startsWith("not measured"), detail(r, "Total memory"));
  }

  @Test
  void aSimulationThatCouldNotStartIsAFailedFindingWithItsReason() {
    meta(folder, true);
    ProbeFiles.write(
        folder,
        org.port8000.perf.results.CouldNotStartFacts.PROBE,
        new org.port8000.perf.results.CouldNotStartFacts(
            "org.port8000.perf.simulations.HeartbeatSimulation",
            "The heartbeat plan needs up to"
                + " 400 connections at once, but this JVM may open only 700 files."));
    AreaResult r = analyzer.analyze(Optional.of(run(folder, "HeartbeatSimulation")));

    assertTrue(r.ran());
    assertEquals(Status.FAIL, r.status());
    assertEquals(
        "could not start: The heartbeat plan needs up to 400 connections at once, but"
            + " this JVM may open only 700 files.",
        r.result());
    assertEquals(Status.FAIL, check(r, "websocket.started").status());
    assertTrue(
        r.notes().stream()
            .anyMatch(
                n -> n.startsWith("The simulation" + " HeartbeatSimulation could not start: ")),
        r.notes().toString());
  }

  @Test
  void notRunSaysSo() {
    AreaResult r = analyzer.analyze(Optional.empty());
    assertFalse(r.ran());
    assertEquals(Status.NOT_MEASURED, r.status());
  }
}
