package org.port8000.perf.simulations;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.port8000.perf.config.InjectorShare;
import org.port8000.perf.config.Settings;

class HeartbeatPlanTest {

  private static HeartbeatPlan plan(int index, int count) {
    Properties p = new Properties();
    p.setProperty("perf.profile", "smoke");
    p.setProperty("injector.count", String.valueOf(count));
    p.setProperty("injector.runId", "night-1");
    p.setProperty("target.url", "http://127.0.0.1:8000");
    Settings settings = Settings.load(p);
    return HeartbeatPlan.of(
        settings, InjectorShare.of(settings, Map.of(InjectorShare.INDEX_ENV, "" + index)));
  }

  @Test
  void oneInjectorRunsTheWholeSmokePlan() {
    HeartbeatPlan plan = plan(0, 1);
    assertEquals(10, plan.clients());
    assertEquals(40, plan.perClient()); // 20 s every 500 ms
    assertEquals(200, plan.footprintConnections());
    assertEquals(Duration.ZERO, plan.footprintWait());
    assertEquals(Duration.ofMillis(500), plan.ackTimeout(), "the interval caps the 5 s timeout");
    assertEquals(Duration.ofSeconds(1), plan.clientRamp());
    // quiet 2.5 s + ramp 1 + hold 60 + settle 1 + connected 16 + 41 intervals 20.5 + 10 + 30
    assertEquals(Duration.ofMillis(141_000), plan.maxDuration());
    assertEquals(200, plan.openConnections(true), "the footprint's 200 outnumber 2 × 10");
  }

  @Test
  void theSecondOfTwoInjectorsTakesHalfTheClientsAndWaitsForTheFootprint() {
    HeartbeatPlan first = plan(0, 2);
    HeartbeatPlan second = plan(1, 2);
    assertEquals(5, first.clients());
    assertEquals(5, second.clients());
    assertEquals(200, first.footprintConnections(), "the footprint step runs on injector 0");
    assertEquals(0, second.footprintConnections());
    assertEquals(Duration.ZERO, first.footprintWait());
    // quiet 2.5 s + ramp 1 s + settle 1 s + the two gaps between the open readings 1 s
    assertEquals(Duration.ofMillis(5_500), second.footprintWait());
    assertTrue(second.footprintWait().compareTo(second.maxDuration()) < 0);
    assertEquals(10, second.openConnections(true), "5 soak clients and 5 ping connections");
  }

  @Test
  void severalInjectorsStartTheirSoakPhaseAndFirstHeartbeatsAtSharedInstants() {
    assertFalse(plan(0, 1).sharedSoakStart());
    assertEquals(Duration.ZERO, plan(0, 1).soakPhaseAfter());
    // the footprint step as planned (5.5 s) twice over, plus 5 s: the same on every injector
    assertEquals(Duration.ofMillis(16_000), plan(0, 2).soakPhaseAfter());
    assertEquals(Duration.ofMillis(16_000), plan(1, 2).soakPhaseAfter());
    // the reading before the soak 1 s, the clients' ramp 1 s, 2 s for their hellos
    assertEquals(Duration.ofSeconds(4), plan(1, 2).firstHeartbeatAfterPhase());
    assertTrue(plan(1, 2).soakPhaseAfter().compareTo(plan(1, 2).maxDuration()) < 0);
  }

  @Test
  void sharesAddUpToTheRunsClients() {
    int sum = 0;
    for (int i = 0; i < 3; i++) {
      sum += plan(i, 3).clients();
    }
    assertEquals(10, sum);
    assertEquals(4, plan(0, 3).clients(), "the remainder goes to the first injector");
  }
}
