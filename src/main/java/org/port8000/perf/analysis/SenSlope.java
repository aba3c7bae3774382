package org.port8000.perf.analysis;

/**
 * The Theil–Sen slope (the median of pairwise slopes, as the leak verdict uses) with Sen's
 * distribution-free 95 % confidence interval: the pairwise slopes ranked, cut where Kendall's S
 * statistic would be significant. The memory series is autocorrelated (a JVM's resident memory
 * moves in steps), so the interval is narrower than the truth; the comparison therefore also
 * asks for a minimum practical change before it calls a leak rate different. The operation
 * benchmark's churn judges its memory per connection with it too.
 */
public final class SenSlope {
  /** z for a two-sided 95 % interval. */
  static final double Z_95 = 1.959963984540054;

  private SenSlope() {}

  public record Estimate(double slope, double lower, double upper, int points) {}

  /** Null with fewer than three distinct x values. */
  public static Estimate of(double[] x, double[] y) {
    double[] s = TheilSen.sortedPairwiseSlopes(x, y);
    int k = s.length;
    if (k < 3) {
      return null;
    }
    int n = TheilSen.pointsUsed(x.length);
    double median = TheilSen.medianOfSorted(s);
    double varS = n * (n - 1.0) * (2.0 * n + 5.0) / 18.0;
    double c = Z_95 * Math.sqrt(varS);
    int lo = (int) Math.floor((k - c) / 2.0);
    int hi = (int) Math.ceil((k + c) / 2.0);
    return new Estimate(median, s[Math.max(0, Math.min(k - 1, lo))],
        s[Math.max(0, Math.min(k - 1, hi))], n);
  }
}
