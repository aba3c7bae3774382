package org.port8000.perf.baseline;

import java.util.Arrays;

/** The median of a raw sample. */
final class Percentile {
  private Percentile() {}

  /** The middle value, or the mean of the two middle values. */
  static double median(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    double[] s = values.clone();
    Arrays.sort(s);
    int k = s.length;
    return k % 2 == 1 ? s[k / 2] : (s[k / 2 - 1] + s[k / 2]) / 2.0;
  }
}
