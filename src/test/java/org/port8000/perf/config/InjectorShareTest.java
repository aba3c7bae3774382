package org.port8000.perf.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class InjectorShareTest {

  // Several injectors must share a target: every case names one unless it says otherwise.
  private static Settings settings(String... keyValues) {
    Properties p = new Properties();
    p.setProperty("target.url", "http://127.0.0.1:8000");
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      p.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return Settings.load(p);
  }

  @Test
  void sharesSumToTheTotalAndTheirIdsAreDisjointAndContiguous() {
    for (int count = 1; count <= 12; count++) {
      for (int total : new int[] {0, 1, 2, 3, 7, 10, 11, 99, 100, 101, 1000, 1001}) {
        int sum = 0;
        int nextId = 0;
        for (int index = 0; index < count; index++) {
          InjectorShare s = new InjectorShare(index, count, "r", OptionalLong.empty());
          int users = s.users(total);
          // Shares differ by at most one user: nobody gets twice the load of another.
          assertTrue(users == total / count || users == total / count + 1);
          assertEquals(
              nextId, s.firstId(total), "first id of " + index + "/" + count + " for " + total);
          nextId += users;
          sum += users;
        }
        assertEquals(total, sum, "users of " + count + " injectors for " + total);
        assertEquals(total, nextId);
      }
    }
  }

  @Test
  void ratesSumToTheTotal() {
    for (int count = 1; count <= 7; count++) {
      double sum = 0;
      for (int index = 0; index < count; index++) {
        sum += new InjectorShare(index, count, "r", OptionalLong.empty()).rate(25);
      }
      assertEquals(25, sum, 1e-9);
    }
  }

  @Test
  void theIndexComesFromTheIndexedJobWhenNotSet() {
    Settings s = settings("injector.count", "3", "injector.runId", "r1");
    InjectorShare share = InjectorShare.of(s, Map.of(InjectorShare.INDEX_ENV, "2"));
    assertEquals(2, share.index());
    assertFalse(share.isFirst());
    assertEquals("r1", share.runId());
    // -Dinjector.index wins over the variable.
    Settings explicit =
        settings("injector.count", "3", "injector.runId", "r1", "injector.index", "1");
    assertEquals(1, InjectorShare.of(explicit, Map.of(InjectorShare.INDEX_ENV, "2")).index());
    assertTrue(InjectorShare.of(settings(), Map.of()).isFirst());
  }

  @Test
  void anIndexOutsideTheCountIsRefusedNamingBoth() {
    SettingsException e =
        assertThrows(
            SettingsException.class,
            () -> settings("injector.count", "2", "injector.index", "2", "injector.runId", "r1"));
    assertTrue(
        e.getMessage().contains("'injector.index' is '2' and 'injector.count' is '2'"),
        e.getMessage());
    Settings s = settings("injector.count", "2", "injector.runId", "r1");
    SettingsException env =
        assertThrows(
            SettingsException.class,
            () -> InjectorShare.of(s, Map.of(InjectorShare.INDEX_ENV, "5")));
    assertTrue(env.getMessage().contains("JOB_COMPLETION_INDEX is '5'"), env.getMessage());
  }

  @Test
  void severalInjectorsNeedAGivenRunIdAndIdsAreChecked() {
    SettingsException e =
        assertThrows(SettingsException.class, () -> settings("injector.count", "2"));
    assertTrue(e.getMessage().contains("'injector.runId' is ''"), e.getMessage());
    SettingsException bad =
        assertThrows(SettingsException.class, () -> settings("injector.runId", "Run 1"));
    assertTrue(bad.getMessage().contains("Setting 'injector.runId' is 'Run 1'"), bad.getMessage());
    String generated = InjectorShare.of(settings(), Map.of()).runId();
    assertTrue(generated.matches("run-\\d{8}-\\d{6}-[0-9a-f]{4}"), generated);
  }

  @Test
  void severalInjectorsWithoutASharedTargetAreRefusedNamingBoth() {
    Properties p = new Properties();
    p.setProperty("injector.count", "2");
    p.setProperty("injector.runId", "r1");
    SettingsException e = assertThrows(SettingsException.class, () -> Settings.load(p));
    assertTrue(e.getMessage().contains("'injector.count' is '2'"), e.getMessage());
    assertTrue(e.getMessage().contains("'target.url' is ''"), e.getMessage());
    assertTrue(e.getMessage().contains("-Dtarget.url"), e.getMessage());
  }

  @Test
  void startAtInSecondsIsRefused() {
    SettingsException e =
        assertThrows(SettingsException.class, () -> settings("injector.startAt", "1767225600"));
    assertTrue(
        e.getMessage().contains("Setting 'injector.startAt' is '1767225600'"), e.getMessage());
  }

  @Test
  void awaitStartSleepsUntilTheInstantAndRefusesOneLongPastOrFarAhead() throws Exception {
    long now = 1_800_000_000_000L;
    long[] clock = {now};
    List<Long> sleeps = new ArrayList<>();
    Clock fake =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId z) {
            return this;
          }

          @Override
          public Instant instant() {
            return Instant.ofEpochMilli(clock[0]);
          }
        };
    InjectorShare.Sleeper sleeper =
        ms -> {
          sleeps.add(ms);
          clock[0] += ms;
        };
    new InjectorShare(0, 2, "r", OptionalLong.of(now + 2_500)).awaitStart(fake, sleeper);
    assertEquals(List.of(1_000L, 1_000L, 500L), sleeps);
    assertEquals(now + 2_500, clock[0]);

    sleeps.clear();
    // A little late (within the tolerance) starts at once.
    new InjectorShare(0, 2, "r", OptionalLong.of(clock[0] - 3_000)).awaitStart(fake, sleeper);
    assertEquals(List.of(), sleeps);

    SettingsException late =
        assertThrows(
            SettingsException.class,
            () ->
                new InjectorShare(1, 2, "r", OptionalLong.of(clock[0] - 60_000))
                    .awaitStart(fake, sleeper));
    assertTrue(late.getMessage().contains("60 s ago"), late.getMessage());
    SettingsException far =
        assertThrows(
            SettingsException.class,
            () ->
                new InjectorShare(1, 2, "r", OptionalLong.of(clock[0] + 2 * 3_600_000L))
                    .awaitStart(fake, sleeper));
    assertTrue(far.getMessage().contains("7200 s ahead"), far.getMessage());
    assertEquals(List.of(), sleeps);
  }
}
