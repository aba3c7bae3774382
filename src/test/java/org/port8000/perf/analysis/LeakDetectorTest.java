package org.port8000.perf.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.port8000.perf.analysis.LeakDetector.Point;
import org.port8000.perf.analysis.LeakDetector.Verdict;

class LeakDetectorTest {
  private static final double MB = 1024 * 1024;

  /** 500 messages, a sample every 0.5 message; memory = f(messages) + noise. */
  private static List<Point> series(java.util.function.DoubleUnaryOperator memory, long seed) {
    Random r = new Random(seed);
    List<Point> out = new ArrayList<>();
    for (int i = 0; i <= 1000; i++) {
      double m = i / 2.0;
      out.add(new Point(m, memory.applyAsDouble(m) + r.nextGaussian() * 0.5 * MB));
    }
    return out;
  }

  @Test
  void flatSawtoothIsNoLeak() {
    // GC sawtooth: climbs 8 MB over 40 messages, then drops back; no net growth
    Verdict v =
        LeakDetector.analyze(series(m -> 60 * MB + (m % 40) / 40.0 * 8 * MB, 1)).orElseThrow();
    assertFalse(v.leak(), v.toString());
    assertTrue(
        Math.abs(v.bytesPerMessage()) < LeakDetector.THRESHOLD_BYTES_PER_MESSAGE / 4, v.toString());
  }

  @Test
  void warmUpStaircaseThenPlateauIsNoLeak() {
    // heap grows in steps during the first 15 % (warm-up), then stays
    Verdict v =
        LeakDetector.analyze(series(m -> 50 * MB + Math.min(m, 75) / 75 * 20 * MB, 2))
            .orElseThrow();
    assertFalse(v.leak(), v.toString());
  }

  @Test
  void oneLateHeapResizeStepIsNoLeak() {
    Verdict v =
        LeakDetector.analyze(series(m -> 50 * MB + (m > 400 ? 6 * MB : 0), 3)).orElseThrow();
    assertFalse(v.leak(), v.toString());
  }

  @Test
  void linearGrowthWithNoiseIsALeakAtItsRate() {
    double perMessage = 256 * 1024;
    Verdict v =
        LeakDetector.analyze(series(m -> 50 * MB + m * perMessage + (m % 40) / 40.0 * 8 * MB, 4))
            .orElseThrow();
    assertTrue(v.leak(), v.toString());
    assertEquals(perMessage, v.bytesPerMessage(), perMessage * 0.15);
    assertEquals(250, v.mbPer1000Messages(), 40);
  }

  @Test
  void slowLeakJustAboveTheThresholdIsFlagged() {
    double perMessage = LeakDetector.THRESHOLD_BYTES_PER_MESSAGE * 2;
    Verdict v = LeakDetector.analyze(series(m -> 50 * MB + m * perMessage, 5)).orElseThrow();
    assertTrue(v.leak(), v.toString());
  }

  @Test
  void tooFewPointsGiveNoVerdict() {
    List<Point> few = List.of(new Point(0, 1), new Point(1, 2), new Point(2, 3));
    assertTrue(LeakDetector.analyze(few).isEmpty());
  }

  @Test
  void theilSenIgnoresOutliers() {
    double[] x = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    double[] y = {0, 2, 4, 6, 400, 10, 12, -300, 16, 18};
    assertEquals(2.0, TheilSen.slope(x, y), 1e-9);
  }
}
