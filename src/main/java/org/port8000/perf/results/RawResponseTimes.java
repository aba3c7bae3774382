package org.port8000.perf.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every OK response time of every request name in a run's {@code simulation.log}, in the order they
 * were written. Gatling's own reader keeps only aggregates (percentiles, counts), and the baseline
 * comparison needs the raw samples: they are the OK samples of {@link GatlingLog}, the one decoder
 * of the log's records (whose test checks its counts against {@link GatlingLogReader}'s), so a
 * Gatling version that changes the layout fails there, not here silently.
 */
public final class RawResponseTimes {
  private RawResponseTimes() {}

  /** OK response times in ms by request name. */
  public static Map<String, List<Integer>> read(Path runFolder) {
    Map<String, List<Integer>> times = new LinkedHashMap<>();
    for (GatlingLog.Sample s : GatlingLog.read(runFolder).samples()) {
      if (s.ok()) {
        times.computeIfAbsent(s.name(), n -> new ArrayList<>()).add(s.duration());
      }
    }
    return times;
  }
}
