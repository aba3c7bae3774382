package org.port8000.perf.probe;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.port8000.perf.results.HeartbeatFacts;

class HeartbeatSoakRecorderTest {
  private final List<String> marks = new ArrayList<>();
  private final HeartbeatSoakRecorder soak =
      new HeartbeatSoakRecorder(3, Duration.ofMillis(500), 4, marks::add);
  private final FootprintRecorder noFootprint =
      new FootprintRecorder(0, l -> CompletableFuture.failedFuture(new Exception()), n -> {});

  @Test
  void theSoakStartsWhenEveryClientSettledAndMarksItsEnd() {
    soak.connectionOpened();
    soak.connected();
    soak.connectionOpened();
    soak.connected();
    soak.connectFailed();
    assertTrue(soak.othersSettling());
    assertEquals(Duration.ZERO, soak.untilStart(0, 0), "no start before all settled");
    assertEquals(0, soak.helloSettled(false));
    assertTrue(marks.isEmpty());
    // the second hello settles third: its client starts a third of half an interval later
    assertEquals(83, soak.helloSettled(true));
    assertFalse(soak.othersSettling());
    assertEquals(List.of(HeartbeatFacts.clientsConnectedLabel(3)), marks);
    long now = MonotonicClock.nowMillis();
    long wait = soak.untilStart(83, now).toMillis();
    assertTrue(wait > 83 + 200 && wait <= 83 + 250, "start margin after the poll: " + wait);
    soak.clientDone();
    soak.clientDone();
    soak.clientDone();
    assertEquals(HeartbeatFacts.SOAK_END, marks.get(1));
  }

  @Test
  void withSeveralInjectorsTheSoakStartsAtTheSharedInstantNotWhenTheClientsSettled() {
    long shared = MonotonicClock.nowMillis() + 5_000;
    soak.startNoEarlierThan(shared);
    soak.connectFailed();
    soak.helloSettled(false);
    soak.helloSettled(false);
    long now = MonotonicClock.nowMillis();
    assertEquals(shared + 83 - now, soak.untilStart(83, now).toMillis());
  }

  @Test
  void theWindowIsTheLatestFirstHeartbeatToTheEarliestEnd() {
    assertEquals(-1, soak.overlapMs());
    assertTrue(soak.windowLine().isEmpty());
    soak.soakedToTheEnd(1_000, 2_500);
    soak.soakedToTheEnd(1_200, 2_600);
    // earliest end 2,500 + 500; latest first 1,200
    assertEquals(1_800, soak.overlapMs());
    assertEquals(2_000, soak.plannedMs());
    assertEquals(
        "[perf] heartbeat soak: 2 clients to the end; first heartbeats spread over 200 ms,"
            + " ends over 100 ms; window 1800 ms of 2000 ms",
        soak.windowLine().orElseThrow());
  }

  @Test
  void factsCountWhatTheClientsDid() {
    soak.connectionOpened();
    soak.connectionOpened(); // a reconnect
    soak.connected();
    soak.helloSettled(false);
    soak.heartbeatSent();
    soak.heartbeatSent();
    soak.clientLostHeartbeats();
    soak.helloSettled(true);
    assertTrue(soak.isLast(3));
    assertFalse(soak.isLast(2));

    HeartbeatFacts f =
        soak.facts(
            Duration.ofSeconds(2), Duration.ofMillis(400), noFootprint, true, HeartbeatFacts.YES);
    assertEquals(3, f.clients());
    assertEquals(12, f.expectedHeartbeats());
    assertEquals(400, f.ackTimeoutMs());
    assertEquals(2, f.durationSeconds());
    assertEquals(1, f.clientsConnected());
    assertEquals(1, f.reconnects());
    assertEquals(2, f.clientsWithLostHeartbeats(), "one lost a heartbeat, one its hello");
    assertEquals(1, f.helloFailed());
    assertEquals(2, f.heartbeatsSent());
    assertEquals(0, f.footprintConnections());
    assertFalse(f.footprintMeasured());
    assertEquals(-1, f.soakOverlapMs());
    assertEquals(2_000, f.soakPlannedMs());
  }
}
