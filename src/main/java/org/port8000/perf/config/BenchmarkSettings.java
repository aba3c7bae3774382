package org.port8000.perf.config;

import java.time.Duration;
import java.util.List;

/**
 * Parameters of the operation benchmark ({@code benchmark.*}): phase lengths, rates and the
 * bounds of each capacity ramp. Every ramp is bounded in count (its list or maximum) and time.
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
 * @param churnRounds rounds of churn at one fixed rate after the ramp, each followed by a
 *     cool-down and a reading; memory kept per connection is the slope over these readings
 * @param churnRoundConnections connect → message → close cycles in each round
 * @param churnRoundRate the fixed rate of every round (connections/s)
 * @param botsMax the most bots launched one by one
 * @param busy how long 5 bots are kept busy for the CPU reading
 * @param busyTasksPerSecond tasks each busy bot answers per second (a fixed pace, so a faster
 *     server is not made to do more work than a slower one)
 */
public record BenchmarkSettings(Duration warmUp, Duration idle, Duration latency,
    int latencyPerSecond, List<Integer> apiSteps, Duration apiStep,
    List<Integer> connectionLevels, Duration connectionHold, List<Integer> churnRates,
    Duration churnStep, Duration churnCoolDown, int churnRounds, int churnRoundConnections,
    int churnRoundRate, int botsMax, Duration busy,
    int busyTasksPerSecond, double capacityLatencyFactor, int capacityLatencyAddMs) {

  /** The seed's "CPU with 5 bots": the busy-bots reading always uses this many. */
  public static final int BUSY_BOTS = 5;

  /** Reads {@code benchmark.*}; every profile sets each of them, so none has a default. */
  static BenchmarkSettings read(PropertyReader r) {
    return new BenchmarkSettings(
        Duration.ofSeconds(r.requiredInt("benchmark.warmUpSeconds", 1, 600)),
        Duration.ofSeconds(r.requiredInt("benchmark.idleSeconds", 1, 600)),
        Duration.ofSeconds(r.requiredInt("benchmark.latencySeconds", 1, 3_600)),
        r.requiredInt("benchmark.latencyPerSecond", 1, 100),
        r.risingInts("benchmark.api.steps", 1, 20_000),
        Duration.ofSeconds(r.requiredInt("benchmark.api.stepSeconds", 1, 600)),
        r.risingInts("benchmark.connections.levels", 1, 20_000),
        Duration.ofSeconds(r.requiredInt("benchmark.connections.holdSeconds", 1, 600)),
        r.risingInts("benchmark.churn.rates", 1, 5_000),
        Duration.ofSeconds(r.requiredInt("benchmark.churn.stepSeconds", 1, 600)),
        Duration.ofSeconds(r.requiredInt("benchmark.churn.coolDownSeconds", 1, 600)),
        // three readings after the first round make the smallest slope with an interval
        r.requiredInt("benchmark.churn.rounds", 3, 20),
        r.requiredInt("benchmark.churn.roundConnections", 1, 20_000),
        r.requiredInt("benchmark.churn.roundRate", 1, 5_000),
        r.requiredInt("benchmark.bots.max", BUSY_BOTS, 190),
        Duration.ofSeconds(r.requiredInt("benchmark.busySeconds", 1, 600)),
        r.requiredInt("benchmark.busyTasksPerSecond", 1, 100),
        r.requiredDouble("benchmark.capacity.latencyFactor", 1, 100),
        r.requiredInt("benchmark.capacity.latencyAddMs", 0, 60_000));
  }

  public BenchmarkSettings {
    apiSteps = List.copyOf(apiSteps);
    connectionLevels = List.copyOf(connectionLevels);
    churnRates = List.copyOf(churnRates);
  }

  /**
   * How long one churn round takes to open its connections at its rate, in whole seconds (at
   * least 1): in this suite's runs with Gatling 3.15 a 500 ms ramp injected no user at all.
   */
  public Duration churnRound() {
    return Duration.ofSeconds(Math.max(1,
        (churnRoundConnections + churnRoundRate - 1) / churnRoundRate));
  }

  /** Seconds every phase may take at most, before reply timeouts; for maxDuration. */
  public Duration plannedLength() {
    return warmUp.plus(idle).plus(latency)
        .plus(apiStep.multipliedBy(apiSteps.size()))
        .plus(connectionHold.plusSeconds(2).multipliedBy(connectionLevels.size()))
        .plus(churnStep.multipliedBy(churnRates.size() + 1)).plus(churnCoolDown)
        .plus(churnRound().plus(churnCoolDown).multipliedBy(churnRounds))
        .plus(busy);
  }
}
