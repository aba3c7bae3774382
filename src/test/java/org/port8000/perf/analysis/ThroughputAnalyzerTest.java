package org.port8000.perf.analysis;

import static org.junit.jupiter.api.Assertions.*;
import static org.port8000.perf.AreaChecks.check;
import static org.port8000.perf.analysis.AnalyzerFixtures.detail;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.PhaseFacts;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.RequestNames;
import org.port8000.perf.results.RequestStats;
import org.port8000.perf.results.RunFacts;

/** The throughput rules on hand-made results: which step is sustained, and why one broke. */
class ThroughputAnalyzerTest {

  @TempDir Path folder;

  private static PhaseFacts.Phase phase(
      String name, int planned, long replied, int p95, Double cpu, Double machine) {
    return phase(name, planned, replied, 0, 0, p95, cpu, machine, null);
  }

  /**
   * A phase as the run writes it: the one-client burst with the probe's latencies; any other with
   * its latency in Gatling's stats ({@link #gatling}), here kept on the phase until {@link
   * #analyze} moves it there.
   */
  private static PhaseFacts.Phase phase(
      String name,
      int planned,
      long replied,
      long errorFrames,
      long errorReplies,
      int p95,
      Double cpu,
      Double machine,
      List<Integer> each) {
    return phase(name, planned, replied, errorFrames, errorReplies, p95, cpu, machine, each, 0);
  }

  private static PhaseFacts.Phase phase(
      String name,
      int planned,
      long replied,
      long errorFrames,
      long errorReplies,
      int p95,
      Double cpu,
      Double machine,
      List<Integer> each,
      long late) {
    // replies spread over exactly planned / rate seconds
    double rate =
        name.startsWith("burst")
            ? 10
            : Double.parseDouble(name.replace(" retry", "").replace("/s", ""));
    long span = (long) (planned / rate * 1000);
    PhaseFacts.Latency latency =
        replied == 0
            ? null
            : new PhaseFacts.Latency((int) replied, 40, 45, 44, p95, p95 + 5, p95 + 10);
    int connections = name.startsWith("burst one") ? 1 : 10;
    return new PhaseFacts.Phase(
        name,
        planned,
        rate,
        connections,
        planned,
        replied,
        errorFrames,
        errorReplies,
        planned - replied - errorFrames - errorReplies,
        late,
        late > 0 ? 250 : 0,
        1_000,
        1_000 + span,
        latency,
        null,
        each,
        cpu,
        cpu == null ? null : 1.0,
        machine,
        connections,
        connections,
        "fixed",
        0);
  }

  /** Gatling's stats of the phases it times: their reply requests. */
  private static Map<String, RequestStats> gatling(List<PhaseFacts.Phase> phases) {
    Map<String, RequestStats> m = new HashMap<>();
    for (PhaseFacts.Phase p : phases) {
      if (!p.name().equals(RequestNames.ONE_CLIENT_BURST)) {
        PhaseFacts.Latency l = p.latency();
        String name = RequestNames.reply(p.name());
        m.put(
            name,
            l == null
                ? new RequestStats(name, 0, p.planned(), 0, 0, 0, 0, 0, 0)
                : new RequestStats(
                    name,
                    p.replied(),
                    p.planned() - p.replied(),
                    l.min(),
                    l.max(),
                    l.mean(),
                    l.p50(),
                    l.p95(),
                    l.p99()));
      }
    }
    return m;
  }

  /** The probe's file holds no latencies for the phases Gatling times. */
  private static List<PhaseFacts.Phase> probeFile(List<PhaseFacts.Phase> phases) {
    return phases.stream()
        .map(
            p ->
                p.name().equals(RequestNames.ONE_CLIENT_BURST)
                    ? p
                    : new PhaseFacts.Phase(
                        p.name(),
                        p.planned(),
                        p.offeredPerSecond(),
                        p.connections(),
                        p.sent(),
                        p.replied(),
                        0,
                        0,
                        0,
                        p.lateSends(),
                        p.maxSendLagMs(),
                        p.firstSendMs(),
                        p.lastReplyMs(),
                        null,
                        null,
                        null,
                        p.generatorCpuPercent(),
                        p.generatorCpuSeconds(),
                        p.machineCpuPercent(),
                        p.connections(),
                        p.connections(),
                        "fixed",
                        0))
        .toList();
  }

  private AreaResult analyze(List<PhaseFacts.Phase> phases) {
    ProbeFiles.write(folder, PhaseFacts.PROBE, new PhaseFacts(probeFile(phases)));
    ProbeFiles.write(
        folder,
        RunFacts.PROBE,
        new RunFacts(
            "MessageThroughputSimulation",
            "smoke",
            false,
            "http://127.0.0.1:1",
            true,
            1L,
            Instant.EPOCH,
            Instant.EPOCH,
            true,
            List.of(),
            null));
    return new ThroughputAnalyzer()
        .analyze(
            Optional.of(
                new GatlingRun(
                    folder,
                    "org.port8000.perf.simulations.MessageThroughputSimulation",
                    Instant.EPOCH,
                    gatling(phases))));
  }

  private static PhaseFacts.Phase burst(int p95) {
    return phase(RequestNames.ONE_CLIENT_BURST, 100, 100, p95, 5.0, null);
  }

  @Test
  void sustainedIsTheHighestStepThatHeldABreakBelowItWasTransient() {
    AreaResult r =
        analyze(
            List.of(
                burst(50),
                phase("25/s", 500, 500, 50, 10.0, null),
                phase("100/s", 2000, 2000, 60, 20.0, null),
                phase("200/s", 4000, 3000, 80, 30.0, null),
                phase("500/s", 10000, 10000, 90, 40.0, null),
                phase("1000/s", 20000, 20000, 400, 40.0, null)));

    Check sustained = check(r, "message.throughput.sustained");
    assertEquals(
        500.0, sustained.value(), 0.01, "a higher step held: the 200/s break was" + " transient");
    assertEquals(Status.PASS, sustained.status());
    assertTrue(
        detail(r, "Step 200/s").contains("transient: a higher step held"), detail(r, "Step 200/s"));
    assertTrue(
        detail(r, "Sustained throughput").contains("step 1000/s broke: p95 400 ms"),
        detail(r, "Sustained throughput"));
  }

  @Test
  void aBrokenStepIsDecidedByItsSecondTryAndBothTriesAreShown() {
    AreaResult r =
        analyze(
            List.of(
                burst(50),
                phase("1000/s", 10000, 10000, 291, 40.0, 70.0),
                phase("1000/s retry", 10000, 10000, 53, 40.0, 70.0),
                phase("1200/s", 12000, 12000, 250, 40.0, 70.0),
                phase("1200/s retry", 12000, 12000, 260, 40.0, 70.0)));

    String first = detail(r, "Step 1000/s");
    assertTrue(
        first.contains("try 1: ") && first.contains("p50 / p95 / p99 44 / 291 / 296"), first);
    assertTrue(first.contains("try 2 after a cool-down: ") && first.contains("/ 53 /"), first);
    assertTrue(first.contains("the first try's break was transient"), first);
    Check sustained = check(r, "message.throughput.sustained");
    assertEquals(1000.0, sustained.value(), 0.01);
    assertTrue(sustained.note().contains("1200/s broke: broke on both tries"), sustained.note());
  }

  @Test
  void aBreakOnABusyMachineIsReportedAsTheMachinesBound() {
    AreaResult r =
        analyze(
            List.of(
                burst(50),
                phase("100/s", 2000, 2000, 60, 20.0, 50.0),
                phase("1000/s", 20000, 20000, 450, 55.0, 96.0),
                phase("1000/s retry", 20000, 20000, 420, 55.0, 97.0)));

    assertTrue(r.result().contains("the machine's bound"), r.result());
    assertTrue(
        check(r, "message.throughput.sustained")
            .note()
            .contains("; so this knee is the machine's bound, not the target's"),
        check(r, "message.throughput.sustained").note());
  }

  @Test
  void moreThanOnePercentLateSendsBreaksAStepWhateverItsLatency() {
    AreaResult r =
        analyze(
            List.of(
                burst(50),
                phase("100/s", 2000, 2000, 0, 0, 60, 20.0, null, null, 20),
                phase("200/s", 4000, 4000, 0, 0, 60, 20.0, null, null, 80)));

    assertTrue(detail(r, "Step 100/s").contains("20 late sends"), detail(r, "Step 100/s"));
    assertTrue(detail(r, "Step 100/s").endsWith("held"), detail(r, "Step 100/s"));
    String step = detail(r, "Step 200/s");
    assertTrue(
        step.contains(
            "the target answered slower than the pace; the offered rate was" + " not delivered"),
        step);
    assertEquals(100.0, check(r, "message.throughput.sustained").value(), 0.01);
  }

  @Test
  void stepFiguresAreGatlingsStatsForItsReplyRequest() {
    AreaResult r = analyze(List.of(burst(50), phase("100/s", 2000, 2000, 77, 20.0, null)));

    assertTrue(
        detail(r, "Step 100/s").contains("p50 / p95 / p99 44 / 77 / 82 ms"),
        detail(r, "Step 100/s"));
  }

  @Test
  void theManyClientBurstIsJudgedOnGatlingsReplyRequest() {
    AreaResult r = analyze(List.of(burst(50), phase(RequestNames.BURST, 20, 19, 303, 5.0, null)));

    assertEquals(Status.FAIL, check(r, "message.burst.manyClients.latency.p95").status());
    assertEquals(303.0, check(r, "message.burst.manyClients.latency.p95").value());
    assertEquals(Status.FAIL, check(r, "message.burst.manyClients.dropped").status());
  }

  @Test
  void errorFramesAndErrorRepliesAreFailedMessagesShownPerStep() {
    AreaResult r =
        analyze(List.of(burst(50), phase("100/s", 2000, 1990, 6, 4, 60, 20.0, null, null)));

    String step = detail(r, "Step 100/s");
    assertTrue(step.contains("1990/2000 answered"), step);
    assertTrue(
        step.contains("10 not answered (error frame, error reply, timeout or closed" + " socket"),
        step);
    assertTrue(step.contains("broke"), step);
    assertNotEquals(Status.PASS, check(r, "message.throughput.sustained").status());
  }

  @Test
  void aBrokenStepOnABusyMachineSaysTheLimitMayBeTheMachinesUsingTheWholeMachinesCpu() {
    AreaResult r =
        analyze(
            List.of(
                burst(50),
                phase("100/s", 2000, 2000, 60, 40.0, 60.0),
                phase("1000/s", 20000, 20000, 450, 55.0, 98.0)));

    String step = detail(r, "Step 1000/s");
    assertTrue(step.contains("p95 450 ms (needs ≤ 200 ms)"), step);
    assertTrue(step.contains("this machine's CPU was 98% busy (the load generator 55%"), step);
    assertTrue(detail(r, "Step 100/s").contains("machine CPU 60%"), detail(r, "Step 100/s"));
    assertFalse(detail(r, "Step 100/s").contains("machine's"));
  }

  @Test
  void withoutTheMachinesCpuTheGeneratorsAloneDecides() {
    AreaResult r = analyze(List.of(burst(50), phase("1000/s", 20000, 20000, 450, 95.0, null)));

    assertTrue(
        detail(r, "Step 1000/s").contains("load generator itself used 95%"),
        detail(r, "Step 1000/s"));
  }

  @Test
  void whenTheFirstStepBreaksThereIsNoSustainedRateAndTheRecommendationSaysWhy() {
    AreaResult r =
        analyze(
            List.of(
                phase(RequestNames.ONE_CLIENT_BURST, 20, 20, 350, 5.0, null),
                phase("10/s", 40, 40, 350, 5.0, null)));

    assertEquals(Status.FAIL, check(r, "message.throughput.sustained").status());
    assertEquals(Status.FAIL, check(r, "message.burst.latency.p95").status());
    Recommendation low =
        r.recommendations().stream()
            .filter(x -> x.rule().startsWith("Low Throughput"))
            .findFirst()
            .orElseThrow();
    assertTrue(low.evidence().contains("no step held"), low.evidence());
    assertTrue(low.evidence().contains("p95 350 ms"), low.evidence());
  }

  @Test
  void growingOneClientLatencySaysTheRepliesQueued() {
    List<Integer> each = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      each.add(60 + 5 * i); // 5 ms more per message: the target needs 105 ms per 100 ms sent
    }
    AreaResult r =
        analyze(
            List.of(phase(RequestNames.ONE_CLIENT_BURST, 100, 100, 0, 0, 530, 5.0, null, each)));

    assertTrue(detail(r, "Replies queued").contains("queued up"), detail(r, "Replies queued"));
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("the replies queued up")));
  }

  @Test
  void steadyOneClientLatencyDoesNotClaimQueueing() {
    List<Integer> each = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      each.add(45 + i % 3);
    }
    AreaResult r =
        analyze(List.of(phase(RequestNames.ONE_CLIENT_BURST, 100, 100, 0, 0, 47, 5.0, null, each)));

    assertTrue(r.details().stream().noneMatch(d -> d.label().equals("Replies queued")));
  }

  @Test
  void aRunWithoutRunFactsFailsAsADeadGeneratorAndKeepsItsCompletedSteps() throws Exception {
    List<PhaseFacts.Phase> phases = List.of(burst(50), phase("100/s", 2000, 2000, 60, 20.0, null));
    ProbeFiles.write(folder, PhaseFacts.PROBE, new PhaseFacts(probeFile(phases)));
    AreaResult r =
        new ThroughputAnalyzer()
            .analyze(
                Optional.of(
                    new GatlingRun(
                        folder,
                        "org.port8000.perf.simulations.MessageThroughputSimulation",
                        Instant.EPOCH,
                        gatling(phases))));

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
  void
      aFirstStepAboveTheTargetThatBreaksLeavesTheSustainedRateUnmeasuredWithoutLowThroughputAdvice() {
    AreaResult r = analyze(List.of(burst(50), phase("1000/s", 20000, 20000, 450, 48.0, 99.0)));

    Check sustained = check(r, "message.throughput.sustained");
    assertEquals(Status.NOT_MEASURED, sustained.status());
    assertTrue(sustained.note().contains("add lower -Dthroughput.steps"), sustained.note());
    assertTrue(r.recommendations().stream().noneMatch(x -> x.rule().startsWith("Low Throughput")));
  }

  @Test
  void aStepShowsItsConnectionsAndTheirPace() {
    AreaResult r = analyze(List.of(burst(50), phase("100/s", 2000, 2000, 60, 20.0, null)));

    String step = detail(r, "Step 100/s");
    assertTrue(step.contains("over 10 connections (one message each per 100 ms)"), step);
  }
}
