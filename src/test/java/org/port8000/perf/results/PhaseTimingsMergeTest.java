package org.port8000.perf.results;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Two injectors' halves of a step are one step: counts summed, span widened, none averaged. */
class PhaseTimingsMergeTest {

  private static PhaseTimings.Phase phase(
      String name, int planned, double offered, int conns, long replied, long first, long last) {
    return new PhaseTimings.Phase(
        name,
        planned,
        offered,
        conns,
        planned,
        replied,
        0,
        0,
        planned - replied,
        1,
        30,
        first,
        last,
        null,
        null,
        null,
        20.0,
        1.0,
        60.0,
        conns,
        conns,
        "pace",
        0);
  }

  @Test
  void aStepBothInjectorsRanIsSummed() {
    PhaseTimings a = new PhaseTimings(List.of(phase("40/s", 80, 20, 8, 80, 1_000, 5_000)));
    PhaseTimings b = new PhaseTimings(List.of(phase("40/s", 80, 20, 8, 78, 1_010, 5_100)));

    PhaseTimings.Phase m = PhaseTimingsMerge.of(List.of(a, b)).phases().get(0);

    assertEquals(160, m.planned());
    assertEquals(40.0, m.offeredPerSecond(), 1e-9);
    assertEquals(16, m.connections());
    assertEquals(158, m.replied());
    assertEquals(2, m.timedOut());
    assertEquals(2, m.lateSends());
    assertEquals(1_000, m.firstSendMs());
    assertEquals(5_100, m.lastReplyMs());
    assertNull(m.latency(), "percentiles are never merged here");
  }

  @Test
  void aPhaseOnlyInjectorZeroRanIsKeptAsItIs() {
    PhaseTimings.Phase burst = phase(RequestNames.ONE_CLIENT_BURST, 100, 10, 1, 100, 1, 2);
    PhaseTimings a =
        new PhaseTimings(List.of(burst, phase(RequestNames.BURST, 50, 5, 50, 50, 1, 2)));
    PhaseTimings b = new PhaseTimings(List.of(phase(RequestNames.BURST, 50, 5, 50, 50, 1, 2)));

    PhaseTimings m = PhaseTimingsMerge.of(List.of(a, b));

    assertEquals(burst, m.phases().get(0));
    assertEquals(100, m.phases().get(1).planned());
  }
}
