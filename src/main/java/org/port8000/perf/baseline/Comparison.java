package org.port8000.perf.baseline;

/**
 * One metric compared with the baseline.
 *
 * @param metric dotted id, e.g. {@code message.burst.latency.median}
 * @param label how the report names it, e.g. "Burst latency, median"
 * @param baseline the baseline's figure; null when it has none
 * @param now this run's figure; null when it has none
 * @param changePercent the change in % of the baseline's figure (for latencies the median shift of
 *     all pairs, see {@link BaselineComparator}); null when not defined
 * @param reason the evidence behind the verdict, in one sentence
 */
public record Comparison(
    String metric,
    String label,
    String unit,
    Double baseline,
    Double now,
    Double changePercent,
    Change change,
    String reason) {

  /** A metric that could not be compared, and why. */
  static Comparison notCompared(
      String metric, String label, String unit, Double baseline, Double now, String reason) {
    return new Comparison(metric, label, unit, baseline, now, null, Change.NOT_COMPARED, reason);
  }

  static Double percent(Double baseline, Double now) {
    if (baseline == null || now == null || baseline == 0) {
      return null;
    }
    return (now - baseline) / Math.abs(baseline) * 100.0;
  }
}
