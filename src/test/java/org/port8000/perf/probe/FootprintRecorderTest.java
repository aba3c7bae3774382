package org.port8000.perf.probe;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.port8000.perf.results.HeartbeatFacts;
import org.port8000.perf.results.ResourceFacts.Checkpoint;

class FootprintRecorderTest {
  private final List<String> labels = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private FootprintRecorder recorder(Long rss) {
    return new FootprintRecorder(
        3,
        label -> {
          synchronized (labels) {
            labels.add(label);
          }
          return CompletableFuture.completedFuture(new Checkpoint(label, 0, rss));
        },
        notes::add);
  }

  @Test
  void readsWithTheOpenConnectionsOnceAllSettledThenReleasesThem() throws Exception {
    FootprintRecorder r = recorder(100L);
    r.readQuiet(1);
    r.connectionSettled(false);
    r.connectionSettled(true);
    assertTrue(r.holding());
    r.connectionSettled(false);
    long until = System.nanoTime() + 10_000_000_000L;
    while (r.holding() && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    assertFalse(r.holding(), "released after the readings");
    assertTrue(r.measured());
    assertEquals(2, r.openAtReading(), "one of three connects failed");
    synchronized (labels) {
      assertEquals(
          List.of(
              HeartbeatFacts.footprintBeforeLabel(1),
              HeartbeatFacts.footprintOpenLabel(2, 1),
              HeartbeatFacts.footprintOpenLabel(2, 2),
              HeartbeatFacts.footprintOpenLabel(2, 3)),
          labels);
    }
    assertTrue(notes.isEmpty());
  }

  @Test
  void aMissingReadingLeavesTheStepNotMeasuredButReleasesTheConnections() {
    FootprintRecorder r = recorder(null);
    r.readOpen();
    assertFalse(r.holding());
    assertFalse(r.measured());
    assertEquals(0, r.openAtReading());
  }

  @Test
  void aFailedReadingIsNotedForTheReport() {
    FootprintRecorder r =
        new FootprintRecorder(
            1, l -> CompletableFuture.failedFuture(new IllegalStateException("gone")), notes::add);
    r.readOpen();
    assertFalse(r.holding());
    assertFalse(r.measured());
    assertEquals(1, notes.size());
    assertTrue(notes.get(0).startsWith("The footprint step's readings failed: "), notes.get(0));
  }
}
