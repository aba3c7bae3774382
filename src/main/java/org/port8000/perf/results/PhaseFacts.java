package org.port8000.perf.results;

import java.util.Arrays;
import java.util.List;

/**
 * The message-timings probe's file ({@code probe-timings.json}): each phase of a message run (the
 * bursts, each throughput step) with every message's outcome as the probe matched it. Written while
 * the run goes on, so a run that dies keeps the phases that completed.
 */
public record PhaseFacts(List<Phase> phases) {

  public static final String PROBE = "timings";

  public PhaseFacts {
    phases = List.copyOf(phases);
  }

  /**
   * One phase. Times are epoch milliseconds; 0 when nothing happened.
   *
   * @param connections the connections the phase's messages shared (1 for the one-client burst, one
   *     per message for the many-client burst)
   * @param replied messages answered by a {@code response} that is not an error reply
   * @param errorFrames messages answered by an {@code error} frame (failed)
   * @param errorReplies messages answered by a {@code response} matching the error pattern
   * @param timedOut messages with no answer within the reply timeout
   * @param lateSends sends more than 50 ms behind their schedule (their delay is counted in their
   *     latency, which runs from when they were due)
   * @param latency due time → final {@code response}, of the answered messages; null when none
   * @param firstToken due time → first {@code stream} frame; null when the target sent none
   * @param perMessageMs each message's latency in send order, -1 when it was not answered; kept for
   *     the one-client burst only, else null
   * @param generatorCpuPercent CPU this load generator used during the phase, as a share of all the
   *     machine's cores; null when the JVM cannot tell
   * @param generatorCpuSeconds the same in CPU seconds
   * @param machineCpuPercent the whole machine's CPU (generator, a local target, everything else)
   *     during the phase; null when not measured
   * @param grewTo the connections the phase held by its end: {@code connections} plus those it
   *     opened because every connection of a client still waited for a reply (0 in files written
   *     before pools grew: read as {@code connections})
   * @param connectionBound the most connections the phase could hold; equal to {@code connections}
   *     for a phase that never grows (the bursts)
   * @param connectionBoundBy what set that bound, in words
   * @param queuedSends messages sent on a connection that still waited for a reply because the pool
   *     was at its bound (for the one-client burst: every message sent before the previous reply);
   *     their latency includes the generator's own queueing
   */
  public record Phase(
      String name,
      int planned,
      double offeredPerSecond,
      int connections,
      long sent,
      long replied,
      long errorFrames,
      long errorReplies,
      long timedOut,
      long lateSends,
      long maxSendLagMs,
      long firstSendMs,
      long lastReplyMs,
      Latency latency,
      Latency firstToken,
      List<Integer> perMessageMs,
      Double generatorCpuPercent,
      Double generatorCpuSeconds,
      Double machineCpuPercent,
      int grewTo,
      int connectionBound,
      String connectionBoundBy,
      long queuedSends) {

    /** The connections held by the end of the phase, never fewer than it started with. */
    public int connectionsAtEnd() {
      return Math.max(connections, grewTo);
    }

    /** The pool reached its bound: some messages may have queued behind replies. */
    public boolean atBound() {
      return connectionBound > connections && connectionsAtEnd() >= connectionBound;
    }

    /** Replies per second over first send → last reply; 0 when there is no span. */
    public double achievedPerSecond() {
      long span = lastReplyMs - firstSendMs;
      return replied > 0 && span > 0 ? replied * 1000.0 / span : 0.0;
    }

    /** Messages that failed: error frames, error replies and timeouts. */
    public long failed() {
      return errorFrames + errorReplies + timedOut;
    }
  }

  /** Latencies in ms; percentiles are nearest-rank, so each is a measured value. */
  public record Latency(int count, int min, int mean, int p50, int p95, int p99, int max) {

    /** Null when there are no values. */
    public static Latency of(int[] values) {
      if (values.length == 0) {
        return null;
      }
      int[] v = values.clone();
      Arrays.sort(v);
      long sum = 0;
      for (int x : v) {
        sum += x;
      }
      return new Latency(
          v.length,
          v[0],
          (int) Math.round((double) sum / v.length),
          rank(v, 50),
          rank(v, 95),
          rank(v, 99),
          v[v.length - 1]);
    }

    private static int rank(int[] sorted, double percentile) {
      int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
  }
}
