package org.port8000.perf.baseline;

import java.util.List;

/**
 * The "Compared with baseline" section as the templates show it: every text already formatted.
 *
 * @param headline which baseline, or why there is none / why it was refused
 * @param rows one per compared metric; empty when nothing was compared
 * @param notes what was not compared and why, and the gate
 * @param charts the trend charts of the last runs, as links relative to the report
 */
public record BaselineView(
    String headline, List<Row> rows, List<String> notes, List<ChartLink> charts) {

  public BaselineView {
    rows = List.copyOf(rows);
    notes = List.copyOf(notes);
    charts = List.copyOf(charts);
  }

  /** One table row: metric, baseline, now, change in %, verdict, and its reason. */
  public record Row(
      String metric, String baseline, String now, String change, String verdict, String reason) {}

  public record ChartLink(String label, String href) {}
}
