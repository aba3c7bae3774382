package org.port8000.perf.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;

/**
 * This injector's part of a run that several injectors share ({@code injector.index} of {@code
 * injector.count}): its share of every phase's users and rates, the first id of its disjoint range,
 * whether it runs what must run once, and the shared start instant.
 */
public final class InjectorShare {
  public static final int MAX_INJECTORS = 1_000;

  /** Set by Kubernetes in each pod of an Indexed Job. */
  public static final String INDEX_ENV = "JOB_COMPLETION_INDEX";

  /** A start instant further back than this means the injectors would not start together. */
  public static final Duration LATE_TOLERANCE = Duration.ofSeconds(10);

  /** Waiting longer than this for the start is a mistake, not a plan. */
  public static final Duration MAX_WAIT = Duration.ofHours(1);

  private final int index;
  private final int count;
  private final String runId;
  private final OptionalLong startAt;

  InjectorShare(int index, int count, String runId, OptionalLong startAt) {
    this.index = index;
    this.count = count;
    this.runId = runId;
    this.startAt = startAt;
  }

  /**
   * The share of the injector these settings describe; {@code env} is the process environment
   * ({@link #INDEX_ENV} gives the index when {@code injector.index} is unset).
   */
  public static InjectorShare of(Settings settings, Map<String, String> env) {
    int count = settings.get(SettingsRegistry.INJECTOR_COUNT);
    int index;
    if (settings.get(SettingsRegistry.INJECTOR_INDEX).isPresent()) {
      index = settings.get(SettingsRegistry.INJECTOR_INDEX).getAsInt();
    } else {
      index = indexFromEnv(env.get(INDEX_ENV), count);
    }
    if (index >= count) {
      throw SettingsException.of(
          List.of(SettingsRegistry.INJECTOR_INDEX, SettingsRegistry.INJECTOR_COUNT),
          Map.of(
              SettingsRegistry.INJECTOR_INDEX.name(),
              String.valueOf(index),
              SettingsRegistry.INJECTOR_COUNT.name(),
              String.valueOf(count)),
          "name an injector that does not exist (indexes run from 0 to count - 1)");
    }
    String runId = settings.get(SettingsRegistry.INJECTOR_RUN_ID).orElseGet(() -> generated(count));
    return new InjectorShare(index, count, runId, settings.get(SettingsRegistry.INJECTOR_START_AT));
  }

  private static int indexFromEnv(String value, int count) {
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      int i = Integer.parseInt(value.trim());
      if (i >= 0 && i < count) {
        return i;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new SettingsException(
        "Environment variable "
            + INDEX_ENV
            + " is '"
            + value
            + "' and 'injector.count' is '"
            + count
            + "': expected a whole number from 0 to "
            + (count - 1)
            + ". Fix: -Dinjector.count=<the Job's completions>, or -Dinjector.index"
            + "=<value> to override the variable.");
  }

  // A lone injector needs no agreed id; several must be given one (Settings refuses it unset).
  private static String generated(int count) {
    return "run-"
        + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC)
            .format(Instant.now())
        + "-"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
  }

  public int index() {
    return index;
  }

  public int count() {
    return count;
  }

  public String runId() {
    return runId;
  }

  public OptionalLong startAt() {
    return startAt;
  }

  /**
   * Injector 0 runs what must run once: the browser probe, the footprint step, the target's
   * sampling.
   */
  public boolean isFirst() {
    return index == 0;
  }

  /** This injector's users of a phase of {@code total}; the remainder goes to the first ones. */
  public int users(int total) {
    return total / count + (index < total % count ? 1 : 0);
  }

  /** The first of this injector's {@link #users} ids, counting from 0: ranges are disjoint. */
  public int firstId(int total) {
    return index * (total / count) + Math.min(index, total % count);
  }

  /** This injector's share of an arrival rate (per second). */
  public double rate(double total) {
    return total / count;
  }

  /**
   * Waits until the shared start instant (returns at once without one). Refuses one that has passed
   * by more than {@link #LATE_TOLERANCE} (this injector would start late against the others) or
   * lies more than {@link #MAX_WAIT} ahead.
   */
  public void awaitStart() throws InterruptedException {
    awaitStart(Clock.systemUTC(), Thread::sleep);
  }

  /** Sleeps for a number of milliseconds. */
  interface Sleeper {
    void sleep(long ms) throws InterruptedException;
  }

  void awaitStart(Clock clock, Sleeper sleeper) throws InterruptedException {
    if (startAt.isEmpty()) {
      return;
    }
    long at = startAt.getAsLong();
    long wait = at - clock.millis();
    if (-wait > LATE_TOLERANCE.toMillis()) {
      throw new SettingsException(
          "Setting 'injector.startAt' is '"
              + at
              + "' ("
              + Instant.ofEpochMilli(at)
              + "), "
              + (-wait / 1000)
              + " s ago: this injector would start"
              + " after the others. Fix: -Dinjector.startAt=<epoch ms a little ahead of every"
              + " injector's start>, e.g. $(( $(date +%s%3N) + 60000 )) for one minute from now.");
    }
    if (wait > MAX_WAIT.toMillis()) {
      throw new SettingsException(
          "Setting 'injector.startAt' is '"
              + at
              + "' ("
              + Instant.ofEpochMilli(at)
              + "), "
              + (wait / 1000)
              + " s ahead: more than "
              + MAX_WAIT.toMinutes()
              + " minutes of waiting. Fix: -Dinjector.startAt=<epoch ms"
              + " within the next hour>.");
    }
    while (wait > 0) {
      sleeper.sleep(Math.min(wait, 1_000));
      wait = at - clock.millis();
    }
  }

  @Override
  public String toString() {
    return "injector " + index + " of " + count + " (run " + runId + ")";
  }
}
