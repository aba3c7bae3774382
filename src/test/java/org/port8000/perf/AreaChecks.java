package org.port8000.perf;

import org.port8000.perf.analysis.AreaResult;
import org.port8000.perf.analysis.Check;

/** Finds a section's check by metric name; fails the test naming the checks there are. */
public final class AreaChecks {
  private AreaChecks() {}

  public static Check check(AreaResult area, String metric) {
    return area.checks().stream()
        .filter(c -> c.metric().equals(metric))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + metric + " in " + area.checks()));
  }
}
