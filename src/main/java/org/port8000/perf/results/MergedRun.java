package org.port8000.perf.results;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One simulation's runs on every injector, pooled: request figures recomputed from all the
 * injectors' samples (percentiles from the raw times, never averaged), on a time line that starts
 * at the earliest injector's start.
 *
 * @param requests per request name: OK and KO summed, times over the pooled OK samples
 * @param requestsPerSecond all requests of all injectors over the merged window
 * @param windowMs from the earliest injector's first request to the latest one's last end
 * @param injectors one row per injector, by index
 */
public record MergedRun(
    String runId,
    String simulationClass,
    Instant start,
    Map<String, RequestStats> requests,
    double requestsPerSecond,
    long windowMs,
    List<Injector> injectors) {

  public MergedRun {
    requests = Map.copyOf(requests);
    injectors = List.copyOf(injectors);
  }

  /**
   * One injector's part, measured from its own log and facts.
   *
   * @param startOffsetMs its run's start after the earliest injector's
   * @param usersStarted users its log records as started
   * @param ok OK requests; {@code ko} failed ones
   * @param requestsPerSecond its requests over its own active window
   */
  public record Injector(
      InjectorRun run,
      long startOffsetMs,
      int usersStarted,
      long ok,
      long ko,
      double requestsPerSecond) {
    public InjectorFacts facts() {
      return run.facts();
    }
  }

  public String simulationName() {
    return simulationClass.substring(simulationClass.lastIndexOf('.') + 1);
  }
}
