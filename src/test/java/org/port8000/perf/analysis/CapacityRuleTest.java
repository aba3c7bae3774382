package org.port8000.perf.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.port8000.perf.results.BenchmarkFacts.Step;

class CapacityRuleTest {
  private final CapacityRule rule = new CapacityRule(1.0, 2, 100);

  private static Step level(String name, int level, long ok, Integer counted, int chatP95) {
    return new Step(
        name,
        level,
        level,
        ok,
        level - ok,
        null,
        null,
        counted,
        false,
        null,
        Map.of("chat", chatP95));
  }

  @Test
  void theToleranceIsTheLooserOfTwiceAndPlus100Ms() {
    assertEquals(105, rule.limitMs(5));
    assertEquals(220, rule.limitMs(110));
  }

  @Test
  void aLevelBreaksOnAMissingConnectionTheServersCountOrASlowdownNeverOnSlowness() {
    Step lowest = level("conn 100", 100, 100, 101, 110);
    assertNull(rule.why(lowest, lowest), "the lowest level is its own baseline");
    assertNull(rule.why(level("conn 300", 300, 300, 301, 215), lowest));
    assertEquals(
        "299 of 300 succeeded (needs 100 %)",
        rule.why(level("conn 300", 300, 299, 301, 110), lowest));
    assertEquals(
        "the server counted 250 open connections",
        rule.why(level("conn 300", 300, 300, 250, 110), lowest));
    assertTrue(
        rule.why(level("conn 300", 300, 300, null, 221), lowest)
            .startsWith("chat p95 221 ms, more than the 220 ms its p95 of 110 ms at conn 100"));
  }
}
