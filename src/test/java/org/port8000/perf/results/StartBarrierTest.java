package org.port8000.perf.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartBarrierTest {
  private static final String SIM = "UiRenderSimulation";
  private static final Duration HOUR = Duration.ofHours(1);

  @TempDir Path run;

  /** A clock that only moves when the barrier sleeps; other injectors arrive at given times. */
  private static final class FakeTime extends Clock {
    long now;
    final Map<Long, Runnable> arrivals = new TreeMap<>();
    int sleeps;

    FakeTime(long now) {
      this.now = now;
    }

    void sleep(long ms) {
      sleeps++;
      long until = now + ms;
      arrivals
          .entrySet()
          .removeIf(
              e -> {
                if (e.getKey() <= until) {
                  e.getValue().run();
                  return true;
                }
                return false;
              });
      now = until;
    }

    @Override
    public long millis() {
      return now;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(now);
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private StartBarrier barrier(int index, int count) {
    return new StartBarrier(run, "r1", SIM, index, count);
  }

  private long await(StartBarrier b, FakeTime t, List<String> said) throws InterruptedException {
    return b.await(HOUR, t, t::sleep, said::add);
  }

  @Test
  void everyInjectorGetsTheSameStartOnceAllArrived() throws Exception {
    // Injector 1 arrives first and waits; injector 0 arrives 90 s later (its browser ran long).
    FakeTime t1 = new FakeTime(1_000_000);
    List<String> said = new ArrayList<>();
    t1.arrivals.put(1_090_000L, () -> write(0, 1_090_000));
    long start1 = await(barrier(1, 2), t1, said);
    assertEquals(1_090_000 + StartBarrier.LEAD.toMillis(), start1);
    // The last to arrive sees every file at once and computes the same start from them.
    Files.delete(run.resolve("starts").resolve(SIM).resolve("injector-0"));
    FakeTime t0 = new FakeTime(1_090_000);
    write(1, 1_000_000);
    long start0 = await(barrier(0, 2), t0, new ArrayList<>());
    assertEquals(start1, start0);
    assertEquals(0, t0.sleeps, "the last injector does not wait");
    assertEquals("1000000", Files.readString(barrier(1, 2).folder().resolve("injector-1")));
  }

  @Test
  void waitsUntilEveryInjectorArrivedAndNamesTheLateOnes() throws InterruptedException {
    FakeTime t = new FakeTime(0);
    t.arrivals.put(65_000L, () -> write(0, 65_000));
    t.arrivals.put(95_000L, () -> write(3, 95_000));
    t.arrivals.put(100_000L, () -> write(2, 99_000));
    List<String> said = new ArrayList<>();
    long start = await(new StartBarrier(run, "r1", SIM, 1, 4), t, said);
    assertEquals(99_000 + StartBarrier.LEAD.toMillis(), start);
    assertEquals(3, said.size(), said.toString());
    assertTrue(
        said.get(0).contains("waiting for injectors 0, 2, 3 to finish their previous simulation"),
        said.get(0));
    assertTrue(said.get(0).contains("run 'r1', before " + SIM), said.get(0));
    assertTrue(said.get(2).contains("waiting for injectors 2, 3 "), said.get(2));
    said.clear();
    StartBarrier next = new StartBarrier(run.resolve("next"), "r1", SIM, 1, 2);
    t.arrivals.put(
        t.now + 31_000, () -> AtomicFiles.write(next.folder().resolve("injector-0"), "0"));
    await(next, t, said);
    assertTrue(
        said.get(0).contains("waiting for injector 0 to finish its previous simulation"),
        said.get(0));
    assertTrue(t.sleeps >= 100_000 / StartBarrier.POLL_MS - 1, "polls every 500 ms");
  }

  @Test
  void givesUpNamingTheInjectorsThatNeverArrived() {
    FakeTime t = new FakeTime(0);
    t.arrivals.put(10_000L, () -> write(2, 10_000));
    ResultsException e =
        assertThrows(
            ResultsException.class,
            () -> await(new StartBarrier(run, "r1", SIM, 0, 4), t, new ArrayList<>()));
    assertTrue(e.getMessage().contains("Run 'r1', simulation " + SIM), e.getMessage());
    assertTrue(e.getMessage().contains("injectors 1, 3 never arrived"), e.getMessage());
    assertTrue(e.getMessage().contains("within 60 min"), e.getMessage());
    assertTrue(e.getMessage().contains("the rest are not run"), e.getMessage());
    assertEquals(HOUR.toMillis(), t.now, "gives up after the limit, not before or long after");
  }

  @Test
  void aRunIdUsedBeforeIsRefusedInsteadOfAStartLongPast() {
    write(0, 1_000);
    ResultsException e =
        assertThrows(
            ResultsException.class, () -> await(barrier(0, 2), new FakeTime(0), new ArrayList<>()));
    assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    assertTrue(e.getMessage().contains("-Dinjector.runId"), e.getMessage());
  }

  @Test
  void aStartAlreadyPastWhenSeenIsReported() throws InterruptedException {
    // Injector 1's file shows up 40 s after it was written (a shared folder that lags).
    FakeTime t = new FakeTime(100_000);
    t.arrivals.put(140_000L, () -> write(1, 100_000));
    List<String> said = new ArrayList<>();
    long start = await(barrier(0, 2), t, said);
    assertEquals(120_000, start);
    assertTrue(said.get(said.size() - 1).contains("passed 20000 ms"), said.toString());
  }

  @Test
  void aGarbledArrivalOrABadSimulationNameIsRefusedNamingIt() {
    write(1, 0);
    Path other = barrier(0, 2).folder().resolve("injector-1");
    AtomicFiles.write(other, "soon");
    ResultsException e =
        assertThrows(
            ResultsException.class, () -> await(barrier(0, 2), new FakeTime(0), new ArrayList<>()));
    assertTrue(e.getMessage().contains(other + " holds 'soon'"), e.getMessage());
    ResultsException name =
        assertThrows(ResultsException.class, () -> new StartBarrier(run, "r1", "../x y", 0, 2));
    assertTrue(name.getMessage().contains("'../x y'"), name.getMessage());
    assertFalse(Files.exists(run.resolve("x y")));
  }

  private void write(int injector, long at) {
    AtomicFiles.write(barrier(injector, 4).folder().resolve("injector-" + injector), "" + at);
  }
}
