package org.port8000.perf.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.port8000.perf.reference.ReferenceConfig;
import org.port8000.perf.reference.ReferenceServer;
import org.port8000.perf.results.PingPongFacts;

class PingProbeTest {
  static {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "reference/logback-reference.xml");
    }
  }

  private static ReferenceServer original() {
    return ReferenceServer.start(
        ReferenceConfig.fromProperties(
            Map.of("reference.port", "0", "reference.compat", "original")));
  }

  private static URI ws(ReferenceServer s) {
    return URI.create(s.baseUrl().replaceFirst("^http", "ws") + "/ws");
  }

  @Test
  void everyPingOfEveryClientGetsItsPongFromATargetWithoutAppLevelHeartbeats() {
    try (ReferenceServer server = original()) {
      // Half a second per pong: a functional test on a busy machine, not a latency figure.
      PingPongFacts r =
          PingProbe.start(ws(server), 3, Duration.ofMillis(500), 3, Duration.ofMillis(500))
              .awaitResult(Duration.ofSeconds(10));
      assertEquals(9, r.expectedPings());
      assertEquals(3, r.clientsConnected());
      assertEquals(9, r.pingsSent());
      assertEquals(9, r.pongsInTime(), r.toString());
      assertEquals(0, r.connectionsDropped());
      assertEquals("", r.firstFailure());
    }
  }

  @Test
  void aTargetThatStopsLosesTheRemainingPongsAndNamesTheDrop() throws Exception {
    ReferenceServer server = original();
    PingProbe probe =
        PingProbe.start(ws(server), 2, Duration.ofMillis(100), 30, Duration.ofMillis(100));
    Thread.sleep(1500);
    server.close();
    PingPongFacts r = probe.awaitResult(Duration.ofSeconds(10));
    assertEquals(60, r.expectedPings());
    assertEquals(2, r.clientsConnected(), r.toString());
    assertTrue(r.pongsInTime() >= 2 && r.pongsInTime() <= 40, r.toString());
    assertEquals(2, r.connectionsDropped(), r.toString());
    assertEquals(2, r.clientsWithLostPongs());
    assertTrue(r.firstFailure().contains("after"), r.firstFailure());
  }

  @Test
  void aRefusedConnectionCountsItsPingsAsLost() throws Exception {
    URI nothing;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      nothing = URI.create("ws://127.0.0.1:" + s.getLocalPort() + "/ws");
    }
    PingPongFacts r =
        PingProbe.start(nothing, 1, Duration.ofMillis(100), 3, Duration.ofMillis(100))
            .awaitResult(Duration.ofSeconds(10));
    assertEquals(0, r.clientsConnected());
    assertEquals(0, r.pongsInTime());
    assertTrue(r.firstFailure().startsWith("connect to"), r.firstFailure());
  }
}
