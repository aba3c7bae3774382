package org.port8000.perf.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.port8000.perf.analysis.Chart;

/** Trend charts of the headline figures over the last runs of one target and profile. */
final class Trends {
  private Trends() {}

  static List<Chart> of(List<History.Line> runs) {
    List<Chart> charts = new ArrayList<>();
    for (Map.Entry<String, String[]> h : History.HEADLINES.entrySet()) {
      if (!History.CHARTED.contains(h.getKey())) {
        continue;
      }
      List<Chart.Point> points = new ArrayList<>();
      for (int i = 0; i < runs.size(); i++) {
        Double v = runs.get(i).figures().get(h.getKey());
        if (v != null) {
          points.add(new Chart.Point(i + 1, v));
        }
      }
      if (points.size() >= 2) {
        charts.add(
            new Chart(
                "trend-" + h.getKey().replace('.', '-') + ".svg",
                h.getValue()[0] + ", last " + runs.size() + " runs",
                "run (oldest → this run)",
                h.getValue()[0] + " (" + h.getValue()[1] + ")",
                points,
                List.of()));
      }
    }
    return charts;
  }
}
