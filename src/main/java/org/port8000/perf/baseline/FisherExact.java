package org.port8000.perf.baseline;

/**
 * Fisher's exact test, one-sided, on a 2×2 table of lost and answered messages: is the share lost
 * now larger than in the baseline by more than chance? Exact, so it holds with the zero or few
 * losses a healthy target has, where a normal approximation does not.
 */
final class FisherExact {
  private FisherExact() {}

  /** P(at least {@code lostNow} of the losses fall in "now", given both totals). */
  static double pMoreLostNow(long lostBefore, long totalBefore, long lostNow, long totalNow) {
    int n = (int) (totalBefore + totalNow);
    int lost = (int) (lostBefore + lostNow);
    double[] logFact = new double[n + 1];
    for (int i = 1; i <= n; i++) {
      logFact[i] = logFact[i - 1] + Math.log(i);
    }
    double p = 0;
    for (long x = lostNow; x <= Math.min(lost, totalNow); x++) {
      // hypergeometric: choose x of the losses in "now" out of totalNow draws
      double log =
          logFact[lost]
              - logFact[(int) x]
              - logFact[(int) (lost - x)]
              + logFact[n - lost]
              - logFact[(int) (totalNow - x)]
              - logFact[(int) (n - lost - totalNow + x)]
              - (logFact[n] - logFact[(int) totalNow] - logFact[(int) (n - totalNow)]);
      p += Math.exp(log);
    }
    return Math.min(1.0, p);
  }
}
