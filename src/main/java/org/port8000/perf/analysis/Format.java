package org.port8000.perf.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Number formatting shared by analysis and reports, so the same figure reads the same. */
public final class Format {
  private Format() {}

  /** Up to one decimal for numbers below 100, none above; no trailing ".0". */
  public static String number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return String.valueOf(v);
    }
    int scale = Math.abs(v) >= 100 ? 0 : (Math.abs(v) >= 1 ? 1 : 3);
    BigDecimal d = BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }

  /** Bytes in an MB as the reports use it (2^20, what memory tools call MB). */
  public static final double MB = 1024.0 * 1024.0;

  /** Bytes as MB, e.g. {@code 58.2}. */
  public static String mb(double bytes) {
    return number(bytes / MB);
  }

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /** A moment as the reports show it, e.g. {@code 2026-11-22 10:00:00 UTC}. */
  public static String time(Instant at) {
    return TIME.format(at);
  }

  public static String percent(double ratio) {
    double p = ratio * 100.0;
    // two decimals near 100 %, where 99.0 vs 99.95 matters for the stability target
    BigDecimal d = BigDecimal.valueOf(p).setScale(p >= 99 && p < 100 ? 2 : 1, RoundingMode.FLOOR);
    return d.stripTrailingZeros().toPlainString() + "%";
  }
}
