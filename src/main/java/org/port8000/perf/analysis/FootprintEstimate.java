package org.port8000.perf.analysis;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Memory per idle connection from the footprint step's readings, judged with the readings' own
 * resolution: growth = median with the connections open − median of the quiet readings before;
 * noise = the larger spread of either set, at least one memory page (what a resident-memory reading
 * can tell apart). A growth inside the noise is below what the step can resolve: it bounds the cost
 * per connection by ± noise / N, and is never a figure of 0.
 *
 * @param connections idle connections open during the readings
 * @param growthBytes median open − median before
 * @param noiseBytes the readings' resolution (spread, at least {@link #PAGE_BYTES})
 */
record FootprintEstimate(int connections, long growthBytes, long noiseBytes) {
  /** Resident memory moves in pages: the finest step a reading can show. */
  static final long PAGE_BYTES = 4096;

  /** Empty when a set of readings is empty or no connection was open. */
  static Optional<FootprintEstimate> of(List<Long> before, List<Long> open, int connections) {
    if (before.isEmpty() || open.isEmpty() || connections <= 0) {
      return Optional.empty();
    }
    long noise = Math.max(PAGE_BYTES, Math.max(spread(before), spread(open)));
    return Optional.of(new FootprintEstimate(connections, median(open) - median(before), noise));
  }

  /** True when the growth stands out of the noise (either way). */
  boolean resolved() {
    return Math.abs(growthBytes) > noiseBytes;
  }

  double perConnectionBytes() {
    return growthBytes / (double) connections;
  }

  /** ± this many bytes per connection is what the step can resolve. */
  double resolutionBytes() {
    return noiseBytes / (double) connections;
  }

  /** "± 2.1 KB per connection with 200 connections". */
  String resolutionText() {
    return "± "
        + Format.number(resolutionBytes() / 1024)
        + " KB per connection with "
        + connections
        + " connections";
  }

  /** True when even the largest cost the noise could hide is under the target. */
  boolean boundMeets(Threshold target) {
    return target.met(resolutionBytes() / Format.MB);
  }

  private static long spread(List<Long> xs) {
    return Collections.max(xs) - Collections.min(xs);
  }

  private static long median(List<Long> xs) {
    return (long)
        TheilSen.medianOfSorted(xs.stream().mapToDouble(Long::doubleValue).sorted().toArray());
  }
}
