package org.port8000.perf.config;

import static org.port8000.perf.config.SettingsRegistry.*;

import java.time.Duration;
import java.util.List;

/**
 * Parameters of the operation benchmark ({@code benchmark.*}): phase lengths, rates and the bounds
 * of each capacity ramp. Every ramp is bounded in count (its list or maximum) and time.
 *
 * @param warmUp closed-loop warm-up of every operation before anything is measured
 * @param idle nothing runs: the target's idle CPU
 * @param latency the measured latency phase
 * @param latencyPerSecond open arrival rate per operation in the latency phase
 * @param apiSteps rising API call rates (calls/s, a mix of the read operations)
 * @param apiStep length of each API step
 * @param connectionLevels rising counts of idle WebSocket connections; the last is the bound
 * @param connectionHold how long each level is held while the probe connection chats
 * @param churnRates rising connect → message → close rates (connections/s)
 * @param churnStep length of each churn step
 * @param churnCoolDown wait after the churn ramp and after each churn round before the server's
 *     memory and open files are read
 * @param churnRounds rounds of churn at one fixed rate after the ramp, each followed by a cool-down
 *     and a reading; memory kept per connection is the slope over these readings
 * @param churnRoundConnections connect → message → close cycles in each round
 * @param churnRoundRate the fixed rate of every round (connections/s)
 * @param botsMax the most bots launched one by one
 * @param busy how long 5 bots are kept busy for the CPU reading
 * @param busyTasksPerSecond tasks each busy bot answers per second (a fixed pace, so a faster
 *     server is not made to do more work than a slower one)
 * @param capacityLatencyFactor a capacity step stays responsive while each timed request's p95 is
 *     at most this many times its p95 at the ramp's lowest step (or within {@code
 *     capacityLatencyAddMs} of it, whichever is looser)
 * @param capacityLatencyAddMs see {@code capacityLatencyFactor}
 */
public record BenchmarkSettings(
    Duration warmUp,
    Duration idle,
    Duration latency,
    int latencyPerSecond,
    List<Integer> apiSteps,
    Duration apiStep,
    List<Integer> connectionLevels,
    Duration connectionHold,
    List<Integer> churnRates,
    Duration churnStep,
    Duration churnCoolDown,
    int churnRounds,
    int churnRoundConnections,
    int churnRoundRate,
    int botsMax,
    Duration busy,
    int busyTasksPerSecond,
    double capacityLatencyFactor,
    int capacityLatencyAddMs) {

  /** The seed's "CPU with 5 bots": the busy-bots reading always uses this many. */
  public static final int BUSY_BOTS = 5;

  /** The benchmark's settings of the registry; every profile sets each of them. */
  static BenchmarkSettings of(Settings s) {
    return new BenchmarkSettings(
        s.get(BENCH_WARM_UP),
        s.get(BENCH_IDLE),
        s.get(BENCH_LATENCY),
        s.get(BENCH_LATENCY_RATE),
        s.get(BENCH_API_STEPS),
        s.get(BENCH_API_STEP),
        s.get(BENCH_CONNECTION_LEVELS),
        s.get(BENCH_CONNECTION_HOLD),
        s.get(BENCH_CHURN_RATES),
        s.get(BENCH_CHURN_STEP),
        s.get(BENCH_CHURN_COOL_DOWN),
        s.get(BENCH_CHURN_ROUNDS),
        s.get(BENCH_CHURN_ROUND_CONNECTIONS),
        s.get(BENCH_CHURN_ROUND_RATE),
        s.get(BENCH_BOTS_MAX),
        s.get(BENCH_BUSY),
        s.get(BENCH_BUSY_TASK_RATE),
        s.get(BENCH_CAPACITY_LATENCY_FACTOR),
        s.get(BENCH_CAPACITY_LATENCY_ADD_MS));
  }

  public BenchmarkSettings {
    apiSteps = List.copyOf(apiSteps);
    connectionLevels = List.copyOf(connectionLevels);
    churnRates = List.copyOf(churnRates);
  }

  /**
   * How long one churn round takes to open its connections at its rate, in whole seconds (at least
   * 1): in this suite's runs with Gatling 3.15 a 500 ms ramp injected no user at all.
   */
  public Duration churnRound() {
    return Duration.ofSeconds(
        Math.max(1, (churnRoundConnections + churnRoundRate - 1) / churnRoundRate));
  }

  /** Seconds every phase may take at most, before reply timeouts; for maxDuration. */
  public Duration plannedLength() {
    return warmUp
        .plus(idle)
        .plus(latency)
        .plus(apiStep.multipliedBy(apiSteps.size()))
        .plus(connectionHold.plusSeconds(2).multipliedBy(connectionLevels.size()))
        .plus(churnStep.multipliedBy(churnRates.size() + 1))
        .plus(churnCoolDown)
        .plus(churnRound().plus(churnCoolDown).multipliedBy(churnRounds))
        .plus(busy);
  }
}
