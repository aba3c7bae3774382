package org.port8000.perf.baseline;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.port8000.perf.analysis.Chart;
import org.port8000.perf.analysis.Check;
import org.port8000.perf.analysis.Format;
import org.port8000.perf.analysis.Status;

/**
 * What the comparison with the baseline concluded for this run: the rows, the trend charts, the
 * checks for summary.json and junit.xml, and whether it fails the build.
 *
 * @param message why there is no comparison (no baseline, refused); empty when compared
 * @param baseline the baseline compared with; null when none
 * @param folder the baseline's folder (whether or not one exists)
 * @param notes what was not compared and why
 */
public record BaselineOutcome(
    State state,
    String message,
    RunSnapshot now,
    RunSnapshot baseline,
    Path folder,
    List<Comparison> rows,
    List<String> notes,
    List<Chart> trends,
    boolean failOnRegression,
    double minChangePercent) {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  public enum State {
    COMPARED,
    NO_BASELINE,
    REFUSED
  }

  public BaselineOutcome {
    rows = List.copyOf(rows);
    notes = List.copyOf(notes);
    trends = List.copyOf(trends);
  }

  public List<Comparison> regressions() {
    return rows.stream().filter(r -> r.change() == Change.REGRESSION).toList();
  }

  /**
   * With {@code baseline.failOnRegression}: a regression fails the build, and so does a baseline
   * that cannot be compared (the gate would otherwise pass unseen).
   */
  public boolean failsBuild() {
    return failOnRegression && (!regressions().isEmpty() || state == State.REFUSED);
  }

  public String failReason() {
    if (state == State.REFUSED) {
      return "Cannot check for regressions (baseline.failOnRegression=true): " + message;
    }
    return "Regression against the baseline (baseline.failOnRegression=true): "
        + String.join(
            "; ",
            regressions().stream()
                .map(
                    r ->
                        r.label()
                            + " "
                            + value(r.baseline(), r.unit())
                            + " → "
                            + value(r.now(), r.unit())
                            + ", "
                            + r.reason())
                .toList());
  }

  /** One check per compared metric, and one for a refused baseline. */
  public List<Check> checks() {
    List<Check> checks = new ArrayList<>();
    if (state == State.REFUSED) {
      checks.add(Check.notMeasured("baseline.comparison", "", "comparable baseline", message));
    }
    for (Comparison r : rows) {
      String target = "no regression vs baseline " + value(r.baseline(), r.unit());
      Status status =
          r.change() == Change.NOT_COMPARED
              ? Status.NOT_MEASURED
              : r.change() == Change.REGRESSION && failOnRegression ? Status.FAIL : Status.PASS;
      String note =
          r.change().label()
              + (r.change() == Change.REGRESSION && !failOnRegression
                  ? " (not gating: baseline.failOnRegression is false)"
                  : "")
              + ": "
              + r.reason();
      checks.add(new Check("baseline." + r.metric(), r.now(), r.unit(), target, status, note));
    }
    return checks;
  }

  /** The report's section; {@code chartHref} renders a trend chart and returns its link. */
  public BaselineView view(Function<Chart, String> chartHref) {
    List<BaselineView.Row> out = new ArrayList<>();
    for (Comparison r : rows) {
      out.add(
          new BaselineView.Row(
              r.label(),
              value(r.baseline(), r.unit()),
              value(r.now(), r.unit()),
              change(r.changePercent()),
              verdictLabel(r.change()),
              r.reason()));
    }
    List<String> lines = new ArrayList<>(notes);
    if (state == State.COMPARED) {
      lines.add(
          failOnRegression
              ? "A regression fails the build (baseline.failOnRegression=true)."
              : "Regressions are reported, not gating (set -Dbaseline.failOnRegression=true to fail"
                  + " the build on one).");
    }
    List<BaselineView.ChartLink> charts =
        trends.stream()
            .map(c -> new BaselineView.ChartLink(c.title(), chartHref.apply(c)))
            .toList();
    return new BaselineView(headline(), out, lines, charts);
  }

  private String headline() {
    return switch (state) {
      case NO_BASELINE, REFUSED -> message;
      case COMPARED ->
          "Baseline: the run of "
              + TIME.format(baseline.runStartedAt())
              + (baseline.commit() == null
                  ? ""
                  : " (commit "
                      + baseline.commit().substring(0, Math.min(12, baseline.commit().length()))
                      + ")")
              + ", verdict "
              + baseline.verdict()
              + ", kept in `"
              + folder
              + "`. A change counts"
              + " when a test on the raw samples finds it (p < "
              + Format.number(BaselineComparator.ALPHA)
              + ") and it is at least "
              + Format.number(minChangePercent)
              + " % (baseline.minChangePercent). "
              + summary();
    };
  }

  private String summary() {
    long reg = regressions().size();
    long imp = rows.stream().filter(r -> r.change() == Change.IMPROVEMENT).count();
    long noise = rows.stream().filter(r -> r.change() == Change.WITHIN_NOISE).count();
    return "Result: "
        + reg
        + " regression"
        + (reg == 1 ? "" : "s")
        + ", "
        + imp
        + " improvement"
        + (imp == 1 ? "" : "s")
        + ", "
        + noise
        + " within noise.";
  }

  private static String verdictLabel(Change c) {
    return switch (c) {
      case REGRESSION -> "❌ regression";
      case IMPROVEMENT -> "✅ improvement";
      case WITHIN_NOISE -> "within noise";
      case NOT_COMPARED -> "⚠️ not compared";
    };
  }

  static String value(Double v, String unit) {
    return v == null ? "–" : Format.number(v) + " " + unit;
  }

  static String change(Double percent) {
    if (percent == null) {
      return "–";
    }
    return (percent > 0 ? "+" : "") + Format.number(percent) + " %";
  }
}
