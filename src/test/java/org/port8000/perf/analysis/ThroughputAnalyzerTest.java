package org.port8000.perf.analysis;

import static org.junit.jupiter.api.Assertions.*;
import static org.port8000.perf.AreaChecks.check;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.PhaseTimings;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.RequestNames;
import org.port8000.perf.results.RunMeta;

/** The throughput rules on hand-made results: which step is sustained, and why one broke. */
class ThroughputAnalyzerTest {

  @TempDir Path folder;

  private static PhaseTimings.Phase phase(String name, int planned, long replied, int p95,
      Double cpu, Double machine) {
    return phase(name, planned, replied, 0, 0, p95, cpu, machine, null);
  }

  private static PhaseTimings.Phase phase(String name, int planned, long replied,
      long errorFrames, long errorReplies, int p95, Double cpu, Double machine,
      List<Integer> each) {
    // replies spread over exactly planned / rate seconds
    double rate = name.startsWith("burst") ? 10 : Double.parseDouble(name.replace("/s", ""));
    long span = (long) (planned / rate * 1000);
    PhaseTimings.Latency latency = replied == 0 ? null
        : new PhaseTimings.Latency((int) replied, 40, 45, 44, p95, p95 + 5, p95 + 10);
    return new PhaseTimings.Phase(name, planned, rate, name.startsWith("burst one") ? 1 : 10,
        planned, replied, errorFrames, errorReplies,
        planned - replied - errorFrames - errorReplies, 0, 0, 1_000, 1_000 + span, latency,
        null, each, cpu, cpu == null ? null : 1.0, machine);
  }

  private AreaResult analyze(List<PhaseTimings.Phase> phases) {
    ProbeFiles.write(folder, PhaseTimings.PROBE, new PhaseTimings(phases));
    ProbeFiles.write(folder, RunMeta.PROBE, new RunMeta("MessageThroughputSimulation", "smoke",
        false, "http://127.0.0.1:1", true, 1L, Instant.EPOCH, Instant.EPOCH, true, List.of()));
    return new ThroughputAnalyzer().analyze(Optional.of(new GatlingRun(folder,
        "org.port8000.perf.simulations.MessageThroughputSimulation", Instant.EPOCH, Map.of())));
  }

  private static String detail(AreaResult r, String label) {
    return r.details().stream().filter(d -> d.label().equals(label)).findFirst().orElseThrow()
        .value();
  }

  private static PhaseTimings.Phase burst(int p95) {
    return phase(RequestNames.ONE_CLIENT_BURST, 100, 100, p95, 5.0, null);
  }

  @Test
  void sustainedIsTheHighestStepBeforeTheFirstThatBroke() {
    AreaResult r = analyze(List.of(burst(50), phase("25/s", 500, 500, 50, 10.0, null),
        phase("100/s", 2000, 2000, 60, 20.0, null), phase("200/s", 4000, 3000, 80, 30.0, null),
        phase("500/s", 10000, 10000, 90, 40.0, null)));

    Check sustained = check(r, "message.throughput.sustained");
    assertEquals(100.0, sustained.value(), 0.01, "a later step that held does not count");
    assertEquals(Status.PASS, sustained.status());
    assertTrue(detail(r, "Sustained throughput").contains("step 200/s broke: 75% of messages"),
        detail(r, "Sustained throughput"));
  }

  @Test
  void errorFramesAndErrorRepliesAreFailedMessagesShownPerStep() {
    AreaResult r = analyze(List.of(burst(50),
        phase("100/s", 2000, 1990, 6, 4, 60, 20.0, null, null)));

    String step = detail(r, "Step 100/s");
    assertTrue(step.contains("1990/2000 answered"), step);
    assertTrue(step.contains("6 error frames, 4 error replies"), step);
    assertTrue(step.contains("broke"), step);
    assertNotEquals(Status.PASS, check(r, "message.throughput.sustained").status());
  }

  @Test
  void aBrokenStepOnABusyMachineSaysTheLimitMayBeTheMachinesUsingTheWholeMachinesCpu() {
    AreaResult r = analyze(List.of(burst(50), phase("100/s", 2000, 2000, 60, 40.0, 60.0),
        phase("1000/s", 20000, 20000, 450, 55.0, 98.0)));

    String step = detail(r, "Step 1000/s");
    assertTrue(step.contains("p95 450 ms (needs ≤ 200 ms)"), step);
    assertTrue(step.contains("this machine's CPU was 98% busy (the load generator 55%"), step);
    assertTrue(detail(r, "Step 100/s").contains("machine CPU 60%"), detail(r, "Step 100/s"));
    assertFalse(detail(r, "Step 100/s").contains("machine's limit"));
  }

  @Test
  void withoutTheMachinesCpuTheGeneratorsAloneDecides() {
    AreaResult r = analyze(List.of(burst(50), phase("1000/s", 20000, 20000, 450, 95.0, null)));

    assertTrue(detail(r, "Step 1000/s").contains("load generator itself used 95%"),
        detail(r, "Step 1000/s"));
  }

  @Test
  void whenTheFirstStepBreaksThereIsNoSustainedRateAndTheRecommendationSaysWhy() {
    AreaResult r = analyze(List.of(phase(RequestNames.ONE_CLIENT_BURST, 20, 20, 350, 5.0, null),
        phase("10/s", 40, 40, 350, 5.0, null)));

    assertEquals(Status.FAIL, check(r, "message.throughput.sustained").status());
    assertEquals(Status.FAIL, check(r, "message.burst.latency.p95").status());
    Recommendation low = r.recommendations().stream()
        .filter(x -> x.rule().startsWith("Low Throughput")).findFirst().orElseThrow();
    assertTrue(low.evidence().contains("no step held"), low.evidence());
    assertTrue(low.evidence().contains("p95 350 ms"), low.evidence());
  }

  @Test
  void growingOneClientLatencySaysTheRepliesQueued() {
    List<Integer> each = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      each.add(60 + 5 * i); // 5 ms more per message: the target needs 105 ms per 100 ms sent
    }
    AreaResult r = analyze(List.of(phase(RequestNames.ONE_CLIENT_BURST, 100, 100, 0, 0, 530,
        5.0, null, each)));

    assertTrue(detail(r, "Replies queued").contains("queued up"), detail(r, "Replies queued"));
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("the replies queued up")));
  }

  @Test
  void steadyOneClientLatencyDoesNotClaimQueueing() {
    List<Integer> each = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      each.add(45 + i % 3);
    }
    AreaResult r = analyze(List.of(phase(RequestNames.ONE_CLIENT_BURST, 100, 100, 0, 0, 47,
        5.0, null, each)));

    assertTrue(r.details().stream().noneMatch(d -> d.label().equals("Replies queued")));
  }

  @Test
  void aRunWithoutRunFactsFailsAsADeadGeneratorAndKeepsItsCompletedSteps() throws Exception {
    ProbeFiles.write(folder, PhaseTimings.PROBE, new PhaseTimings(List.of(burst(50),
        phase("100/s", 2000, 2000, 60, 20.0, null))));
    AreaResult r = new ThroughputAnalyzer().analyze(Optional.of(new GatlingRun(folder,
        "org.port8000.perf.simulations.MessageThroughputSimulation", Instant.EPOCH, Map.of())));

    assertEquals(Status.FAIL, check(r, "message.run.completed").status());
    assertEquals(Status.FAIL, r.status());
    assertTrue(detail(r, "Step 100/s").contains("held"), detail(r, "Step 100/s"));
  }

  @Test
  void noRunMeansNotRunAndNoFigures() {
    AreaResult r = new ThroughputAnalyzer().analyze(Optional.empty());

    assertFalse(r.ran());
    assertTrue(r.checks().isEmpty());
    assertTrue(r.details().isEmpty());
  }

  @Test
  void aBurstWithoutAnyReplyIsNotMeasuredButItsDropsFail() {
    AreaResult r = analyze(List.of(phase(RequestNames.ONE_CLIENT_BURST, 20, 0, 0, 5.0, null)));

    assertEquals(Status.NOT_MEASURED, check(r, "message.burst.latency.p95").status());
    assertNull(check(r, "message.burst.latency.p95").value());
    Check dropped = check(r, "message.burst.dropped");
    assertEquals(20.0, dropped.value());
    assertEquals(Status.FAIL, dropped.status());
  }

  @Test
  void aFirstStepAboveTheTargetThatBreaksLeavesTheSustainedRateUnmeasuredWithoutLowThroughputAdvice() {
    AreaResult r = analyze(List.of(burst(50), phase("1000/s", 20000, 20000, 450, 48.0, 99.0)));

    Check sustained = check(r, "message.throughput.sustained");
    assertEquals(Status.NOT_MEASURED, sustained.status());
    assertTrue(sustained.note().contains("add lower -Dthroughput.steps"), sustained.note());
    assertTrue(r.recommendations().stream().noneMatch(x -> x.rule().startsWith("Low Throughput")));
  }
}
