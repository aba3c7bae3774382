package org.port8000.perf.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.port8000.perf.analysis.Chart;

/**
 * Renders a {@link Chart} as a standalone SVG line chart with JFreeChart and JFreeSVG. Checkpoints
 * are dashed vertical lines carrying a number; the legend below the plot says what each number is,
 * so labels never print over each other however close the checkpoints lie.
 */
public final class SvgChart {
  static final String NO_DATA = "no data measured";
  private static final int WIDTH = 800;
  private static final int PLOT_HEIGHT = 400;

  /** Room per legend line; the legend wraps, so each checkpoint gets at most one. */
  private static final int LEGEND_LINE = 18;

  /** Plot width in pixels, roughly (the frame minus the axes), for spacing the numbers. */
  private static final double PLOT_WIDTH_PX = WIDTH - 100;

  /** Height of one row of checkpoint numbers, and the plot area's height, roughly. */
  private static final int LABEL_ROW_PX = 14;

  private static final int PLOT_AREA_PX = PLOT_HEIGHT - 70;

  /** Two numbers closer than this go on different rows. */
  private static final double LABEL_GAP_PX = 26;

  private static final Color SERIES = new Color(0x20, 0x60, 0xc0);
  private static final Color MARKER = new Color(0xc0, 0x39, 0x2b);

  private SvgChart() {}

  public static String render(Chart chart) {
    XYSeries series = new XYSeries(chart.yLabel(), false, true);
    chart.points().forEach(p -> series.add(p.x(), p.y()));
    List<Integer> rows = labelRows(chart);
    int rowCount = rows.stream().mapToInt(r -> r + 1).max().orElse(0);
    XYPlot plot =
        new XYPlot(
            new XYSeriesCollection(series),
            xAxis(chart),
            yAxis(chart, rowCount),
            new XYLineAndShapeRenderer(true, false));
    plot.getRenderer().setSeriesPaint(0, SERIES);
    plot.getRenderer().setSeriesStroke(0, new BasicStroke(1.5f));
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xe5e5e5));
    plot.setRangeGridlinePaint(new Color(0xe5e5e5));
    plot.setNoDataMessage(NO_DATA);

    LegendItemCollection legend = new LegendItemCollection();
    legend.add(new LegendItem(chart.yLabel(), SERIES));
    double[] xr = xRange(chart);
    for (int i = 0; i < chart.markers().size(); i++) {
      Chart.Marker m = chart.markers().get(i);
      boolean nearRightEdge =
          xr[1] > xr[0] && (xr[1] - m.x()) / (xr[1] - xr[0]) * PLOT_WIDTH_PX < LABEL_GAP_PX;
      plot.addDomainMarker(marker(m.x(), i + 1, rows.get(i), nearRightEdge));
      legend.add(new LegendItem((i + 1) + "  " + m.label(), MARKER));
    }
    plot.setFixedLegendItems(legend);

    JFreeChart jfc =
        new JFreeChart(chart.title(), new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, false);
    LegendTitle title = new LegendTitle(plot);
    title.setPosition(RectangleEdge.BOTTOM);
    jfc.addLegend(title);
    jfc.setBackgroundPaint(Color.WHITE);

    int height = PLOT_HEIGHT + LEGEND_LINE * chart.markers().size();
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, height);
    jfc.draw(g, new Rectangle(0, 0, WIDTH, height));
    // The element alone: the full document names a DTD that a reader would try to fetch.
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g.getSVGElement() + "\n";
  }

  /** {@code leftOfLine}: the number goes left of its line, so one at the right edge shows. */
  private static ValueMarker marker(double x, int number, int row, boolean leftOfLine) {
    ValueMarker m =
        new ValueMarker(
            x,
            MARKER,
            new BasicStroke(
                1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
    m.setLabel(String.valueOf(number));
    m.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
    m.setLabelPaint(MARKER);
    m.setLabelBackgroundColor(new Color(255, 255, 255, 220));
    m.setLabelAnchor(leftOfLine ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
    m.setLabelTextAnchor(leftOfLine ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
    m.setLabelOffset(new RectangleInsets(3 + LABEL_ROW_PX * row, 3, 3, 3));
    return m;
  }

  /** x from the points and the checkpoints, so a checkpoint after the last sample still shows. */
  private static NumberAxis xAxis(Chart chart) {
    NumberAxis axis = new NumberAxis(chart.xLabel());
    double[] r = xRange(chart);
    if (r[1] > r[0]) {
      axis.setRange(r[0], r[1]);
    }
    return axis;
  }

  /**
   * y starts at 0 unless the data lie far above it (then their variation would be flattened);
   * headroom above the data for {@code labelRows} rows of checkpoint numbers, so no number is drawn
   * over the series.
   */
  private static NumberAxis yAxis(Chart chart, int labelRows) {
    NumberAxis axis = new NumberAxis(chart.yLabel());
    axis.setUpperMargin((LABEL_ROW_PX * labelRows + 6) / (double) PLOT_AREA_PX);
    double lo = chart.points().stream().mapToDouble(Chart.Point::y).min().orElse(0);
    double hi = chart.points().stream().mapToDouble(Chart.Point::y).max().orElse(1);
    axis.setAutoRangeIncludesZero(lo <= 0 || lo < (hi - lo) * 2);
    return axis;
  }

  private static double[] xRange(Chart chart) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Chart.Point p : chart.points()) {
      lo = Math.min(lo, p.x());
      hi = Math.max(hi, p.x());
    }
    for (Chart.Marker m : chart.markers()) {
      lo = Math.min(lo, m.x());
      hi = Math.max(hi, m.x());
    }
    return lo > hi ? new double[] {0, 0} : new double[] {lo, hi};
  }

  /**
   * The row of each checkpoint's number: the first row whose last number lies at least {@link
   * #LABEL_GAP_PX} to its left, in x order, so two numbers never overprint.
   */
  static List<Integer> labelRows(Chart chart) {
    double[] r = xRange(chart);
    double pxPerUnit = r[1] > r[0] ? PLOT_WIDTH_PX / (r[1] - r[0]) : 0;
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < chart.markers().size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> Double.compare(chart.markers().get(a).x(), chart.markers().get(b).x()));
    List<Double> rowEnds = new ArrayList<>();
    Integer[] rows = new Integer[chart.markers().size()];
    for (int i : order) {
      double px = (chart.markers().get(i).x() - r[0]) * pxPerUnit;
      int row = 0;
      while (row < rowEnds.size() && px - rowEnds.get(row) < LABEL_GAP_PX) {
        row++;
      }
      if (row == rowEnds.size()) {
        rowEnds.add(px);
      } else {
        rowEnds.set(row, px);
      }
      rows[i] = row;
    }
    return List.of(rows);
  }
}
