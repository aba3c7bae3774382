package org.port8000.perf.analysis;

import static org.junit.jupiter.api.Assertions.*;
import static org.port8000.perf.analysis.AnalyzerFixtures.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.port8000.perf.results.LeakFacts;
import org.port8000.perf.results.ResourceFacts;

/** The leak axis counts the messages answered by each sample, not the plan's rate × time. */
class LeakSeriesTest {

  @Test
  void eachSampleIsPlacedAtTheMessagesAnsweredByThen() {
    // 4 messages planned over 1 s, but answered late: none in the first 750 ms.
    LeakFacts f = new LeakFacts(4, 1, 0, true, 4, 0, 0, 0, 0, List.of(800L, 900L, 1000L, 1000L));
    ResourceFacts s =
        samples(
            series(1000, t -> 100 * MB),
            List.of(
                cp(LeakFacts.INITIAL, 0, 100 * MB),
                cp(LeakFacts.afterMessagesLabel(4), 1000, 100 * MB)),
            null);

    List<Double> x =
        LeakSeries.of(f, s).orElseThrow().stream().map(LeakDetector.Point::messages).toList();
    assertEquals(List.of(0.0, 0.0, 0.0, 0.0, 4.0), x);
  }

  @Test
  void filesWithoutAnswerTimesFallBackToThePlan() {
    LeakFacts f = new LeakFacts(4, 1, 0, true, 4, 0, 0, 0, 0, null);
    ResourceFacts s =
        samples(
            series(1000, t -> 100 * MB),
            List.of(
                cp(LeakFacts.INITIAL, 0, 100 * MB),
                cp(LeakFacts.afterMessagesLabel(4), 1000, 100 * MB)),
            null);

    assertEquals(
        List.of(0.0, 1.0, 2.0, 3.0, 4.0),
        LeakSeries.of(f, s).orElseThrow().stream().map(LeakDetector.Point::messages).toList());
  }
}
