package org.port8000.perf.analysis;

/**
 * One figure compared to its target, as it appears in summary.json and junit.xml.
 *
 * @param metric dotted id, e.g. {@code message.burst.latency.p95}
 * @param value the measured value, or null when not measured
 * @param unit e.g. {@code ms}, {@code msg/s}, {@code %}, {@code MB}
 * @param target the target as text, e.g. {@code <= 200 ms}
 * @param note why it was not measured, or what it means; may be empty
 */
public record Check(
    String metric, Double value, String unit, String target, Status status, String note) {

  /** Passes only at zero, e.g. dropped messages. */
  public static Check none(String metric, double value, String unit) {
    return new Check(metric, value, unit, "0 " + unit, value == 0 ? Status.PASS : Status.FAIL, "");
  }

  public static Check notMeasured(String metric, String unit, String target, String why) {
    return new Check(metric, null, unit, target, Status.NOT_MEASURED, why);
  }

  public Check withNote(String note) {
    return new Check(metric, value, unit, target, status, note);
  }

  /** The value as the reports show it, e.g. {@code 87.3 msg/s}, or "not measured". */
  public String display() {
    if (value == null) {
      // a verdict without a figure (a failure such as a stopped target, or a pass by a bound
      // such as "below what it can resolve") says why in its note
      return status != Status.NOT_MEASURED && !note.isBlank() ? note : "not measured";
    }
    return Format.number(value) + " " + unit;
  }
}
