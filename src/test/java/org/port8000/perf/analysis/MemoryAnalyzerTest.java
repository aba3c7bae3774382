package org.port8000.perf.analysis;

import static org.junit.jupiter.api.Assertions.*;
import static org.port8000.perf.AreaChecks.check;
import static org.port8000.perf.analysis.AnalyzerFixtures.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.results.LeakFacts;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.ResourceFacts;

class MemoryAnalyzerTest {
  @TempDir Path folder;
  private final MemoryAnalyzer analyzer = new MemoryAnalyzer();

  private static final long WARM_UP_MS = 10_000;
  private static final long FRESH = 30 * MB;

  /**
   * 200 warm-up messages over 10 s, memory climbing steeply from 30 MB (a fresh process warming
   * up); then 100 messages over 20 s and 10 cycles of 1 s, memory = f(time since "initial").
   */
  private AreaResult analyze(
      java.util.function.LongUnaryOperator measured, boolean answered, Long lostAt) {
    return analyze(
        measured, answered, lostAt, new LeakFacts(100, 20, 10, true, 100, 10, 200, 10, 200, null));
  }

  private AreaResult analyze(
      java.util.function.LongUnaryOperator measured,
      boolean answered,
      Long lostAt,
      LeakFacts facts) {
    java.util.function.LongUnaryOperator memory =
        t ->
            t < WARM_UP_MS
                ? FRESH + (measured.applyAsLong(0) - FRESH) * t / WARM_UP_MS
                : measured.applyAsLong(t - WARM_UP_MS);
    meta(folder, answered);
    ProbeFiles.write(folder, LeakFacts.PROBE, facts);
    long w = WARM_UP_MS;
    List<ResourceFacts.Checkpoint> cps = new ArrayList<>();
    cps.add(cp(LeakFacts.FRESH_START, 0, memory.applyAsLong(0)));
    cps.add(cp(LeakFacts.INITIAL, w, memory.applyAsLong(w)));
    cps.add(cp(LeakFacts.afterMessagesLabel(100), w + 20_100, memory.applyAsLong(w + 20_100)));
    for (int c = 1; c <= 10; c++) {
      cps.add(
          cp(
              LeakFacts.afterCycleLabel(c),
              w + 20_100 + c * 1000L,
              memory.applyAsLong(w + 20_100 + c * 1000L)));
    }
    long end = lostAt == null ? w + 30_100 : lostAt - 100;
    List<ResourceFacts.Checkpoint> read =
        cps.stream()
            .map(c -> lostAt != null && c.t() >= lostAt ? cp(c.label(), c.t(), null) : c)
            .toList();
    ProbeFiles.write(folder, ResourceFacts.PROBE, samples(series(end, memory), read, lostAt));
    return analyzer.analyze(
        Optional.of(run(folder, "MemoryLeakSimulation", ok("message", 100, 0))));
  }

  @Test
  void noMessageAnsweredGivesNoLeakVerdictAndFailsTheWorkCheck() {
    AreaResult r =
        analyze(
            t -> 45 * MB, true, null, new LeakFacts(100, 20, 10, true, 0, 10, 200, 10, 0, null));
    assertEquals(Status.NOT_MEASURED, check(r, "memory.leak.rate").status());
    assertTrue(
        check(r, "memory.leak.rate")
            .note()
            .startsWith("none of the 100 messages was" + " answered"),
        check(r, "memory.leak.rate").note());
    assertEquals(Status.FAIL, check(r, "memory.leak.messagesAnswered").status());
    assertEquals(Status.FAIL, r.status(), "never 'Stable ✅' over work that was not done");
  }

  @Test
  void incompleteCyclesFailEvenWhenMemoryIsFlat() {
    AreaResult r =
        analyze(
            t -> 45 * MB, true, null, new LeakFacts(100, 20, 10, true, 100, 4, 200, 10, 200, null));
    assertEquals(Status.PASS, check(r, "memory.leak.rate").status());
    Check cycles = check(r, "memory.leak.cyclesCompleted");
    assertEquals(Status.FAIL, cycles.status());
    assertTrue(cycles.note().startsWith("6 of 10 connect/disconnect cycles failed"), cycles.note());
    assertEquals(Status.FAIL, r.status());
  }

  @Test
  void memoryGrowingWithEveryCycleIsALeakOfItsOwn() {
    // flat through the messages, then +3 MB per cycle (one each second after 20.1 s)
    AreaResult r = analyze(t -> 45 * MB + Math.max(0, (t - 20_100) / 1000) * 3 * MB, true, null);
    Check perCycle = check(r, "memory.leak.perCycle");
    assertEquals(Status.FAIL, perCycle.status(), perCycle.toString());
    assertEquals(3.0, perCycle.value(), 0.01);
    assertEquals(Status.FAIL, r.status());
    assertTrue(
        r.recommendations().stream()
            .anyMatch(x -> x.evidence().contains("per" + " connect/disconnect cycle")),
        r.recommendations().toString());
  }

  @Test
  void flatSawtoothIsStableWithTheAssignmentsBlock() {
    AreaResult r = analyze(t -> 45 * MB + (t % 4000) * MB / 1000, true, null);

    assertEquals("No leaks after 20 seconds", r.metric());
    assertEquals(Status.PASS, r.status());
    assertTrue(r.result().startsWith("Stable, peak +"), r.result());
    assertEquals(
        "Initial memory: 45 MB (after 200 warm-up messages; fresh start 30 MB)", r.block().get(0));
    assertTrue(r.block().get(1).startsWith("After 100 messages: "), r.block().get(1));
    assertTrue(r.block().get(1).contains("(delta: +"), r.block().get(1));
    assertTrue(r.block().get(2).startsWith("After 10 connect/disconnect cycles: "));
    assertTrue(r.block().get(3).startsWith("Trend: Stable (no leak detected"), r.block().get(3));
    assertEquals("Recommendation: Monitor in production", r.block().get(4));
    assertTrue(r.recommendations().isEmpty());
    Check leak = r.checks().get(0);
    assertEquals("memory.leak.rate", leak.metric());
    assertEquals(Status.PASS, leak.status());
    assertEquals(1, r.charts().size());
    assertTrue(leak.note().contains("after the warm-up messages"), leak.note());
    Detail warmUp =
        r.details().stream().filter(d -> d.label().equals("Warm-up")).findFirst().orElseThrow();
    assertTrue(
        warmUp
            .value()
            .startsWith(
                "200 chat messages over 10 seconds before the initial"
                    + " reading, 200 answered; memory 30 MB fresh → 45 MB initial (+15 MB)"),
        warmUp.value());
    Detail answered =
        r.details().stream()
            .filter(d -> d.label().equals("Messages answered"))
            .findFirst()
            .orElseThrow();
    assertEquals("100/100 over 20 seconds", answered.value());
  }

  @Test
  void aLeakSmallerThanTheOldLenientThresholdIsFlagged() {
    // 64 KiB per message at 5 messages/s: 62.5 MB per 1,000 messages, in the measured phase only
    AreaResult r =
        analyze(
            t -> 45 * MB + Math.min(t, 20_000) * 5 * 64 * 1024 / 1000 + (t % 4000) * MB / 4000,
            true,
            null);

    assertEquals(Status.FAIL, r.status(), r.result());
    // the sawtooth on top biases the slope a little; the verdict is what matters
    assertEquals(62.5, r.checks().get(0).value(), 8);
  }

  @Test
  void linearGrowthIsALeakWithTheCleanupRecommendationCitingTheRate() {
    // 256 KiB per message at 5 messages/s = 1.25 MiB/s during the message phase
    AreaResult r = analyze(t -> 45 * MB + Math.min(t, 20_000) * 5 * 256 * 1024 / 1000, true, null);

    assertEquals(Status.FAIL, r.status());
    assertTrue(r.result().startsWith("Leak: +250 MB per 1,000 messages"), r.result());
    assertTrue(
        r.block().get(3).startsWith("Trend: Growing — leak detected (+250 MB per 1,000"),
        r.block().get(3));
    assertEquals("Recommendation: " + MemoryAnalyzer.CLEANUP, r.block().get(4));
    Recommendation rec = r.recommendations().get(0);
    assertEquals(MemoryAnalyzer.CLEANUP, rec.action());
    assertTrue(rec.evidence().contains("+250 MB per 1,000 messages"), rec.evidence());
    assertEquals(250, r.checks().get(0).value(), 1);
  }

  @Test
  void aTargetThatDiedBeforeTheMessagesEndedGetsNoLeakVerdictButAFailedFinding() {
    AreaResult r = analyze(t -> 45 * MB, false, WARM_UP_MS + 5_000L);
    assertEquals(Status.FAIL, r.status(), "a dead target is a finding, not 'not measured'");
    assertEquals(Status.FAIL, check(r, "memory.target.answering").status());
    assertTrue(
        check(r, "memory.target.answering")
            .display()
            .contains("memory and leaks after" + " the run reached 'initial'"),
        check(r, "memory.target.answering").display());
    assertTrue(r.result().contains("target stopped answering"), r.result());
    assertEquals(Status.NOT_MEASURED, check(r, "memory.leak.rate").status());
    assertNull(check(r, "memory.leak.rate").value());
    assertTrue(
        r.notes().stream().anyMatch(n -> n.contains("lost the target")), r.notes().toString());
  }
}
