package org.port8000.perf.results;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two injectors' halves of a heartbeat soak are one soak: counts summed, the plan shared. */
class HeartbeatFactsMergeTest {
  private static final Path I0 = Path.of("results/run-1/injector-0/gatling/heartbeatsimulation-1");
  private static final Path I1 = Path.of("results/run-1/injector-1/gatling/heartbeatsimulation-2");
  private static final long T = 1_800_000_000_000L;

  /** A share of {@code clients} clients; footprint figures only where {@code footprint} > 0. */
  private static HeartbeatFacts share(
      int clients, int lost, int footprint, long intervalMs, long firstMs, long endMs) {
    int soaked = clients - lost;
    return new HeartbeatFacts(
        clients,
        intervalMs,
        20,
        40,
        clients * 40L,
        500,
        clients,
        clients + 1,
        lost,
        footprint,
        footprint,
        footprint > 0,
        true,
        clients * 40L - lost,
        0,
        soaked,
        endMs - firstMs,
        20_000,
        HeartbeatFacts.YES,
        firstMs,
        endMs,
        1);
  }

  private static Map<Path, HeartbeatFacts> both(HeartbeatFacts a, HeartbeatFacts b) {
    Map<Path, HeartbeatFacts> m = new LinkedHashMap<>();
    m.put(I0, a);
    m.put(I1, b);
    return m;
  }

  @Test
  void sumsEveryInjectorsHeartbeats() {
    HeartbeatFacts a = share(5, 1, 200, 500, T + 1_000, T + 20_900);
    HeartbeatFacts b = share(5, 0, 0, 500, T + 1_100, T + 20_950);

    HeartbeatFacts m = HeartbeatFactsMerge.of(both(a, b));

    assertEquals(10, m.clients());
    assertEquals(400, m.expectedHeartbeats());
    assertEquals(10, m.clientsConnected());
    assertEquals(12, m.connectionsOpened());
    assertEquals(1, m.clientsWithLostHeartbeats());
    assertEquals(399, m.heartbeatsSent());
    assertEquals(9, m.soakClients());
    assertEquals(40, m.heartbeatsPerClient(), "per client: not summed");
    assertEquals(500, m.intervalMs());
    assertEquals(2, m.injectors());
    assertTrue(m.merged());
  }

  @Test
  void theFootprintStepIsInjectorZeros() {
    HeartbeatFacts m =
        HeartbeatFactsMerge.of(
            both(share(5, 0, 200, 500, T, T + 20_000), share(5, 0, 0, 500, T, T + 20_000)));

    assertEquals(200, m.footprintConnections());
    assertEquals(200, m.footprintOpened());
    assertTrue(m.footprintMeasured());
  }

  @Test
  void theSoakWindowIsTheOneAllInjectorsClientsShared() {
    // injector 0 soaked 1.0 → 20.9 s (19.9 s), injector 1 started 0.4 s later and ended at 20.95 s
    // (20.55 s): together from 1.4 s to 20.9 s, shorter than either's own window
    HeartbeatFacts a = share(5, 0, 200, 500, T + 1_000, T + 20_900);
    HeartbeatFacts b = share(5, 0, 0, 500, T + 1_400, T + 20_950);

    HeartbeatFacts m = HeartbeatFactsMerge.of(both(a, b));

    assertEquals(19_500, m.soakOverlapMs());
    assertTrue(m.soakOverlapMs() <= Math.min(a.soakOverlapMs(), b.soakOverlapMs()));
    assertEquals(T + 1_400, m.soakLatestFirstMs());
    assertEquals(T + 20_900, m.soakEarliestEndMs());
    String note = HeartbeatFactsMerge.windowNote(both(a, b));
    assertTrue(note.contains("19500 ms"), note);
    assertTrue(note.contains("injector 0 19900 ms, injector 1 19550 ms"), note);
  }

  @Test
  void anInjectorWhoseClientsAllGotLostLeavesTheWindowToTheOthers() {
    HeartbeatFacts a = share(5, 0, 200, 500, T + 1_000, T + 20_900);
    HeartbeatFacts b = share(5, 5, 0, 500, 0, 0);

    HeartbeatFacts m = HeartbeatFactsMerge.of(both(a, b));

    assertEquals(5, m.soakClients());
    assertEquals(19_900, m.soakOverlapMs());
    assertEquals(-1, HeartbeatFactsMerge.of(both(b, b)).soakOverlapMs());
  }

  @Test
  void refusesInjectorsWithDifferentHeartbeatPlans() {
    HeartbeatFacts a = share(5, 0, 200, 500, T, T + 20_000);
    HeartbeatFacts b = share(5, 0, 0, 1_000, T, T + 20_000);

    MergeRefused e = assertThrows(MergeRefused.class, () -> HeartbeatFactsMerge.of(both(a, b)));

    assertTrue(e.getMessage().contains("probe-heartbeat.json"), e.getMessage());
    assertTrue(e.getMessage().contains("intervalMs"), e.getMessage());
    assertTrue(e.getMessage().contains("500 in " + I0), e.getMessage());
    assertTrue(e.getMessage().contains("1000 in " + I1), e.getMessage());
  }

  @Test
  void refusesFilesThatDoNotRecordTheirSoakWindow() {
    HeartbeatFacts a = share(5, 0, 200, 500, T, T + 20_000);
    HeartbeatFacts old = share(5, 0, 0, 500, 0, 20_000);

    MergeRefused e = assertThrows(MergeRefused.class, () -> HeartbeatFactsMerge.of(both(a, old)));

    assertTrue(e.getMessage().contains(I1.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("soak window"), e.getMessage());
  }

  @Test
  void sumsEveryInjectorsPingsAndRefusesDifferentSchedules() {
    PingPongFacts a = new PingPongFacts(5, 5, 500, 40, 200, 200, 199, 1, 500, 0, 1, "");
    PingPongFacts b = new PingPongFacts(5, 4, 500, 40, 200, 160, 160, 0, 500, 1, 1, "refused");
    Map<Path, PingPongFacts> m = new LinkedHashMap<>();
    m.put(I0, a);
    m.put(I1, b);

    PingPongFacts p = HeartbeatFactsMerge.pings(m);

    assertEquals(
        new PingPongFacts(10, 9, 500, 40, 400, 360, 359, 1, 500, 1, 2, "injector 1: refused"), p);
    m.put(I1, new PingPongFacts(5, 5, 250, 80, 400, 400, 400, 0, 250, 0, 0, ""));
    MergeRefused e = assertThrows(MergeRefused.class, () -> HeartbeatFactsMerge.pings(m));
    assertTrue(e.getMessage().contains("probe-pingpong.json"), e.getMessage());
  }
}
