package org.port8000.perf.simulations.benchmark;

import java.time.Duration;
import java.util.List;
import org.port8000.perf.analysis.CapacityRule;
import org.port8000.perf.config.BenchmarkSettings;
import org.port8000.perf.config.InjectorShare;
import org.port8000.perf.results.BenchmarkFacts;

/**
 * The benchmark's settings as this injector runs them: its share of every phase's users (a rate's
 * share as the users it injects over the phase, so the shares sum to the whole), its own range of
 * ramp bot numbers, and how long the whole run may take. With one injector every figure is the
 * setting itself. Phase names and levels stay the run's totals: every injector logs the same
 * request names, and a connection level is judged by the server's count of all connections.
 */
public final class BenchmarkPlan {
  /** Connection levels open at most this many connections per second (over all injectors). */
  static final int CONNECTS_PER_SECOND = 500;

  /** Concurrent users of the closed-loop warm-up. */
  private static final int WARM_UP_USERS = 2;

  /** The churn warm-up runs at least this many connections. */
  private static final int CHURN_WARM_UP_MIN = 20;

  /** Phases that may each wait one reply timeout besides the ramps' steps and rounds. */
  private static final int UNTIMED_PHASES = 6;

  /** What one bot of the bot ramp may take to launch and answer its task. */
  private static final Duration PER_BOT = Duration.ofMillis(400);

  /** Set-up, finish and the pauses between phases. */
  private static final Duration SLACK = Duration.ofSeconds(60);

  public final BenchmarkSettings settings;
  public final Duration replyTimeout;
  public final InjectorShare injector;

  public BenchmarkPlan(BenchmarkSettings settings, Duration replyTimeout, InjectorShare injector) {
    this.settings = settings;
    this.replyTimeout = replyTimeout;
    this.injector = injector;
  }

  /** This injector's users of the latency phase, {@code branches} operations round-robin. */
  public int latencyUsers(int branches) {
    return injector.users(
        (int) (settings.latencyPerSecond() * settings.latency().toSeconds()) * branches);
  }

  /** Every injector warms its own JVM and connection pool: at least one warm-up user each. */
  public int warmUpUsers() {
    return Math.max(1, injector.users(WARM_UP_USERS));
  }

  /** This injector's users of the API step at {@code rate} calls/s (all injectors). */
  public int apiUsers(int rate) {
    return injector.users((int) (rate * settings.apiStep().toSeconds()));
  }

  /** This injector's users of the churn step at {@code rate} connections/s (all injectors). */
  public int churnUsers(int rate) {
    return injector.users((int) (rate * settings.churnStep().toSeconds()));
  }

  public int churnWarmUpUsers() {
    return injector.users(Math.max(CHURN_WARM_UP_MIN, settings.churnRates().get(0)));
  }

  /** This injector's connections of each churn round. */
  public int roundUsers() {
    return injector.users(settings.churnRoundConnections());
  }

  /** This injector's part of the {@code added} connections a level opens. */
  public int levelUsers(int added) {
    return injector.users(added);
  }

  /** How long a level takes to open its {@code added} connections (all injectors together). */
  public static Duration connectRamp(int added) {
    return Duration.ofSeconds(Math.max(1, (added + CONNECTS_PER_SECOND - 1) / CONNECTS_PER_SECOND));
  }

  /** The most bots this injector launches in the bot ramp. */
  public int botsMax() {
    return injector.users(settings.botsMax());
  }

  /** The number of this injector's first ramp bot (from 1): the ranges are disjoint. */
  public int firstBot() {
    return injector.firstId(settings.botsMax()) + 1;
  }

  /** The busy bots and the target's resource sampling run once, on the first injector. */
  public boolean runsOnce() {
    return injector.isFirst();
  }

  /** The API and churn ramps' stop rule: the report's, with this run's latency tolerance. */
  CapacityRule mostUsersRule() {
    return CapacityRule.mostUsers(
        settings.capacityLatencyFactor(), settings.capacityLatencyAddMs());
  }

  /** The connection levels' stop rule: every connection must open. */
  CapacityRule everyUserRule() {
    return CapacityRule.everyUser(
        settings.capacityLatencyFactor(), settings.capacityLatencyAddMs());
  }

  /** The whole run at most: every phase's length, a reply timeout per step, the bots, slack. */
  public Duration maxDuration() {
    BenchmarkSettings p = settings;
    List<Integer> levels = p.connectionLevels();
    int timedOut = UNTIMED_PHASES + p.apiSteps().size() + p.churnRates().size() + p.churnRounds();
    return p.plannedLength()
        .plus(replyTimeout.multipliedBy(timedOut))
        .plus(PER_BOT.multipliedBy(p.botsMax()))
        .plus(SLACK)
        .plusSeconds(levels.get(levels.size() - 1) / CONNECTS_PER_SECOND);
  }

  /** The run's parameters as the probe file records them (the settings, not the shares). */
  public BenchmarkFacts.Parameters parameters(String profile) {
    BenchmarkSettings p = settings;
    return new BenchmarkFacts.Parameters(
        profile,
        p.warmUp().toSeconds(),
        p.idle().toSeconds(),
        p.latency().toSeconds(),
        p.latencyPerSecond(),
        p.apiSteps(),
        p.apiStep().toSeconds(),
        p.connectionLevels(),
        p.connectionHold().toSeconds(),
        p.churnRates(),
        p.churnStep().toSeconds(),
        p.churnCoolDown().toSeconds(),
        p.churnRounds(),
        p.churnRoundConnections(),
        p.churnRoundRate(),
        p.botsMax(),
        BenchmarkSettings.BUSY_BOTS,
        p.busy().toSeconds(),
        p.busyTasksPerSecond(),
        replyTimeout.toMillis(),
        p.capacityLatencyFactor(),
        p.capacityLatencyAddMs());
  }
}
