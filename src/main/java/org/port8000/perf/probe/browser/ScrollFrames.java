package org.port8000.perf.probe.browser;

import java.util.ArrayList;
import java.util.List;
import org.port8000.perf.results.Distribution;
import org.port8000.perf.results.UiFacts;

/** Frame rate and frame-time distribution from the rAF timestamps of a scroll. */
final class ScrollFrames {
  /**
   * performance.now() is coarsened to 0.1 ms, so on-time 60 Hz frames read 16.6–16.8 ms; a frame
   * counts as over budget only beyond this tolerance (a missed frame reads ≥ 33 ms).
   */
  static final double JITTER_TOLERANCE_MS = 2.0;

  private ScrollFrames() {}

  static UiFacts.Scroll summarize(
      List<Double> timestamps, int historySeeded, int messagesInPage, double scrollRangePx) {
    if (timestamps.size() < 3) {
      throw new IllegalStateException(
          "only "
              + timestamps.size()
              + " animation frames during"
              + " the scroll; the page did not animate");
    }
    List<Double> intervals = new ArrayList<>();
    int over = 0;
    for (int i = 1; i < timestamps.size(); i++) {
      double d = timestamps.get(i) - timestamps.get(i - 1);
      intervals.add(d);
      if (d > UiFacts.FRAME_BUDGET_MS + JITTER_TOLERANCE_MS) {
        over++;
      }
    }
    double durationMs = timestamps.get(timestamps.size() - 1) - timestamps.get(0);
    Distribution d = Distribution.of(intervals);
    return new UiFacts.Scroll(
        historySeeded,
        messagesInPage,
        scrollRangePx,
        durationMs,
        intervals.size(),
        intervals.size() * 1000.0 / durationMs,
        d.p50(),
        d.p95(),
        d.max(),
        100.0 * over / intervals.size(),
        null);
  }
}
