package org.port8000.perf.analysis;

import java.util.Arrays;

/**
 * The Theil–Sen estimator: the median of the slopes between every pair of points. Up to about 29 %
 * of the points can be wild (a GC spike, a heap resize) without moving it, unlike least squares,
 * which is why the memory trend uses it. {@link #estimate} adds Sen's distribution-free 95 %
 * confidence interval: the pairwise slopes ranked, cut where Kendall's S statistic would be
 * significant. A memory series is autocorrelated (a JVM's resident memory moves in steps), so the
 * interval is narrower than the truth; the baseline comparison therefore also asks for a minimum
 * practical change before it calls a leak rate different.
 */
public final class TheilSen {
  /** Above this many points, every {@code stride}-th is used so the pair count stays bounded. */
  static final int MAX_POINTS = 2000;

  /** z for a two-sided 95 % interval. */
  static final double Z_95 = 1.959963984540054;

  private TheilSen() {}

  /** A slope with its 95 % interval, over {@code points} points. */
  public record Estimate(double slope, double lower, double upper, int points) {}

  /** The slope with Sen's 95 % interval; null with fewer than three pairwise slopes. */
  public static Estimate estimate(double[] x, double[] y) {
    double[] s = sortedPairwiseSlopes(x, y);
    int k = s.length;
    if (k < 3) {
      return null;
    }
    int n = pointsUsed(x.length);
    double median = medianOfSorted(s);
    double varS = n * (n - 1.0) * (2.0 * n + 5.0) / 18.0;
    double c = Z_95 * Math.sqrt(varS);
    int lo = (int) Math.floor((k - c) / 2.0);
    int hi = (int) Math.ceil((k + c) / 2.0);
    return new Estimate(
        median, s[Math.max(0, Math.min(k - 1, lo))], s[Math.max(0, Math.min(k - 1, hi))], n);
  }

  /** The slope of y over x; NaN with fewer than two distinct x values. */
  public static double slope(double[] x, double[] y) {
    double[] s = sortedPairwiseSlopes(x, y);
    return s.length == 0 ? Double.NaN : medianOfSorted(s);
  }

  /** The median of sorted, non-empty values (the mean of the middle two for an even count). */
  public static double medianOfSorted(double[] s) {
    int k = s.length;
    return k % 2 == 1 ? s[k / 2] : (s[k / 2 - 1] + s[k / 2]) / 2.0;
  }

  /** How many points the pairwise slopes use: every stride-th, at most {@link #MAX_POINTS}. */
  public static int pointsUsed(int length) {
    int stride = stride(length);
    return (length + stride - 1) / stride;
  }

  /** The slopes of every pair of used points with distinct x, sorted. */
  public static double[] sortedPairwiseSlopes(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x and y differ in length");
    }
    int stride = stride(x.length);
    int n = pointsUsed(x.length);
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
    double[] s = Arrays.copyOf(slopes, k);
    Arrays.sort(s);
    return s;
  }

  private static int stride(int length) {
    return Math.max(1, (length + MAX_POINTS - 1) / MAX_POINTS);
  }
}
