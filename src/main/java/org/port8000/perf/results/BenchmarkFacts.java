package org.port8000.perf.results;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the operation benchmark wrote about its run ({@code probe-benchmark.json}): the parameters
 * it used, each capacity step as the simulation saw it (load generator CPU, achieved rate, the
 * server's own connection count, whether the ramp stopped there), the churn rounds at one fixed
 * rate, the bot ramp, and labelled readings of the target process (memory, open files, disk bytes),
 * one after each churn round's cool-down among them. Latency figures come from Gatling's log; the
 * server's memory and CPU series from {@code probe-resources.json}.
 *
 * @param churnRounds the churn rounds after the ramp, each as a step at the fixed round rate
 * @param processSource where the process readings came from, or why there are none
 */
public record BenchmarkFacts(
    Parameters parameters,
    List<Step> apiSteps,
    List<Step> connectionSteps,
    List<Step> churnSteps,
    List<Step> churnRounds,
    Bots bots,
    boolean processMeasured,
    String processSource,
    List<Snapshot> snapshots) {

  public static final String PROBE = "benchmark";

  /** Sampler checkpoints the simulation marks (server memory, and CPU windows between them). */
  public static final String IDLE_START = "idle start";

  public static final String IDLE_END = "idle end";
  public static final String BUSY_START = "busy start";
  public static final String BUSY_END = "busy end";

  /** Process snapshot labels. */
  public static final String RUN_START = "benchmark start";

  public static final String RUN_END = "benchmark end";
  public static final String CHURN_BASELINE = "churn baseline";

  /** After the last churn round's cool-down: open files are compared with the baseline. */
  public static final String CHURN_AFTER = "churn after cool-down";

  /** The reading after churn round {@code round} (from 1) and its cool-down. */
  public static String churnRoundLabel(int round) {
    return "churn round " + round;
  }

  public static String botsCheckpoint(int bots) {
    return "bots " + bots;
  }

  public BenchmarkFacts {
    apiSteps = List.copyOf(apiSteps);
    connectionSteps = List.copyOf(connectionSteps);
    churnSteps = List.copyOf(churnSteps);
    churnRounds = churnRounds == null ? List.of() : List.copyOf(churnRounds);
    snapshots = snapshots == null ? List.of() : List.copyOf(snapshots);
  }

  public Optional<Snapshot> snapshot(String label) {
    return snapshots.stream().filter(s -> s.label().equals(label)).findFirst();
  }

  /** The parameters the run used (read once by the simulation). */
  public record Parameters(
      String profile,
      long warmUpSeconds,
      long idleSeconds,
      long latencySeconds,
      int latencyPerSecond,
      List<Integer> apiSteps,
      long apiStepSeconds,
      List<Integer> connectionLevels,
      long connectionHoldSeconds,
      List<Integer> churnRates,
      long churnStepSeconds,
      long churnCoolDownSeconds,
      int churnRounds,
      int churnRoundConnections,
      int churnRoundRate,
      int botsMax,
      int busyBots,
      long busySeconds,
      int busyTasksPerSecond,
      long replyTimeoutMs,
      double capacityLatencyFactor,
      int capacityLatencyAddMs) {}

  /**
   * One capacity step as the simulation saw it.
   *
   * @param level offered rate (calls/s, connections/s) or connection count
   * @param planned users the step injects
   * @param ok users whose requests all succeeded
   * @param failed users with a failed request (error, timeout, {@code success:false})
   * @param achievedPerSecond ok users over the step's real span; null when nothing completed
   * @param generatorCpuPercent CPU this load generator used during the step, in % of all cores;
   *     null when the JVM cannot tell
   * @param serverConnections the target's own count of open WebSocket connections at the end of a
   *     connection level ({@code /api/health}); null elsewhere or when unreadable
   * @param skipped true when an earlier step broke, so this one sent no load
   * @param stopReason why the simulation stopped the ramp after this step; null if it went on
   * @param p95Ms each timed request kind's p95 in this step (ms, successful requests, timed by the
   *     simulation: the data its stop rule judged), e.g. {@code probe} → 110
   */
  public record Step(
      String name,
      int level,
      int planned,
      long ok,
      long failed,
      Double achievedPerSecond,
      Double generatorCpuPercent,
      Integer serverConnections,
      boolean skipped,
      String stopReason,
      Map<String, Integer> p95Ms) {

    public Step {
      p95Ms = p95Ms == null ? Map.of() : Map.copyOf(p95Ms);
    }
  }

  /**
   * The bot ramp: bots launched one by one, each answering a task, until the bound or the first
   * failure; then all stopped.
   *
   * @param running how many ran at once (launched and answered)
   * @param firstFailure what failed first, or null when the bound was reached
   * @param stopped how many of them were stopped again afterwards
   */
  public record Bots(int max, int running, String firstFailure, int stopped) {}

  /**
   * One reading of the target's process tree (OSHI): summed over the target process and its
   * descendants.
   *
   * @param t epoch milliseconds by MonotonicClock (never stepped or slewed mid-run)
   * @param openFiles open file descriptors (sockets included); -1 when unknown
   * @param bytesRead bytes the process tree read from storage since the first reading
   * @param bytesWritten bytes the process tree wrote to storage since the first reading
   */
  public record Snapshot(
      String label, long t, long rssBytes, long openFiles, long bytesRead, long bytesWritten) {}
}
