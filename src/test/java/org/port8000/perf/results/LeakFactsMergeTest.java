package org.port8000.perf.results;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two injectors' shares of the leak run are one run: counts summed, times on one axis. */
class LeakFactsMergeTest {
  private static final Path I0 = Path.of("results/run-1/injector-0/gatling/memoryleaksimulation-1");
  private static final Path I1 = Path.of("results/run-1/injector-1/gatling/memoryleaksimulation-2");
  private static final long T = 1_800_000_000_000L;

  private static LeakFacts share(
      int messages, int answered, int cycles, long initialAt, List<Long> at, List<Long> cyclesAt) {
    return new LeakFacts(
        messages, 20, cycles, false, answered, cycles, 100, 5, 100, at, initialAt, cyclesAt, 1, 0,
        0, null, null);
  }

  private static Map<Path, LeakFacts> both(LeakFacts a, LeakFacts b) {
    Map<Path, LeakFacts> m = new LinkedHashMap<>();
    m.put(I0, a);
    m.put(I1, b);
    return m;
  }

  @Test
  void sumsEveryInjectorsMessagesAndCycles() {
    LeakFacts a = share(100, 100, 5, T, List.of(10L), List.of(21_000L));
    LeakFacts b = share(100, 98, 5, T + 50, List.of(20L), List.of(21_500L));

    LeakFacts m = LeakFactsMerge.of(both(a, b));

    assertEquals(200, m.messages());
    assertEquals(198, m.messagesAnswered());
    assertEquals(10, m.cycles());
    assertEquals(10, m.cyclesCompleted());
    assertEquals(200, m.warmUpMessages());
    assertEquals(200, m.warmUpAnswered());
    assertEquals(20, m.durationSeconds(), "the plan: not summed");
    assertEquals(2, m.injectors());
    assertEquals(100, m.checkpointMessages(), "injector 0's checkpoints mark its own share");
    assertEquals(5, m.checkpointCycles());
  }

  @Test
  void alignsAnswersToInjectorZerosClock() {
    // injector 1 reached its "initial" 300 ms after injector 0 (its warm-up ended later): its
    // answer 100 ms after its own "initial" came 400 ms after injector 0's
    LeakFacts a = share(3, 3, 1, T, List.of(100L, 250L, 500L), List.of(900L));
    LeakFacts b = share(2, 2, 1, T + 300, List.of(100L, 150L), List.of(700L));

    LeakFacts m = LeakFactsMerge.of(both(a, b));

    assertEquals(List.of(100L, 250L, 400L, 450L, 500L), m.answeredAtMs());
    assertEquals(List.of(900L, 1000L), m.cycleDoneAtMs());
    assertEquals(T, m.initialAtMs());
    // every injector in its measured messages: from injector 1's "initial" to its last answer
    assertEquals(300L, m.measuredFromMs());
    assertEquals(450L, m.measuredToMs());
    String note = LeakFactsMerge.alignmentNote(both(a, b));
    assertTrue(note.contains("injector 1 +300 ms"), note);
  }

  @Test
  void anInjectorThatStartedEarlierHasAnswersBeforeInjectorZerosInitialReading() {
    LeakFacts a = share(1, 1, 0, T, List.of(100L), List.of());
    LeakFacts b = share(1, 1, 0, T - 200, List.of(50L), List.of());

    assertEquals(List.of(-150L, 100L), LeakFactsMerge.of(both(a, b)).answeredAtMs());
  }

  @Test
  void refusesInjectorsWithDifferentLeakPlans() {
    LeakFacts a = share(100, 100, 5, T, List.of(), List.of());
    LeakFacts b =
        new LeakFacts(
            100, 40, 5, false, 100, 5, 100, 5, 100, List.of(), T, List.of(), 1, 0, 0, null, null);

    MergeRefused e = assertThrows(MergeRefused.class, () -> LeakFactsMerge.of(both(a, b)));

    assertTrue(e.getMessage().contains("probe-leak.json"), e.getMessage());
    assertTrue(e.getMessage().contains("durationSeconds"), e.getMessage());
    assertTrue(e.getMessage().contains("20 in " + I0), e.getMessage());
    assertTrue(e.getMessage().contains("40 in " + I1), e.getMessage());
  }

  @Test
  void refusesFilesThatCannotBeAligned() {
    LeakFacts a = share(100, 100, 5, T, List.of(), List.of());
    LeakFacts old = new LeakFacts(100, 20, 5, false, 100, 5, 100, 5, 100, List.of());

    MergeRefused e = assertThrows(MergeRefused.class, () -> LeakFactsMerge.of(both(a, old)));

    assertTrue(e.getMessage().contains(I1.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("\"initial\" instant"), e.getMessage());
  }

  @Test
  void withoutEveryInjectorsCycleTimesTheCyclesAreNotOnTheAxis() {
    LeakFacts a = share(1, 1, 1, T, List.of(10L), List.of(20L));
    LeakFacts b = share(1, 1, 1, T, List.of(10L), null);

    LeakFacts m = LeakFactsMerge.of(both(a, b));

    assertNull(m.cycleDoneAtMs());
    assertTrue(
        LeakFactsMerge.alignmentNote(both(a, b)).contains("growth per cycle is not measured"));
  }
}
