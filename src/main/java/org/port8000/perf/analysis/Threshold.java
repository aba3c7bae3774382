package org.port8000.perf.analysis;

/**
 * One threshold (the assignment calls it a target; "target" in this project is the server under
 * test): the comparison its check makes, the limit and the unit. Its {@link #text()} is what every
 * report, check, not-measured row and headline shows, so the words can never say something other
 * than what the check does.
 *
 * @param comparison one of {@code <}, {@code <=}, {@code >}, {@code >=}
 */
public record Threshold(String comparison, double limit, String unit) {

  public Threshold {
    if (!java.util.List.of("<", "<=", ">", ">=").contains(comparison)) {
      throw new IllegalArgumentException("unknown comparison " + comparison);
    }
  }

  /** E.g. {@code <= 200 ms}, {@code >= 99 %}. */
  public String text() {
    return comparison + " " + Format.number(limit) + " " + unit;
  }

  /** In sentences, e.g. {@code ≤ 200 ms}, {@code ≥ 99.9%}. */
  public String prose() {
    String symbol =
        switch (comparison) {
          case "<=" -> "≤";
          case ">=" -> "≥";
          default -> comparison;
        };
    return symbol + " " + Format.number(limit) + ("%".equals(unit) ? "%" : " " + unit);
  }

  public boolean met(double value) {
    return switch (comparison) {
      case "<" -> value < limit;
      case "<=" -> value <= limit;
      case ">" -> value > limit;
      default -> value >= limit;
    };
  }

  /**
   * A figure known only within its interval [lower, upper]: PASS when the whole interval meets the
   * target, FAIL when none of it does, otherwise the measurement cannot tell.
   */
  public Status judgeInterval(double lower, double upper) {
    boolean lowerMet = met(lower);
    boolean upperMet = met(upper);
    return lowerMet && upperMet
        ? Status.PASS
        : !lowerMet && !upperMet ? Status.FAIL : Status.NOT_MEASURED;
  }

  public Check check(String metric, double value) {
    return new Check(metric, value, unit, text(), met(value) ? Status.PASS : Status.FAIL, "");
  }

  public Check notMeasured(String metric, String why) {
    return Check.notMeasured(metric, unit, text(), why);
  }
}
