package org.port8000.perf.baseline;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.port8000.perf.analysis.Check;
import org.port8000.perf.analysis.Status;

class BaselineOutcomeTest {
  private static final Comparison SLOWER =
      new Comparison(
          "message.burst.latency.median",
          "Burst latency, median",
          "ms",
          52.0,
          151.0,
          171.0,
          Change.REGRESSION,
          "evidence");
  private static final Comparison SAME =
      new Comparison(
          "message.throughput.steps",
          "Throughput",
          "msg/s",
          98.7,
          98.8,
          0.1,
          Change.WITHIN_NOISE,
          "same");

  private static BaselineOutcome compared(boolean gate) {
    RunSnapshot run = Snapshots.smoke(List.of(50, 51, 52));
    return new BaselineOutcome(
        BaselineOutcome.State.COMPARED,
        "",
        run,
        run,
        Path.of("perf-baselines/reference-server/smoke"),
        List.of(SLOWER, SAME),
        List.of(),
        List.of(),
        gate,
        10);
  }

  @Test
  void aRegressionIsAFailingCheckAndFailsTheBuildOnlyWhenGating() {
    BaselineOutcome gated = compared(true);
    Check check = gated.checks().get(0);
    assertEquals("baseline.message.burst.latency.median", check.metric());
    assertEquals(Status.FAIL, check.status());
    assertEquals(151.0, check.value());
    assertEquals(Status.PASS, gated.checks().get(1).status());
    assertTrue(gated.failsBuild());
    assertTrue(
        gated.failReason().contains("Burst latency, median 52 ms → 151 ms"), gated.failReason());

    BaselineOutcome reported = compared(false);
    assertFalse(reported.failsBuild());
    assertEquals(Status.PASS, reported.checks().get(0).status());
    assertTrue(
        reported.checks().get(0).note().startsWith("regression (not gating"),
        reported.checks().get(0).note());
  }

  @Test
  void theViewIsFormattedForTheTemplate() {
    BaselineView view = compared(false).view(chart -> "charts/" + chart.fileName());

    BaselineView.Row row = view.rows().get(0);
    assertEquals("52 ms", row.baseline());
    assertEquals("151 ms", row.now());
    assertEquals("+171 %", row.change());
    assertEquals("❌ regression", row.verdict());
    assertTrue(view.headline().contains("perf-baselines/reference-server/smoke"), view.headline());
    assertTrue(
        view.headline().contains("1 regression, 0 improvements, 1 within noise"), view.headline());
  }

  @Test
  void aRefusedBaselineIsASkippedCheckAndFailsTheGate() {
    RunSnapshot run = Snapshots.smoke(List.of(50));
    BaselineOutcome refused =
        new BaselineOutcome(
            BaselineOutcome.State.REFUSED,
            "profile 'assignment' vs profile 'smoke'",
            run,
            run,
            Path.of("x"),
            List.of(),
            List.of(),
            List.of(),
            true,
            10);

    assertEquals(Status.NOT_MEASURED, refused.checks().get(0).status());
    assertTrue(refused.failsBuild());
    assertTrue(refused.failReason().contains("profile 'assignment'"), refused.failReason());
    assertEquals("profile 'assignment' vs profile 'smoke'", refused.view(c -> "").headline());
  }
}
