package org.port8000.perf.analysis;

import static org.junit.jupiter.api.Assertions.*;
import static org.port8000.perf.AreaChecks.check;
import static org.port8000.perf.analysis.AnalyzerFixtures.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.results.LeakFacts;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.ResourceFacts;

/**
 * A merged leak run: injector 0's memory readings against the messages of both injectors. Two
 * injectors answer 100 messages each over 20 s (one every 100 ms each, the second 50 ms later); the
 * target's memory follows the messages of both. Injector 0 marks "after 100 messages" (its own
 * share) and its cycles 1 to 5, while injector 1 runs cycles 6 to 10 beside them.
 */
class MergedLeakVerdictTest {
  @TempDir Path folder;

  private static final long INITIAL = 5_000;
  private static final long END = 20_100;

  /** The answers of both injectors, ms after injector 0's "initial", ascending. */
  private static List<Long> answers() {
    List<Long> at = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      at.add(i * 200L - 100);
      at.add(i * 200L - 50);
    }
    at.sort(null);
    return at;
  }

  /** Each injector's cycle ends 1 s apart after the messages: two per second together. */
  private static List<Long> cycles() {
    List<Long> at = new ArrayList<>();
    for (int c = 1; c <= 5; c++) {
      at.add(END + c * 1000L - 10);
      at.add(END + c * 1000L - 20);
    }
    at.sort(null);
    return at;
  }

  private AreaResult analyze(long bytesPerMessage, long bytesPerCycle) {
    return analyze(bytesPerMessage, bytesPerCycle, 0, 0, 0);
  }

  /**
   * {@code warmUpBytes}: growth over the first {@code warmUpMs} after injector 0's "initial", while
   * another injector still warmed the target up; the merge's span starts at {@code fromMs}.
   */
  private AreaResult analyze(
      long bytesPerMessage, long bytesPerCycle, long warmUpMs, long warmUpBytes, long fromMs) {
    List<Long> answers = answers();
    List<Long> cycles = cycles();
    LongUnaryOperator memory =
        t -> {
          long since = t - INITIAL;
          long warmUp =
              warmUpMs == 0 ? 0 : warmUpBytes * Math.min(Math.max(0, since), warmUpMs) / warmUpMs;
          return 100 * MB
              + warmUp
              + bytesPerMessage * LeakSeries.answeredBy(answers, since)
              + bytesPerCycle * LeakSeries.answeredBy(cycles, since);
        };
    meta(folder, true);
    ProbeFiles.write(
        folder,
        LeakFacts.PROBE,
        new LeakFacts(
            200, 20, 10, false, 200, 10, 200, 5, 200, answers, 1L, cycles, 2, 100, 5, fromMs,
            20_000L));
    List<ResourceFacts.Checkpoint> cps = new ArrayList<>();
    cps.add(cp(LeakFacts.FRESH_START, 0, 90 * MB));
    cps.add(cp(LeakFacts.INITIAL, INITIAL, memory.applyAsLong(INITIAL)));
    long after = INITIAL + END;
    cps.add(cp(LeakFacts.afterMessagesLabel(100), after, memory.applyAsLong(after)));
    for (int c = 1; c <= 5; c++) {
      long t = after + c * 1000L;
      cps.add(cp(LeakFacts.afterCycleLabel(c), t, memory.applyAsLong(t)));
    }
    ProbeFiles.write(
        folder, ResourceFacts.PROBE, samples(series(after + 6_000, memory), cps, null));
    return new MemoryAnalyzer()
        .analyze(Optional.of(run(folder, "MemoryLeakSimulation", ok("message", 200, 0))));
  }

  @Test
  void judgesTheSlopePerMessageOfTheWholeFleet() {
    // 20 KiB per message of either injector: under the 32 KiB threshold. Counting injector 0's
    // messages alone would put 40 KiB on each and call it a leak.
    Check rate = check(analyze(20 * 1024, 0), "memory.leak.rate");

    assertEquals(Status.PASS, rate.status(), rate.toString());
    assertEquals(20 * 1000 / 1024.0, rate.value(), 0.5);
  }

  @Test
  void aLeakOfEveryMessageIsFoundAtItsRate() {
    Check rate = check(analyze(64 * 1024, 0), "memory.leak.rate");

    assertEquals(Status.FAIL, rate.status(), rate.toString());
    assertEquals(62.5, rate.value(), 1.0);
  }

  @Test
  void growthPerCycleCountsEveryInjectorsCycles() {
    // 0.75 MB per cycle of either injector: under the 1 MB limit; injector 0's five checkpoints
    // see two cycles each, so counting its own would say 1.5 MB per cycle
    AreaResult r = analyze(0, 768 * 1024);
    Check perCycle = check(r, "memory.leak.perCycle");

    assertEquals(Status.PASS, perCycle.status(), perCycle.toString());
    assertEquals(0.75, perCycle.value(), 0.01);
  }

  @Test
  void growthWhileAnotherInjectorStillWarmedTheTargetUpIsNotInTheTrend() {
    // 24 MB over the first 10 s: injector 1's warm-up on its instance, while injector 0 already
    // measured (about 100 messages answered by then: 240 KiB each if it were theirs)
    Check kept = check(analyze(0, 0, 10_000, 24 * MB, 10_000), "memory.leak.rate");
    Check mixed = check(analyze(0, 0, 10_000, 24 * MB, 0), "memory.leak.rate");

    assertEquals(Status.PASS, kept.status(), kept.toString());
    assertEquals(0, kept.value(), 0.5);
    assertEquals(Status.FAIL, mixed.status(), "the span is what keeps it out: " + mixed);
  }

  @Test
  void theMemoryBlockSaysWhoseReadingsTheyAre() {
    AreaResult r = analyze(0, 0);

    String block = String.join("\n", r.block());
    assertTrue(
        block.contains(
            "After 200 messages (injector 0's reading after its own 100 messages, when the 2"
                + " injectors had answered 200)"),
        block);
    assertTrue(
        block.contains(
            "After 10 connect/disconnect cycles (injector 0's reading after its own 5 cycles, when"
                + " the 2 injectors had completed 10)"),
        block);
  }
}
