package org.port8000.perf.simulations;

import static org.junit.jupiter.api.Assertions.*;

import io.gatling.javaapi.core.Assertion;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.port8000.perf.analysis.StepRule;
import org.port8000.perf.analysis.Thresholds;
import org.port8000.perf.results.PhaseFacts;
import org.port8000.perf.results.RequestNames;

/**
 * The simulations' Gatling assertions and the report never disagree on a pass: each assertion's
 * threshold is the analysis' {@link Thresholds} value, and the verdicts the simulations log as
 * Gatling requests apply the report's own rule to the same figures.
 */
class GatlingAssertionsContractTest {

  private static String text(Assertion a) {
    return a.asScala().toString();
  }

  private static String about(List<Assertion> all, String request) {
    return all.stream()
        .map(GatlingAssertionsContractTest::text)
        .filter(t -> t.contains(request))
        .reduce("", (x, y) -> x + y);
  }

  @Test
  void theBurstsReplyPercentileIsTheLatencyTargetWithTheSameComparison() {
    List<Assertion> a = Verdicts.throughput(20, true, true);
    String burst = about(a, RequestNames.reply(RequestNames.BURST));

    assertEquals("<=", Thresholds.LATENCY.comparison(), "the assertion uses lte");
    assertTrue(burst.contains("95.0"), burst);
    assertTrue(burst.contains("Lte(" + Thresholds.LATENCY.limit() + ")"), burst);
    assertTrue(burst.contains("Gte(20.0)"), "every burst message answered: " + burst);
  }

  @Test
  void theVerdictRequestsMustEachSucceedOnce() {
    List<Assertion> a = Verdicts.throughput(20, true, true);

    assertTrue(about(a, RequestNames.VERDICT_ONE_CLIENT_BURST).contains("Is(1.0)"));
    assertTrue(about(a, RequestNames.VERDICT_SUSTAINED).contains("Is(1.0)"));
    List<Assertion> leak = MemoryLeakSimulation.assertions(200, true);
    assertTrue(about(leak, RequestNames.VERDICT_LEAK).contains("Is(1.0)"));
    assertTrue(about(leak, RequestNames.reply(RequestNames.LEAK_MESSAGES)).contains("Gte(200.0)"));
  }

  @Test
  void theOneClientVerdictPassesExactlyWhenTheReportsBurstChecksPass() {
    int limit = (int) Thresholds.LATENCY.limit();
    assertEquals(Verdicts.PASS, Verdicts.burstVerdict(20, 20, latency(limit, limit)));
    assertTrue(Verdicts.burstVerdict(20, 20, latency(limit + 1, 50)).startsWith("FAIL"));
    assertTrue(Verdicts.burstVerdict(20, 20, latency(limit, limit + 1)).startsWith("FAIL"));
    assertTrue(Verdicts.burstVerdict(20, 19, latency(50, 50)).startsWith("FAIL"));
    assertTrue(Verdicts.burstVerdict(20, 0, null).startsWith("FAIL"));
    assertTrue(Thresholds.LATENCY.met(limit) && !Thresholds.LATENCY.met(limit + 1));
  }

  @Test
  void theSustainedVerdictIsTheThroughputTarget() {
    double limit = Thresholds.THROUGHPUT.limit();
    assertTrue(
        Verdicts.sustainedVerdict(Optional.of(limit)).startsWith("FAIL"),
        "the target is strictly more than " + limit);
    assertEquals(Verdicts.PASS, Verdicts.sustainedVerdict(Optional.of(limit + 0.5)));
    assertTrue(Verdicts.sustainedVerdict(Optional.empty()).startsWith("FAIL"));
  }

  @Test
  void theInRunRetryDecisionIsTheReportsStepRule() {
    assertTrue(StepRule.held(new StepRule.Figures(1000, 999, 200, 10)));
    assertFalse(StepRule.held(new StepRule.Figures(1000, 998, 200, 0)), "99.8 % answered");
    assertFalse(StepRule.held(new StepRule.Figures(1000, 1000, 201, 0)), "p95 201 ms");
    assertFalse(StepRule.held(new StepRule.Figures(1000, 1000, 100, 11)), "1.1 % late");
  }

  private static PhaseFacts.Latency latency(int p95, int mean) {
    return new PhaseFacts.Latency(20, 1, mean, mean, p95, p95, p95);
  }
}
