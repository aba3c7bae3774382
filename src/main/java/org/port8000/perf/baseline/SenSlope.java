package org.port8000.perf.baseline;

import java.util.Arrays;

/**
 * The Theil–Sen slope (the median of pairwise slopes, as the leak verdict uses) with Sen's
 * distribution-free 95 % confidence interval: the pairwise slopes ranked, cut where Kendall's S
 * statistic would be significant. The memory series is autocorrelated (a JVM's resident memory
 * moves in steps), so the interval is narrower than the truth; the comparison therefore also
 * asks for a minimum practical change before it calls a leak rate different.
 */
public final class SenSlope {
  /** Above this many points, every {@code stride}-th is used so the pair count stays bounded. */
  static final int MAX_POINTS = 2000;

  private SenSlope() {}

  public record Estimate(double slope, double lower, double upper, int points) {}

  /** Null with fewer than three distinct x values. */
  public static Estimate of(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x and y differ in length");
    }
    int stride = Math.max(1, (x.length + MAX_POINTS - 1) / MAX_POINTS);
    int n = (x.length + stride - 1) / stride;
    double[] slopes = new double[Math.max(0, n * (n - 1) / 2)];
    int k = 0;
    for (int i = 0; i < x.length; i += stride) {
      for (int j = i + stride; j < x.length; j += stride) {
        double dx = x[j] - x[i];
        if (dx != 0) {
          slopes[k++] = (y[j] - y[i]) / dx;
        }
      }
    }
    if (k < 3) {
      return null;
    }
    double[] s = Arrays.copyOf(slopes, k);
    Arrays.sort(s);
    double median = k % 2 == 1 ? s[k / 2] : (s[k / 2 - 1] + s[k / 2]) / 2.0;
    double varS = n * (n - 1.0) * (2.0 * n + 5.0) / 18.0;
    double c = Normal.Z_95 * Math.sqrt(varS);
    int lo = (int) Math.floor((k - c) / 2.0);
    int hi = (int) Math.ceil((k + c) / 2.0);
    return new Estimate(median, s[Math.max(0, Math.min(k - 1, lo))],
        s[Math.max(0, Math.min(k - 1, hi))], n);
  }
}
