package org.port8000.perf.baseline;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineComparatorTest {
  private final BaselineComparator comparator = new BaselineComparator(10);

  private static Comparison row(List<Comparison> rows, String metric) {
    return rows.stream().filter(r -> r.metric().equals(metric)).findFirst().orElseThrow();
  }

  @Test
  void aHundredMillisecondsSlowerIsALatencyRegression() {
    List<Comparison> rows =
        comparator.compare(
            Snapshots.smoke(Snapshots.latencies(1, 20, 50, 3)),
            Snapshots.smoke(Snapshots.latencies(2, 20, 150, 3)),
            List.of());

    Comparison r = row(rows, "message.burst.latency.median");
    assertEquals(Change.REGRESSION, r.change(), r.toString());
    assertTrue(r.changePercent() > 150, r.toString());
    assertTrue(r.reason().contains("Mann–Whitney"), r.reason());
  }

  @Test
  void aFasterRunIsAnImprovement() {
    Comparison r =
        row(
            comparator.compare(
                Snapshots.smoke(Snapshots.latencies(1, 20, 150, 3)),
                Snapshots.smoke(Snapshots.latencies(2, 20, 50, 3)),
                List.of()),
            "message.burst.latency.median");
    assertEquals(Change.IMPROVEMENT, r.change(), r.toString());
  }

  @Test
  void twoSamplesOfTheSameLatencyAreWithinNoise() {
    Comparison r =
        row(
            comparator.compare(
                Snapshots.smoke(Snapshots.latencies(1, 20, 50, 3)),
                Snapshots.smoke(Snapshots.latencies(2, 20, 50, 3)),
                List.of()),
            "message.burst.latency.median");
    assertEquals(Change.WITHIN_NOISE, r.change(), r.toString());
  }

  @Test
  void aSignificantButSmallShiftIsWithinNoise() {
    // 400 replies each, 2 ms slower: Mann–Whitney finds it, but 4 % is below the minimum
    Comparison r =
        row(
            comparator.compare(
                Snapshots.smoke(Snapshots.latencies(1, 400, 50, 2)),
                Snapshots.smoke(Snapshots.latencies(2, 400, 52, 2)),
                List.of()),
            "message.burst.latency.median");
    assertEquals(Change.WITHIN_NOISE, r.change(), r.toString());
    assertTrue(r.reason().contains("too small to matter"), r.reason());
  }

  @Test
  void twoSlowOutliersMoveTheP95ButNotTheMedianShiftSoTheyAreWithinNoise() {
    List<Integer> before = Snapshots.latencies(1, 20, 50, 2);
    List<Integer> now = new ArrayList<>(Snapshots.latencies(2, 20, 50, 2));
    now.set(0, 90);
    now.set(1, 85);
    Comparison r =
        row(
            comparator.compare(Snapshots.smoke(before), Snapshots.smoke(now), List.of()),
            "message.burst.latency.median");
    assertTrue(
        Snapshots.smoke(now).figures().get("message.burst.latency.p95")
            >= 1.3 * Snapshots.smoke(before).figures().get("message.burst.latency.p95"));
    assertEquals(Change.WITHIN_NOISE, r.change(), r.toString());
    assertTrue(Math.abs(r.changePercent()) < 10, r.toString());
  }

  private static History.Line earlier(double median) {
    return new History.Line(
        java.time.Instant.now(),
        null,
        "reference-server",
        "smoke",
        "PASS",
        java.util.Map.of("message.burst.latency.median", median));
  }

  @Test
  void theRunToRunNoiseOfTheLastRunsRaisesTheBarAboveTheMinimumChange() {
    RunSnapshot baseline = Snapshots.smoke(Snapshots.latencies(1, 20, 50, 3));
    RunSnapshot slower = Snapshots.smoke(Snapshots.latencies(2, 20, 60, 3));
    Comparison quietHistory =
        row(
            comparator.compare(baseline, slower, List.of(earlier(50), earlier(51), earlier(50))),
            "message.burst.latency.median");
    assertEquals(Change.REGRESSION, quietHistory.change(), quietHistory.toString());

    List<History.Line> noisy =
        List.of(earlier(50), earlier(62), earlier(45), earlier(58), earlier(52));
    assertEquals(
        51.3,
        BaselineComparator.runToRunNoisePercent("message.burst.latency.median", noisy)
            .orElseThrow(),
        0.1);
    Comparison r = row(comparator.compare(baseline, slower, noisy), "message.burst.latency.median");
    assertEquals(Change.WITHIN_NOISE, r.change(), r.toString());
    assertTrue(r.reason().contains("run-to-run noise"), r.reason());
    assertTrue(
        BaselineComparator.runToRunNoisePercent(
                "message.burst.latency.median", List.of(earlier(50), earlier(60)))
            .isEmpty(),
        "two runs give no spread");
  }

  private static RunSnapshot steps(RunSnapshot.Step... steps) {
    return Snapshots.run("smoke", "PASS", List.of(), List.of(steps), null);
  }

  private static RunSnapshot.Step step(String name, long replied, int p95, double rate) {
    return new RunSnapshot.Step(name, 100, replied, p95, rate, replied == 100 && p95 <= 200);
  }

  @Test
  void aStepThatLostRepliesIsAThroughputRegression() {
    RunSnapshot baseline = steps(step("10/s", 100, 50, 10), step("25/s", 100, 50, 25));
    RunSnapshot lossy = steps(step("10/s", 100, 50, 10), step("25/s", 90, 50, 22.6));

    Comparison r = row(comparator.compare(baseline, lossy, List.of()), "message.throughput.steps");
    assertEquals(Change.REGRESSION, r.change(), r.toString());
    assertTrue(r.reason().contains("step 25/s 90/100 replies, baseline 100/100"), r.reason());
  }

  @Test
  void aStepThatBrokeOnLatencyAloneIsNotAThroughputChange() {
    RunSnapshot baseline = steps(step("10/s", 100, 50, 10), step("25/s", 100, 50, 25));
    RunSnapshot slowSecond = steps(step("10/s", 100, 50, 10), step("25/s", 100, 338, 24.1));

    Comparison r =
        row(comparator.compare(baseline, slowSecond, List.of()), "message.throughput.steps");
    assertEquals(Change.WITHIN_NOISE, r.change(), r.toString());
  }

  @Test
  void aRateThatFellByTheMinimumChangeIsAThroughputRegression() {
    RunSnapshot baseline = steps(step("10/s", 100, 50, 10), step("25/s", 100, 50, 25));
    RunSnapshot slower = steps(step("10/s", 100, 50, 10), step("25/s", 100, 50, 20));

    Comparison r = row(comparator.compare(baseline, slower, List.of()), "message.throughput.steps");
    assertEquals(Change.REGRESSION, r.change(), r.toString());
    assertEquals(-20, r.changePercent(), 1e-9);
  }

  @Test
  void fishersExactTestGivesTheHypergeometricTail() {
    assertEquals(0.000771, FisherExact.pMoreLostNow(0, 100, 10, 100), 1e-6);
    assertEquals(0.3106, FisherExact.pMoreLostNow(1, 100, 3, 100), 1e-4);
    assertEquals(1.0, FisherExact.pMoreLostNow(0, 100, 0, 100), 1e-9);
  }

  @Test
  void aLeakRateThatRoseByMoreThanHalfTheThresholdIsAMemoryRegression() {
    RunSnapshot clean =
        Snapshots.run("smoke", "PASS", List.of(), List.of(), Snapshots.memory(1, 4_000));
    RunSnapshot cleanAgain =
        Snapshots.run("smoke", "PASS", List.of(), List.of(), Snapshots.memory(2, 6_000));
    RunSnapshot leaking =
        Snapshots.run("smoke", "PASS", List.of(), List.of(), Snapshots.memory(3, 64 * 1024));

    Comparison r = row(comparator.compare(clean, leaking, List.of()), "memory.leak.rate");
    assertEquals(Change.REGRESSION, r.change(), r.toString());
    Comparison noise = row(comparator.compare(clean, cleanAgain, List.of()), "memory.leak.rate");
    assertEquals(Change.WITHIN_NOISE, noise.change(), noise.toString());
  }

  @Test
  void aMillisecondOnAFastRoundTripIsWithinNoiseThoughItDoublesIt() {
    Comparison r =
        row(
            comparator.compare(
                Snapshots.smoke(Snapshots.latencies(1, 400, 1, 0.3)),
                Snapshots.smoke(Snapshots.latencies(2, 400, 2, 0.3)),
                List.of()),
            "message.burst.latency.median");
    assertEquals(Change.WITHIN_NOISE, r.change(), r.toString());
    assertTrue(r.reason().contains("below the smallest that counts, 5 ms"), r.reason());
  }

  @Test
  void tooFewRepliesAreNotComparedAndSaySo() {
    Comparison r =
        row(
            comparator.compare(
                Snapshots.smoke(List.of(50, 51)), Snapshots.smoke(List.of(150, 151)), List.of()),
            "message.burst.latency.median");
    assertEquals(Change.NOT_COMPARED, r.change());
    assertTrue(r.reason().contains("fewer than 8"), r.reason());
  }
}
