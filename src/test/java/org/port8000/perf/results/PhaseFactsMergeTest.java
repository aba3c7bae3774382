package org.port8000.perf.results;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Two injectors' halves of a step are one step: counts summed, span widened, none averaged. */
class PhaseFactsMergeTest {

  private static PhaseFacts.Phase phase(
      String name, int planned, double offered, int conns, long replied, long first, long last) {
    return new PhaseFacts.Phase(
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
    PhaseFacts a = new PhaseFacts(List.of(phase("40/s", 80, 20, 8, 80, 1_000, 5_000)));
    PhaseFacts b = new PhaseFacts(List.of(phase("40/s", 80, 20, 8, 78, 1_010, 5_100)));

    PhaseFacts.Phase m = PhaseFactsMerge.of(List.of(a, b)).phases().get(0);

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
    PhaseFacts.Phase burst = phase(RequestNames.ONE_CLIENT_BURST, 100, 10, 1, 100, 1, 2);
    PhaseFacts a = new PhaseFacts(List.of(burst, phase(RequestNames.BURST, 50, 5, 50, 50, 1, 2)));
    PhaseFacts b = new PhaseFacts(List.of(phase(RequestNames.BURST, 50, 5, 50, 50, 1, 2)));

    PhaseFacts m = PhaseFactsMerge.of(List.of(a, b));

    assertEquals(burst, m.phases().get(0));
    assertEquals(100, m.phases().get(1).planned());
  }
}
