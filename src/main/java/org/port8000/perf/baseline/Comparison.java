package org.port8000.perf.baseline;

/**
 * One metric compared with the baseline.
 *
 * @param metric dotted id, e.g. {@code message.burst.latency.p95}
 * @param label how the report names it, e.g. "Burst latency p95"
 * @param higherIsWorse true for latencies and leak rates, false for throughput
 * @param baseline the baseline's figure; null when it has none
 * @param now this run's figure; null when it has none
 * @param changePercent (now − baseline) ÷ baseline in %, null when not defined
 * @param reason the evidence behind the verdict, in one sentence
 */
public record Comparison(String metric, String label, String unit, boolean higherIsWorse,
    Double baseline, Double now, Double changePercent, Change change, String reason) {

  static Double percent(Double baseline, Double now) {
    if (baseline == null || now == null || baseline == 0) {
      return null;
    }
    return (now - baseline) / Math.abs(baseline) * 100.0;
  }
}
