package org.port8000.perf.simulations.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.port8000.perf.config.BenchmarkSettings;
import org.port8000.perf.config.InjectorShare;
import org.port8000.perf.config.Settings;
import org.port8000.perf.results.BenchmarkFacts;

class BenchmarkPlanTest {
  private static final BenchmarkSettings SETTINGS =
      new BenchmarkSettings(
          Duration.ofSeconds(5),
          Duration.ofSeconds(3),
          Duration.ofSeconds(10),
          2,
          List.of(10, 40),
          Duration.ofSeconds(3),
          List.of(100, 301),
          Duration.ofSeconds(2),
          List.of(5, 21),
          Duration.ofSeconds(3),
          Duration.ofSeconds(2),
          2,
          50,
          25,
          9,
          Duration.ofSeconds(4),
          2,
          1.5,
          20);

  private static BenchmarkPlan plan(int index, int count) {
    Properties p = new Properties();
    p.setProperty("target.url", "http://127.0.0.1:8000");
    p.setProperty("injector.index", String.valueOf(index));
    p.setProperty("injector.count", String.valueOf(count));
    p.setProperty("injector.runId", "r1");
    InjectorShare share = InjectorShare.of(Settings.load(p), Map.of());
    return new BenchmarkPlan(SETTINGS, Duration.ofSeconds(2), share);
  }

  @Test
  void oneInjectorRunsTheSettingsAsTheyAre() {
    BenchmarkPlan one = plan(0, 1);
    assertEquals(2 * 10 * 9, one.latencyUsers(9));
    assertEquals(2, one.warmUpUsers());
    assertEquals(30, one.apiUsers(10));
    assertEquals(63, one.churnUsers(21));
    assertEquals(20, one.churnWarmUpUsers());
    assertEquals(50, one.roundUsers());
    assertEquals(201, one.levelUsers(201));
    assertEquals(9, one.botsMax());
    assertEquals(1, one.firstBot());
    assertTrue(one.runsOnce());
  }

  @Test
  void injectorOneOfTwoGetsHalfTheConnectionsAndTheBotsFromTheMiddle() {
    BenchmarkPlan first = plan(0, 2);
    BenchmarkPlan second = plan(1, 2);
    // the odd one goes to the first injector; the two halves make the whole
    assertEquals(101, first.levelUsers(201));
    assertEquals(100, second.levelUsers(201));
    assertEquals(25, second.roundUsers());
    assertEquals(15, second.apiUsers(10));
    assertEquals(31, second.churnUsers(21));
    assertEquals(63, first.churnUsers(21) + second.churnUsers(21));
    assertEquals(90, second.latencyUsers(9));
    // bots 1..5 on the first, 6..9 on the second: no id launched twice
    assertEquals(5, first.botsMax());
    assertEquals(4, second.botsMax());
    assertEquals(1, first.firstBot());
    assertEquals(first.firstBot() + first.botsMax(), second.firstBot());
    // what runs once (busy bots, the target's sampling) runs on the first only
    assertTrue(first.runsOnce());
    assertFalse(second.runsOnce());
    // every injector warms its own JVM
    assertEquals(1, second.warmUpUsers());
  }

  @Test
  void everyInjectorBoundsTheRunAlikeAndRecordsTheSettingsNotItsShare() {
    Duration one = plan(0, 1).maxDuration();
    assertEquals(one, plan(1, 3).maxDuration());
    // planned phases, a reply timeout for 6 phases + 2 api + 2 churn steps + 2 rounds,
    // 400 ms per bot, 60 s and 301 / 500 = 0 s of opening connections
    Duration expected =
        SETTINGS
            .plannedLength()
            .plus(Duration.ofSeconds(2 * 12))
            .plus(Duration.ofMillis(400 * 9))
            .plus(Duration.ofSeconds(60));
    assertEquals(expected, one);
    BenchmarkFacts.Parameters p = plan(1, 2).parameters("smoke");
    assertEquals(9, p.botsMax());
    assertEquals(List.of(100, 301), p.connectionLevels());
    assertEquals(2000, p.replyTimeoutMs());
    assertEquals("smoke", p.profile());
  }

  @Test
  void aLevelOpensAtMostFiveHundredConnectionsASecond() {
    assertEquals(Duration.ofSeconds(1), BenchmarkPlan.connectRamp(1));
    assertEquals(Duration.ofSeconds(1), BenchmarkPlan.connectRamp(500));
    assertEquals(Duration.ofSeconds(2), BenchmarkPlan.connectRamp(501));
  }
}
