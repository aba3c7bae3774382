package org.port8000.perf.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Summary of measured durations in ms. Percentiles are nearest-rank (the p95 of 20 values is the
 * 19th smallest), so every figure is one that was really measured.
 */
public record Distribution(int count, double min, double p50, double p95, double max, double mean) {

  public static Distribution of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    double sum = 0;
    for (double v : sorted) {
      sum += v;
    }
    return new Distribution(
        sorted.size(),
        sorted.get(0),
        rank(sorted, 50),
        rank(sorted, 95),
        sorted.get(sorted.size() - 1),
        sum / sorted.size());
  }

  public static double rank(List<Double> sorted, double percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
