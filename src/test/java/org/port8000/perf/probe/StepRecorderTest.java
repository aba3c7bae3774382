package org.port8000.perf.probe;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.port8000.perf.analysis.CapacityRule;
import org.port8000.perf.results.BenchmarkFacts.Step;

/** The capacity ramps' stop rule inside the simulation. */
class StepRecorderTest {
  private static final CapacityRule RULE = new CapacityRule(0.999, 2, 100);

  @Test
  void aSlowButSteadyTargetHoldsEveryStep() {
    StepRecorder r = new StepRecorder(RULE::why);
    r.plan("a", 10, 2);
    r.plan("b", 20, 2);
    for (String step : List.of("a", "b")) {
      for (int i = 0; i < 2; i++) {
        assertTrue(r.begin(step));
        r.latency(step, "probe", 110);
        r.done(step, true);
      }
    }
    assertTrue(r.judgeNow("b"), "110 ms at every level is slow, not a capacity limit");
    List<Step> steps = r.result();
    assertEquals(110, steps.get(1).p95Ms().get("probe"));
    // the report applies the same rule to the same records and agrees
    assertNull(RULE.why(steps.get(1), steps.get(0)));
  }

  @Test
  void aStepThatHeldLetsTheNextRunAndABrokenOneStopsTheRest() {
    StepRecorder r = new StepRecorder(RULE::why);
    r.plan("a", 10, 2);
    r.plan("b", 20, 2);
    r.plan("c", 40, 2);
    for (String step : List.of("a", "b")) {
      for (int i = 0; i < 2; i++) {
        assertTrue(r.begin(step));
        r.latency(step, "op", step.equals("a") ? 5 : 150);
        r.done(step, true);
      }
    }
    // 150 ms is more than max(2 × 5, 5 + 100) ms: the target slowed down under b's load
    assertFalse(r.begin("c"), "b's p95 of 150 ms broke the ramp");
    List<Step> steps = r.result();
    assertNull(steps.get(0).stopReason());
    assertTrue(steps.get(1).stopReason().contains("op p95 150 ms"), steps.get(1).toString());
    assertTrue(steps.get(2).skipped());
  }

  @Test
  void aStepIsCutShortWhenMoreThanASecondsWorthIsUnanswered() {
    StepRecorder r = new StepRecorder(RULE::why);
    r.plan("fast", 25, 1000);
    int started = 0;
    while (r.begin("fast")) {
      started++;
      assertTrue(started < 1000, "never cut");
    }
    assertEquals(25, started - 1, "cut once more than 25 were outstanding");
    Step s = r.result().get(0);
    assertTrue(s.stopReason().contains("outstanding"), s.toString());
    assertTrue(r.broken());
  }

  @Test
  void failedUsersBeyondTheAllowedShareBreakTheStep() {
    StepRecorder r = new StepRecorder(new CapacityRule(1.0, 2, 100)::why);
    r.plan("conn 10", 10, 10);
    for (int i = 0; i < 10; i++) {
      assertTrue(r.begin("conn 10"));
      r.done("conn 10", i != 3);
    }
    assertFalse(r.judgeNow("conn 10"));
    assertTrue(r.result().get(0).stopReason().contains("9 of 10"), r.result().toString());
  }
}
