package org.port8000.perf.baseline;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MannWhitneyTest {

  @Test
  void separatedSamplesGiveTheTextbookPValue() {
    // U = 25 of 25; normal approximation with continuity correction: z = 12 / 4.787, p = 0.0061
    MannWhitney.Result r =
        MannWhitney.test(new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10});

    assertEquals(25, r.u());
    assertEquals(0.0061, r.pLarger(), 0.0003);
    assertTrue(r.pSmaller() > 0.99, String.valueOf(r.pSmaller()));
  }

  @Test
  void tiesShareTheirRankAndEqualSamplesShowNoDifference() {
    MannWhitney.Result r =
        MannWhitney.test(new double[] {50, 50, 51, 52}, new double[] {50, 51, 51, 52});
    assertTrue(r.pLarger() > 0.2 && r.pSmaller() > 0.2, r.toString());

    MannWhitney.Result same = MannWhitney.test(new double[] {7, 7, 7}, new double[] {7, 7});
    assertEquals(1.0, same.pLarger());
    assertEquals(1.0, same.pSmaller());
  }

  @Test
  void aShiftOfTwoStandardDeviationsIsFoundAndNoShiftIsNot() {
    Random random = new Random(42);
    double[] before = new double[40];
    double[] same = new double[40];
    double[] slower = new double[40];
    for (int i = 0; i < 40; i++) {
      before[i] = 50 + 5 * random.nextGaussian();
      same[i] = 50 + 5 * random.nextGaussian();
      slower[i] = 60 + 5 * random.nextGaussian();
    }

    assertTrue(MannWhitney.test(before, slower).pLarger() < 0.001);
    assertTrue(MannWhitney.test(before, same).pLarger() > 0.01);
    assertTrue(MannWhitney.test(slower, before).pSmaller() < 0.001);
  }
}
