package org.port8000.perf.analysis;

import java.util.List;

/**
 * A line chart the report step renders as SVG beside the reports and links from its section.
 *
 * @param fileName e.g. {@code memory-trend-heartbeat.svg}
 * @param xLabel e.g. "seconds since start"
 * @param yLabel e.g. "resident memory (MB)"
 * @param points the measured series, in x order
 * @param markers named moments (checkpoints) drawn as vertical lines
 */
public record Chart(
    String fileName,
    String title,
    String xLabel,
    String yLabel,
    List<Point> points,
    List<Marker> markers) {

  public Chart {
    points = List.copyOf(points);
    markers = List.copyOf(markers);
  }

  public record Point(double x, double y) {}

  public record Marker(double x, String label) {}
}
