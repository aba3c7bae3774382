package org.port8000.perf.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TheilSenTest {

  @Test
  void aStraightLineHasItsSlopeAndNoUncertainty() {
    double[] x = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = 2 * x[i] + 1;
    }
    TheilSen.Estimate e = TheilSen.estimate(x, y);

    assertEquals(2, e.slope(), 1e-9);
    assertEquals(2, e.lower(), 1e-9);
    assertEquals(2, e.upper(), 1e-9);
    assertEquals(10, e.points());
  }

  @Test
  void theIntervalOfANoisyLineHoldsItsTrueSlopeAndWidensWithTheNoise() {
    Random random = new Random(7);
    double[] x = new double[60];
    double[] quiet = new double[60];
    double[] loud = new double[60];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
      quiet[i] = 3 * i + random.nextGaussian();
      loud[i] = 3 * i + 20 * random.nextGaussian();
    }
    TheilSen.Estimate q = TheilSen.estimate(x, quiet);
    TheilSen.Estimate l = TheilSen.estimate(x, loud);

    assertTrue(q.lower() <= 3 && 3 <= q.upper(), q.toString());
    assertTrue(l.lower() <= 3 && 3 <= l.upper(), l.toString());
    assertTrue(l.upper() - l.lower() > q.upper() - q.lower(), q + " vs " + l);
  }

  @Test
  void tooFewPointsGiveNoEstimate() {
    assertNull(TheilSen.estimate(new double[] {1, 2}, new double[] {1, 2}));
  }
}
