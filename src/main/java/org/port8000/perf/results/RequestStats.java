package org.port8000.perf.results;

/**
 * Figures of one Gatling request name: counts of OK and KO, and the response-time statistics of the
 * OK responses in milliseconds (zero when there were none; check {@link #ok()} first).
 */
public record RequestStats(
    String name, long ok, long ko, int min, int max, int mean, int p50, int p95, int p99) {

  public long total() {
    return ok + ko;
  }
}
