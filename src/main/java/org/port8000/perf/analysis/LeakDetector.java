package org.port8000.perf.analysis;

import java.util.List;
import java.util.Optional;

/**
 * Decides from a measured series of (messages sent so far, resident memory) whether the target
 * leaks, with one stated statistic: the Theil–Sen slope of memory over messages, after dropping
 * the first {@value #WARM_UP_PERCENT} % of the series (JIT, heap sizing and connection pools
 * settle there on a fresh process). A leak is a slope above {@link #THRESHOLD_BYTES_PER_MESSAGE}.
 *
 * <p>Why Theil–Sen: a JVM's resident memory is a sawtooth and a staircase (collections, heap
 * resizes); the median of pairwise slopes ignores those jumps, while a real leak moves every pair.
 *
 * <p>Why 192 KiB per message (187.5 MB per 1,000 messages): on a freshly started
 * reference server the resident memory grows by about 9–12 MB in its first 10–20 s even
 * without a leak — native memory (JIT code, metaspace, threads, malloc arenas) while its heap
 * stays at the same committed size. In the short test runs (60 messages in 10 s) that warm-up
 * measured 83–103 MB per 1,000 messages over five clean runs; the deliberate leak fault of
 * 256 KiB per message measured 309–347 MB per 1,000 messages (leak plus warm-up). 192 KiB sits
 * a factor of about 1.7 from both, so neither warm-up nor noise flips the verdict. It is lenient
 * for long runs, where warm-up is spread over more messages: a smaller leak is not flagged, and
 * the report states the threshold beside the rate.
 */
public final class LeakDetector {
  public static final int WARM_UP_PERCENT = 20;
  public static final double THRESHOLD_BYTES_PER_MESSAGE = 192 * 1024;
  /** Fewer points than this after the warm-up cut give no verdict. */
  public static final int MIN_POINTS = 8;

  private LeakDetector() {}

  /** One measured point: messages sent so far and the resident memory then. */
  public record Point(double messages, double bytes) {}

  /**
   * @param bytesPerMessage the Theil–Sen slope after warm-up
   * @param pointsUsed how many points the slope was computed from
   */
  public record Verdict(boolean leak, double bytesPerMessage, double thresholdBytesPerMessage,
      int pointsUsed) {

    /** The rate as the report states it: MB (2^20 bytes) per 1,000 messages. */
    public double mbPer1000Messages() {
      return bytesPerMessage * 1000 / (1024.0 * 1024.0);
    }

    public double thresholdMbPer1000Messages() {
      return thresholdBytesPerMessage * 1000 / (1024.0 * 1024.0);
    }

    /** The statistic in one sentence, for the report. */
    public String statistic() {
      return "Theil–Sen slope of resident memory vs messages sent, first " + WARM_UP_PERCENT
          + " % of the series dropped as warm-up, " + pointsUsed + " samples";
    }
  }

  /** Empty when the series is too short for a verdict (then the leak is not measured). */
  public static Optional<Verdict> analyze(List<Point> series) {
    return analyze(series, THRESHOLD_BYTES_PER_MESSAGE);
  }

  public static Optional<Verdict> analyze(List<Point> series, double thresholdBytesPerMessage) {
    int skip = (int) Math.floor(series.size() * WARM_UP_PERCENT / 100.0);
    List<Point> used = series.subList(skip, series.size());
    if (used.size() < MIN_POINTS) {
      return Optional.empty();
    }
    double[] x = used.stream().mapToDouble(Point::messages).toArray();
    double[] y = used.stream().mapToDouble(Point::bytes).toArray();
    double slope = TheilSen.slope(x, y);
    if (Double.isNaN(slope)) {
      return Optional.empty();
    }
    return Optional.of(new Verdict(slope > thresholdBytesPerMessage, slope,
        thresholdBytesPerMessage, used.size()));
  }
}
