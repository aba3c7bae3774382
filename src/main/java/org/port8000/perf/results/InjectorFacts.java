package org.port8000.perf.results;

import java.time.Instant;

/**
 * Which injector produced a run folder ({@code probe-injector.json}), written by each injector of a
 * run so the merge can check that the folders belong together and say how each injector fared. CPU
 * figures are null when the JVM or the machine could not tell.
 *
 * @param startAt the shared start instant the injector waited for (epoch ms); null when none
 * @param processCpuSeconds CPU this injector's JVM used from before the load to after it
 * @param processCpuPercent the same as a share of all the machine's cores over that time
 * @param machineCpuPercent the whole machine's CPU over that time (the injector, a local target and
 *     everything else)
 */
public record InjectorFacts(
    String runId,
    int index,
    int count,
    String host,
    String simulation,
    String gatlingVersion,
    Long startAt,
    Instant startedAt,
    Instant endedAt,
    int cores,
    Double processCpuSeconds,
    Double processCpuPercent,
    Double machineCpuPercent) {

  public static final String PROBE = "injector";

  /** An injector whose machine or JVM was this busy may have held back its own load. */
  public static final double SATURATED_PERCENT = 90;

  /** True or false when CPU was measured; null when neither figure was. */
  public Boolean saturated() {
    if (processCpuPercent == null && machineCpuPercent == null) {
      return null;
    }
    return (processCpuPercent != null && processCpuPercent >= SATURATED_PERCENT)
        || (machineCpuPercent != null && machineCpuPercent >= SATURATED_PERCENT);
  }
}
