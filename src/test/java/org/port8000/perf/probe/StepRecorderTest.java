package org.port8000.perf.probe;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.port8000.perf.results.BenchmarkFacts.Step;

/** The capacity ramps' stop rule inside the simulation. */
class StepRecorderTest {

  @Test
  void aStepThatHeldLetsTheNextRunAndABrokenOneStopsTheRest() {
    StepRecorder r = new StepRecorder(0.999);
    r.plan("a", 10, 2);
    r.plan("b", 20, 2);
    r.plan("c", 40, 2);
    r.target("a", "op", 100);
    r.target("b", "op", 100);
    for (String step : List.of("a", "b")) {
      for (int i = 0; i < 2; i++) {
        assertTrue(r.begin(step));
        r.latency(step, "op", step.equals("a") ? 5 : 150);
        r.done(step, true);
      }
    }
    assertFalse(r.begin("c"), "b's p95 of 150 ms broke the ramp");
    List<Step> steps = r.result();
    assertNull(steps.get(0).stopReason());
    assertTrue(steps.get(1).stopReason().contains("op p95 150 ms"), steps.get(1).toString());
    assertTrue(steps.get(2).skipped());
  }

  @Test
  void aStepIsCutShortWhenMoreThanASecondsWorthIsUnanswered() {
    StepRecorder r = new StepRecorder(0.999);
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
    StepRecorder r = new StepRecorder(1.0);
    r.plan("conn 10", 10, 10);
    for (int i = 0; i < 10; i++) {
      assertTrue(r.begin("conn 10"));
      r.done("conn 10", i != 3);
    }
    assertFalse(r.judgeNow("conn 10"));
    assertTrue(r.result().get(0).stopReason().contains("9 of 10"), r.result().toString());
  }
}
