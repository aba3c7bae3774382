package org.port8000.perf.analysis;

import java.util.List;

/** The analyzer of each area, in the assignment's order. */
public final class Analyzers {
  private Analyzers() {}

  public static List<AreaAnalyzer> all() {
    // One line per area; an area without an analyzer reports "not run".
    return List.of(
        new ThroughputAnalyzer(), new HeartbeatAnalyzer(), new UiAnalyzer(), new MemoryAnalyzer());
  }
}
