package org.port8000.perf.baseline;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a run leaves for later comparison ({@code run-snapshot.json} beside summary.json, and {@code
 * baseline.json} once promoted): who and what was measured, the key figures, and the raw samples
 * the statistics need.
 *
 * @param suiteVersion the measurement method's version ({@link #SUITE_VERSION}); runs measured
 *     differently are not compared
 * @param target which target: {@code reference-server} or the target URL's host and port
 * @param parameters the measurement settings that shape the load (burst size, steps, …); runs with
 *     other parameters are not compared
 * @param runStartedAt when the first simulation of the run started (identifies the run)
 * @param commit the project's git commit, or null when not known
 * @param verdict the run's verdict against the assignment's targets
 * @param figures every measured check's value by metric id, as in summary.json
 * @param latenciesMs OK response times in ms by Gatling request name, for the compared requests
 * @param steps the throughput steps, in order; empty when the throughput area did not run
 * @param memory the leak soak's measured series; null when the memory area did not run
 */
public record RunSnapshot(
    String suiteVersion,
    String target,
    String profile,
    Map<String, String> parameters,
    Instant runStartedAt,
    String commit,
    String verdict,
    Map<String, Double> figures,
    Map<String, List<Integer>> latenciesMs,
    List<Step> steps,
    List<MemoryPoint> memory) {

  /** Raise when a change makes figures incomparable with earlier runs' (new method, new axis). */
  public static final String SUITE_VERSION = "1";

  public static final String FILE = "run-snapshot.json";

  public RunSnapshot {
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    figures = figures == null ? Map.of() : Map.copyOf(figures);
    latenciesMs = latenciesMs == null ? Map.of() : Map.copyOf(latenciesMs);
    steps = steps == null ? List.of() : List.copyOf(steps);
  }

  /**
   * One throughput step as it was judged.
   *
   * @param held ≥ 99.9 % of replies and p95 ≤ 200 ms
   */
  public record Step(
      String name, int planned, long replied, int p95Ms, double achievedPerSecond, boolean held) {}

  /** Messages sent so far in the leak soak's measured phase, and the target's memory then. */
  public record MemoryPoint(double messages, double rssBytes) {}
}
