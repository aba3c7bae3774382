package org.port8000.perf.baseline;

import java.util.Arrays;

/**
 * The Mann–Whitney U test on two independent samples (e.g. per-message latencies of the baseline
 * and of this run): does one tend to be larger than the other? Rank-based, so a few wild latencies
 * (a GC pause, a busy neighbour on a shared machine) move it little, unlike a t-test on means.
 * Normal approximation with tie correction and continuity correction; accurate from about eight
 * samples per side, which every compared request has.
 */
public final class MannWhitney {
  private MannWhitney() {}

  /**
   * @param u U of the second sample ("now"): how often a value of "now" beats one of "before"
   * @param z the standardised U; positive when "now" tends to be larger
   * @param pLarger one-sided p-value that "now" tends to be larger than "before"
   * @param pSmaller one-sided p-value that "now" tends to be smaller
   */
  public record Result(double u, double z, double pLarger, double pSmaller) {}

  /** Above this many values a side, the shift is estimated from evenly spaced order statistics. */
  static final int MAX_SHIFT_VALUES = 1000;

  /**
   * The Hodges–Lehmann estimate of how far "now" is shifted from "before": the median of all
   * differences now − before. It is the shift the U test tests, and like it robust to outliers.
   */
  public static double hodgesLehmann(double[] before, double[] now) {
    double[] b = thin(before);
    double[] n = thin(now);
    double[] d = new double[b.length * n.length];
    int k = 0;
    for (double x : b) {
      for (double y : n) {
        d[k++] = y - x;
      }
    }
    return Percentile.median(d);
  }

  private static double[] thin(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    if (s.length <= MAX_SHIFT_VALUES) {
      return s;
    }
    double[] out = new double[MAX_SHIFT_VALUES];
    for (int i = 0; i < out.length; i++) {
      out[i] = s[(int) ((i + 0.5) * s.length / out.length)];
    }
    return out;
  }

  public static Result test(double[] before, double[] now) {
    int n1 = before.length;
    int n2 = now.length;
    if (n1 == 0 || n2 == 0) {
      throw new IllegalArgumentException("both samples need values (" + n1 + ", " + n2 + ")");
    }
    int n = n1 + n2;
    double[][] all = new double[n][];
    for (int i = 0; i < n1; i++) {
      all[i] = new double[] {before[i], 0};
    }
    for (int i = 0; i < n2; i++) {
      all[n1 + i] = new double[] {now[i], 1};
    }
    Arrays.sort(all, (a, b) -> Double.compare(a[0], b[0]));
    double rankSumNow = 0;
    double tieTerm = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j + 1 < n && all[j + 1][0] == all[i][0]) {
        j++;
      }
      double rank = (i + j + 2) / 2.0; // ranks are 1-based; ties share the mean rank
      for (int k = i; k <= j; k++) {
        if (all[k][1] == 1) {
          rankSumNow += rank;
        }
      }
      double t = j - i + 1;
      tieTerm += t * t * t - t;
      i = j + 1;
    }
    double u = rankSumNow - n2 * (n2 + 1) / 2.0;
    double mean = n1 * (double) n2 / 2.0;
    double variance = n1 * (double) n2 / 12.0 * ((n + 1) - tieTerm / ((double) n * (n - 1)));
    if (variance <= 0) { // every value equal: no evidence either way
      return new Result(u, 0, 1, 1);
    }
    double sd = Math.sqrt(variance);
    double zLarger = (u - mean - 0.5) / sd;
    double zSmaller = (u - mean + 0.5) / sd;
    double z = (u - mean) / sd;
    return new Result(u, z, Normal.upperTail(zLarger), Normal.upperTail(-zSmaller));
  }
}
