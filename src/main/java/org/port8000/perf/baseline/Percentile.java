package org.port8000.perf.baseline;

import java.util.Arrays;

/** Nearest-rank percentiles of a raw sample. */
final class Percentile {
  private Percentile() {}

  static double of(double[] values, double percentile) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    double[] s = values.clone();
    Arrays.sort(s);
    int rank = (int) Math.ceil(percentile / 100.0 * s.length);
    return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
  }
}
