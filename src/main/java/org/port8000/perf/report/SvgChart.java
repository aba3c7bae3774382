package org.port8000.perf.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.port8000.perf.analysis.Chart;
import org.port8000.perf.analysis.Format;

/**
 * Renders a {@link Chart} as a small standalone SVG line chart: axes with rounded ticks, the
 * series as one polyline, checkpoints as labelled dashed vertical lines. Text is XML-escaped.
 */
public final class SvgChart {
  private static final int WIDTH = 800;
  private static final int HEIGHT = 400;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;

  private SvgChart() {}

  public static String render(Chart chart) {
    double[] xr = range(chart.points().stream().mapToDouble(Chart.Point::x).toArray(),
        chart.markers().stream().mapToDouble(Chart.Marker::x).toArray(), false);
    double[] yr = range(chart.points().stream().mapToDouble(Chart.Point::y).toArray(),
        new double[0], true);
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    Scale sx = new Scale(xr[0], xr[1], LEFT, LEFT + plotW);
    Scale sy = new Scale(yr[0], yr[1], TOP + plotH, TOP);

    StringBuilder svg = new StringBuilder(4096);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
        .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH)
        .append(' ').append(HEIGHT).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
    svg.append("<title>").append(escape(chart.title())).append("</title>\n");
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    text(svg, WIDTH / 2.0, 22, "middle", "font-size=\"15\" font-weight=\"bold\"", chart.title());

    // grid and ticks
    for (double v : ticks(yr[0], yr[1])) {
      double y = sy.map(v);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
          + " stroke=\"#e5e5e5\"/>\n", LEFT, y, LEFT + plotW, y));
      text(svg, LEFT - 6, y + 4, "end", "", Format.number(v));
    }
    for (double v : ticks(xr[0], xr[1])) {
      double x = sx.map(v);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\""
          + " y2=\"%.1f\" stroke=\"#999\"/>\n", x, TOP + plotH, x, TOP + plotH + 5));
      text(svg, x, TOP + plotH + 18, "middle", "", Format.number(v));
    }
    svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\""
        + " height=\"%.1f\" fill=\"none\" stroke=\"#999\"/>\n", LEFT, TOP, plotW, plotH));
    text(svg, LEFT + plotW / 2, HEIGHT - 10, "middle", "", chart.xLabel());
    svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\""
        + " transform=\"rotate(-90 16 %.1f)\">%s</text>\n", TOP + plotH / 2, TOP + plotH / 2,
        escape(chart.yLabel())));

    // checkpoints, labels staggered over three rows so neighbours do not overprint
    int row = 0;
    for (Chart.Marker m : chart.markers()) {
      double x = sx.map(m.x());
      svg.append(String.format(Locale.ROOT, "<line class=\"marker\" x1=\"%.1f\" y1=\"%d\""
          + " x2=\"%.1f\" y2=\"%.1f\" stroke=\"#c0392b\" stroke-dasharray=\"4 3\"/>\n",
          x, TOP, x, TOP + plotH));
      text(svg, x + 3, TOP + 12 + 13 * (row++ % 3), "start", "fill=\"#c0392b\" font-size=\"11\"",
          m.label());
    }

    if (!chart.points().isEmpty()) {
      List<String> pts = new ArrayList<>(chart.points().size());
      for (Chart.Point p : chart.points()) {
        pts.add(String.format(Locale.ROOT, "%.1f,%.1f", sx.map(p.x()), sy.map(p.y())));
      }
      svg.append("<polyline fill=\"none\" stroke=\"#2060c0\" stroke-width=\"1.5\" points=\"")
          .append(String.join(" ", pts)).append("\"/>\n");
    } else {
      text(svg, LEFT + plotW / 2, TOP + plotH / 2, "middle", "fill=\"#999\"", "no data measured");
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static void text(StringBuilder svg, double x, double y, String anchor, String attrs,
      String content) {
    svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s>",
        x, y, anchor, attrs.isEmpty() ? "" : " " + attrs)).append(escape(content))
        .append("</text>\n");
  }

  /** Escapes the five XML special characters (and drops control characters XML forbids). */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** Data range padded to tick boundaries; y starts at 0 unless the data are far above it. */
  private static double[] range(double[] values, double[] extra, boolean isY) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] arr : new double[][] {values, extra}) {
      for (double v : arr) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (lo == Double.POSITIVE_INFINITY) {
      return new double[] {0, 1};
    }
    if (isY && lo > 0 && lo < (hi - lo) * 2) {
      lo = 0;
    }
    if (hi - lo < 1e-9) {
      hi = lo + Math.max(1, Math.abs(lo) * 0.1);
    }
    double step = step(lo, hi);
    return new double[] {Math.floor(lo / step) * step, Math.ceil(hi / step) * step};
  }

  private static double step(double lo, double hi) {
    double raw = (hi - lo) / 6;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double n = raw / mag;
    return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * mag;
  }

  private static List<Double> ticks(double lo, double hi) {
    double step = step(lo, hi);
    List<Double> t = new ArrayList<>();
    for (double v = lo; v <= hi + step / 1000 && t.size() < 20; v += step) {
      t.add(Math.abs(v) < step / 1e6 ? 0 : v);
    }
    return t;
  }

  private record Scale(double from, double to, double outFrom, double outTo) {
    double map(double v) {
      return outFrom + (v - from) / (to - from) * (outTo - outFrom);
    }
  }
}
