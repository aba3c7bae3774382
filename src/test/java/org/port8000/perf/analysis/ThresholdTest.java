package org.port8000.perf.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How a figure known only within an interval is judged against a target. */
class ThresholdTest {
  private final Threshold under = new Threshold("<=", 32, "KB");
  private final Threshold over = new Threshold(">=", 99, "%");

  @Test
  void anIntervalWhollyInsideTheTargetPassesAndWhollyOutsideFails() {
    assertEquals(Status.PASS, under.judgeInterval(4, 32));
    assertEquals(Status.FAIL, under.judgeInterval(33, 80));
    assertEquals(Status.PASS, over.judgeInterval(99, 100));
    assertEquals(Status.FAIL, over.judgeInterval(90, 98));
  }

  @Test
  void anIntervalThatStraddlesTheLimitCannotTell() {
    assertEquals(Status.NOT_MEASURED, under.judgeInterval(20, 40));
    assertEquals(Status.NOT_MEASURED, over.judgeInterval(98, 100));
  }
}
