package org.port8000.perf.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.port8000.perf.results.RunFacts;

class RunVerdictTest {
  private static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");

  private static AreaResult area(Area a, Check check) {
    return new AreaResult(
        a,
        true,
        a.metric(),
        "x",
        a.target(),
        check.status(),
        List.of(),
        List.of(),
        List.of(check),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  private static List<AreaResult> all(Check check) {
    return List.of(Area.values()).stream().map(a -> area(a, check)).toList();
  }

  private static RunFacts meta(boolean full, boolean embedded) {
    return new RunFacts(
        "S",
        full ? "assignment" : "smoke",
        full,
        "http://127.0.0.1:8000",
        embedded,
        1L,
        AT,
        AT,
        true,
        List.of(),
        null);
  }

  private static final Check PASSING = new Threshold("<=", 2, "ms").check("x", 1);
  private static final Check FAILING = new Threshold("<=", 2, "ms").check("x", 3);

  @Test
  void aFullPassingRunOfARealTargetIsReadyAndDoesNotFailTheBuild() {
    RunVerdict v =
        RunVerdict.judge(
            all(PASSING),
            BenchmarkResult.notRun(),
            List.of(meta(true, false)),
            "assignment",
            true,
            Optional.empty());
    assertEquals(Verdict.PASS, v.overall());
    assertTrue(v.ready() && v.allComplete() && !v.selfCheck());
    assertFalse(v.failsBuild());
    assertEquals("", v.failCause());
  }

  @Test
  void theEmbeddedReferenceServerPassesAsASelfCheckThatSignsNothingOff() {
    RunVerdict v =
        RunVerdict.judge(
            all(PASSING),
            BenchmarkResult.notRun(),
            List.of(meta(true, true)),
            "assignment",
            true,
            Optional.empty());
    assertEquals(Verdict.PASS, v.overall());
    assertFalse(v.ready());
    assertTrue(v.signOff().startsWith(RunVerdict.SELF_CHECK), v.signOff());
  }

  @Test
  void aMissedTargetFailsTheRunAndTheBuildNamingTheCount() {
    RunVerdict v =
        RunVerdict.judge(
            all(FAILING),
            BenchmarkResult.notRun(),
            List.of(meta(true, false)),
            "assignment",
            true,
            Optional.empty());
    assertEquals(Verdict.FAIL, v.overall());
    assertTrue(v.failsBuild());
    assertEquals("Performance targets missed", v.failCause());
    assertEquals("4 targets missed.", v.readyReason());
  }

  @Test
  void anUnmeasuredCheckIsIncompleteAndFailsTheBuildNamingTheMetric() {
    Check unmeasured = Check.notMeasured("memory.leak.rate", "MB", "< 1", "no pid");
    List<AreaResult> areas =
        List.of(
            area(Area.THROUGHPUT, PASSING),
            area(Area.WEBSOCKET, PASSING),
            area(Area.UI, PASSING),
            area(Area.MEMORY, unmeasured));
    RunVerdict v =
        RunVerdict.judge(
            areas,
            BenchmarkResult.notRun(),
            List.of(meta(false, true)),
            "smoke",
            false,
            Optional.empty());
    assertEquals(Verdict.INCOMPLETE, v.overall());
    assertFalse(v.allComplete());
    assertTrue(v.failsBuild());
    assertTrue(
        v.failCause().startsWith("Measurements failed (" + unmeasured.metric()), v.failCause());
  }

  @Test
  void aGatingRegressionFailsARunWhoseTargetsPassed() {
    RunVerdict v =
        RunVerdict.judge(
            all(PASSING),
            BenchmarkResult.notRun(),
            List.of(meta(false, true)),
            "smoke",
            false,
            Optional.of("Regression against the baseline"));
    assertEquals(Verdict.PASS, v.targets());
    assertEquals(Verdict.FAIL, v.overall());
    assertTrue(v.failsBuild());
    assertEquals("Regression against the baseline", v.failCause());
  }

  @Test
  void aBenchmarkThatCouldNotMeasureFailsTheBuildPointingAtTheBenchmarkReport() {
    RunVerdict v =
        RunVerdict.judge(
            all(PASSING),
            BenchmarkResult.targetDown("refused"),
            List.of(meta(false, true)),
            "smoke",
            false,
            Optional.empty());
    // targetDown() did not run: the four areas' verdict stands and nothing gates
    assertFalse(v.failsBuild());
    BenchmarkResult ranBadly =
        new BenchmarkResult(
            true,
            Status.FAIL,
            "h",
            "",
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(FAILING));
    RunVerdict w =
        RunVerdict.judge(
            all(PASSING), ranBadly, List.of(meta(false, true)), "smoke", false, Optional.empty());
    assertTrue(w.failsBuild());
    assertEquals(RunVerdict.Evidence.BENCHMARK, w.failEvidence());
    assertTrue(w.failCause().startsWith("Operation benchmark targets missed"), w.failCause());
  }
}
