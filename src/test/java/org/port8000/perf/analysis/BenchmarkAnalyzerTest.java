package org.port8000.perf.analysis;

import static org.junit.jupiter.api.Assertions.*;
import static org.port8000.perf.analysis.AnalyzerFixtures.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.results.BenchmarkFacts;
import org.port8000.perf.results.BenchmarkFacts.Snapshot;
import org.port8000.perf.results.BenchmarkFacts.Step;
import org.port8000.perf.results.BenchmarkOperation;
import org.port8000.perf.results.BenchmarkRequests;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.RequestStats;
import org.port8000.perf.results.ResourceFacts;

/** The benchmark's rules on hand-made results: latency by p95, knees, churn, not measured. */
class BenchmarkAnalyzerTest {

  @TempDir Path folder;

  private static RequestStats stats(String name, long ok, long ko, int p95) {
    return new RequestStats(name, ok, ko, 1, p95 + 5, p95 / 2, p95 / 2, p95, p95 + 2);
  }

  private static Step step(String name, int level, int planned, boolean skipped, Double cpu) {
    return new Step(
        name,
        level,
        planned,
        skipped ? 0 : planned,
        0,
        skipped ? null : level * 1.0,
        cpu,
        null,
        skipped,
        null,
        Map.of());
  }

  /** Every latency request fast and clean, plus the given extra requests. */
  private GatlingRun run(List<RequestStats> extra, int wsP95) {
    List<RequestStats> all = new ArrayList<>(extra);
    for (BenchmarkOperation o : BenchmarkOperation.values()) {
      all.add(stats(o.requestName(), 10, 0, o == BenchmarkOperation.WS_MESSAGE ? wsP95 : 5));
    }
    return AnalyzerFixtures.run(
        folder, BenchmarkResult.SIMULATION, all.toArray(RequestStats[]::new));
  }

  /** A clean server: memory grew in the first churn round only (a JVM's one-time growth). */
  private static final double[] FLAT = {105, 105, 105, 105, 105};

  /** Server memory added by each bot of the bot ramp. */
  private double mbPerBot = 1;

  private void facts(List<Step> api, List<Step> conn, List<Step> churn, long extraFiles) {
    facts(api, conn, churn, FLAT, 60, extraFiles);
  }

  /** {@code roundMb}: memory after each churn round's cool-down; {@code perRound} connections. */
  private void facts(
      List<Step> api,
      List<Step> conn,
      List<Step> churn,
      double[] roundMb,
      int perRound,
      long extraFiles) {
    BenchmarkFacts.Parameters p =
        new BenchmarkFacts.Parameters(
            "smoke",
            3,
            3,
            5,
            2,
            List.of(50, 200),
            3,
            List.of(100),
            2,
            List.of(10),
            3,
            3,
            roundMb.length,
            perRound,
            50,
            10,
            5,
            3,
            2,
            5000,
            2,
            100);
    List<Step> rounds = new ArrayList<>();
    List<Snapshot> snaps =
        new ArrayList<>(
            List.of(
                new Snapshot(BenchmarkFacts.RUN_START, 0, 100 * MB, 100, 0, 0),
                new Snapshot(BenchmarkFacts.CHURN_BASELINE, 1000, 100 * MB, 150, 0, 0)));
    for (int i = 1; i <= roundMb.length; i++) {
      rounds.add(step("round " + i, 50, perRound, false, 5.0));
      snaps.add(
          new Snapshot(
              BenchmarkFacts.churnRoundLabel(i),
              1000 + i,
              (long) (roundMb[i - 1] * MB),
              150,
              0,
              0));
    }
    snaps.add(
        new Snapshot(
            BenchmarkFacts.CHURN_AFTER,
            2000,
            (long) (roundMb[roundMb.length - 1] * MB),
            150 + extraFiles,
            0,
            4096));
    snaps.add(new Snapshot(BenchmarkFacts.RUN_END, 2000, 100 * MB, 150, 0, 4096));
    ProbeFiles.write(
        folder,
        BenchmarkFacts.PROBE,
        new BenchmarkFacts(
            p,
            api,
            conn,
            churn,
            rounds,
            new BenchmarkFacts.Bots(10, 10, null, 10),
            true,
            "process 1",
            snaps));
    List<ResourceFacts.Checkpoint> cps = new ArrayList<>();
    cps.add(cp(BenchmarkFacts.IDLE_START, 0, 90 * MB));
    cps.add(cp(BenchmarkFacts.IDLE_END, 1000, 90 * MB));
    for (int i = 1; i <= 10; i++) {
      cps.add(cp(BenchmarkFacts.botsCheckpoint(i), 1000 + i, (long) ((90 + i * mbPerBot) * MB)));
    }
    cps.add(cp(BenchmarkFacts.BUSY_START, 2000, 100 * MB));
    cps.add(cp(BenchmarkFacts.BUSY_END, 3000, 100 * MB));
    ProbeFiles.write(folder, ResourceFacts.PROBE, samples(series(3000, t -> 100 * MB), cps, null));
    meta(folder, true);
  }

  private static Check check(BenchmarkResult r, String metric) {
    return r.checks().stream().filter(c -> c.metric().equals(metric)).findFirst().orElseThrow();
  }

  private List<Step> api(Double cpuOfSecond) {
    return api(cpuOfSecond, 5);
  }

  /** The API ramp as the simulation recorded it: list bots at 5 ms, then at {@code p95}. */
  private List<Step> api(Double cpuOfSecond, int secondStepP95) {
    String op = BenchmarkOperation.LIST_BOTS.requestName();
    return List.of(
        timed(step("api 50/s", 50, 150, false, 10.0), Map.of(op, 5)),
        timed(step("api 200/s", 200, 600, false, cpuOfSecond), Map.of(op, secondStepP95)));
  }

  private static Step timed(Step s, Map<String, Integer> p95) {
    return new Step(
        s.name(),
        s.level(),
        s.planned(),
        s.ok(),
        s.failed(),
        s.achievedPerSecond(),
        s.generatorCpuPercent(),
        s.serverConnections(),
        s.skipped(),
        s.stopReason(),
        p95);
  }

  private List<RequestStats> apiStats(int secondStepP95) {
    List<RequestStats> out = new ArrayList<>();
    for (BenchmarkOperation o : BenchmarkOperation.reads()) {
      out.add(stats(o.apiStepName(50), 30, 0, 5));
      out.add(stats(o.apiStepName(200), 120, 0, secondStepP95));
    }
    out.add(stats(BenchmarkRequests.connectionOpen(100), 100, 0, 3));
    out.add(stats(BenchmarkRequests.connectionProbe(100), 10, 0, 20));
    out.add(stats(BenchmarkRequests.churnConnect(10), 30, 0, 3));
    out.add(stats(BenchmarkRequests.churnMessage(10), 30, 0, 20));
    return out;
  }

  private List<Step> conn() {
    return List.of(new Step("conn 100", 100, 100, 100, 0, 100.0, 5.0, 100, false, null, Map.of()));
  }

  private List<Step> churn() {
    return List.of(step("churn 10/s", 10, 30, false, 5.0));
  }

  @Test
  void aSlowOperationFailsItsRowByP95AndIsRecommended() {
    facts(api(20.0), conn(), churn(), 0);
    BenchmarkResult r = new BenchmarkAnalyzer().analyze(Optional.of(run(apiStats(5), 73)));

    Check ws = check(r, "benchmark.latency.ws_message.p95");
    assertEquals(73.0, ws.value());
    assertEquals(Status.FAIL, ws.status());
    assertEquals(Status.PASS, check(r, "benchmark.latency.list_bots.p95").status());
    assertEquals(Status.FAIL, r.status());
    assertTrue(r.recommendations().stream().anyMatch(x -> x.contains("p95 73 ms")));
  }

  @Test
  void errorsIncludingSuccessFalseFailTheRowEvenWhenFast() {
    facts(api(20.0), conn(), churn(), 0);
    List<RequestStats> extra = new ArrayList<>(apiStats(5));
    BenchmarkResult r =
        new BenchmarkAnalyzer()
            .analyze(
                Optional.of(
                    AnalyzerFixtures.run(
                        folder,
                        BenchmarkResult.SIMULATION,
                        withTaskErrors(extra).toArray(RequestStats[]::new))));

    Check errors = check(r, "benchmark.latency.send_task.errors");
    assertEquals(4.0, errors.value());
    assertEquals(Status.FAIL, errors.status());
    assertEquals(Status.PASS, check(r, "benchmark.latency.send_task.p95").status());
  }

  private static List<RequestStats> withTaskErrors(List<RequestStats> extra) {
    List<RequestStats> all = new ArrayList<>(extra);
    for (BenchmarkOperation o : BenchmarkOperation.values()) {
      all.add(
          o == BenchmarkOperation.SEND_TASK
              ? stats(o.requestName(), 6, 4, 5)
              : stats(o.requestName(), 10, 0, 5));
    }
    return all;
  }

  @Test
  void theApiKneeIsTheHighestStepHeldBeforeTheFirstThatBroke() {
    facts(api(20.0, 150), conn(), churn(), 0);
    BenchmarkResult r = new BenchmarkAnalyzer().analyze(Optional.of(run(apiStats(150), 20)));

    Check calls = check(r, "benchmark.throughput.apiCalls");
    assertEquals(50.0, calls.value());
    assertEquals(Status.PASS, calls.status());
    assertTrue(calls.note().contains("api 200/s"), calls.note());
    BenchmarkResult.Ramp ramp = r.ramps().get(0);
    assertTrue(ramp.steps().get(1).result().startsWith("broke"), ramp.toString());
    assertEquals("20 %", ramp.steps().get(1).generatorCpu());
  }

  @Test
  void aKneeWhileTheGeneratorIsBusySaysTheLimitMayBeTheMachines() {
    facts(api(91.0, 150), conn(), churn(), 0);
    BenchmarkResult r = new BenchmarkAnalyzer().analyze(Optional.of(run(apiStats(150), 20)));

    assertTrue(
        r.ramps().get(0).result().contains("may be this machine's"), r.ramps().get(0).result());
  }

  @Test
  void aSlowServerThatHoldsEveryLevelHoldsThemAndOnlyTheLatencyRowFails() {
    String chat = org.port8000.perf.results.BenchmarkRequests.STEP_CHAT;
    String reply = org.port8000.perf.results.BenchmarkRequests.STEP_REPLY;
    List<Step> conn =
        List.of(
            timed(
                new Step("conn 100", 100, 100, 100, 0, 100.0, 5.0, 101, false, null, Map.of()),
                Map.of(chat, 110)),
            timed(
                new Step("conn 300", 300, 200, 200, 0, 200.0, 5.0, 301, false, null, Map.of()),
                Map.of(chat, 112)));
    List<Step> churn =
        List.of(
            timed(
                step("churn 10/s", 10, 30, false, 5.0),
                Map.of(reply, 110, org.port8000.perf.results.BenchmarkRequests.STEP_CONNECT, 3)));
    facts(api(20.0), conn, churn, 0);
    BenchmarkResult r = new BenchmarkAnalyzer().analyze(Optional.of(run(apiStats(5), 110)));

    assertEquals(300.0, check(r, "benchmark.throughput.connections").value());
    assertEquals(Status.PASS, check(r, "benchmark.throughput.connections").status());
    assertTrue(
        r.throughput().stream()
            .anyMatch(
                x ->
                    x.measured()
                        .equals(
                            "≥ 300 connections held (the configured top); chat p95 112 ms at every level")),
        r.throughput().toString());
    assertEquals(Status.PASS, check(r, "benchmark.throughput.messages").status());
    assertEquals(
        Status.FAIL,
        check(r, "benchmark.latency.ws_message.p95").status(),
        "the latency rows judge the latency");
  }

  @Test
  void aLevelWhoseChatSlowedBeyondTheToleranceBreaksWithItsReason() {
    String chat = org.port8000.perf.results.BenchmarkRequests.STEP_CHAT;
    List<Step> conn =
        List.of(
            timed(
                new Step("conn 100", 100, 100, 100, 0, 100.0, 5.0, 101, false, null, Map.of()),
                Map.of(chat, 10)),
            timed(
                new Step("conn 300", 300, 200, 200, 0, 200.0, 5.0, 301, false, "x", Map.of()),
                Map.of(chat, 400)));
    facts(api(20.0), conn, churn(), 0);
    BenchmarkResult r = new BenchmarkAnalyzer().analyze(Optional.of(run(apiStats(5), 20)));

    Check c = check(r, "benchmark.throughput.connections");
    assertEquals(100.0, c.value());
    assertTrue(
        c.note()
            .contains(
                "chat p95 400 ms, more than the 110 ms its p95 of 10 ms at" + " conn 100 allows"),
        c.note());
  }

  @Test
  void whenEveryStepHeldTheFigureIsTheBoundNotAKnee() {
    facts(api(20.0), conn(), churn(), 0);
    BenchmarkResult r = new BenchmarkAnalyzer().analyze(Optional.of(run(apiStats(5), 20)));

    Check conn = check(r, "benchmark.throughput.connections");
    assertEquals(100.0, conn.value());
    assertTrue(
        r.throughput().stream().anyMatch(x -> x.measured().startsWith("≥ 100")),
        r.throughput().toString());
    assertTrue(
        r.headroom().stream().anyMatch(x -> x.startsWith("Connections: at least 10×")),
        r.headroom().toString());
  }

  @Test
  void memoryKeptRoundAfterRoundFailsTheChurnRow() {
    // 256 KB kept per connection: 15 MB more after every round of 60
    facts(api(20.0), conn(), churn(), new double[] {115, 130, 145, 160, 175}, 60, 0);
    BenchmarkResult r = new BenchmarkAnalyzer().analyze(Optional.of(run(apiStats(5), 20)));

    Check retained = check(r, "benchmark.churn.retainedPerConnection");
    assertEquals(Status.FAIL, retained.status(), retained.toString());
    assertEquals(256, retained.value(), 0.01);
    assertTrue(r.recommendations().stream().anyMatch(x -> x.contains("Per-connection memory")));
  }

  @Test
  void aLeakThatShowsOnlyAtEveryOtherRoundsCollectionStillFails() {
    // 256 KB per connection, 40 per round: 10 MB a round, visible in steps of 20 MB (young GCs)
    facts(
        api(20.0),
        conn(),
        churn(),
        new double[] {110, 130, 130, 150, 150, 170, 170, 190, 190, 210},
        40,
        0);
    BenchmarkResult r = new BenchmarkAnalyzer().analyze(Optional.of(run(apiStats(5), 20)));

    Check retained = check(r, "benchmark.churn.retainedPerConnection");
    assertEquals(Status.FAIL, retained.status(), retained.toString());
    assertEquals(256, retained.value(), 1);
  }

  @Test
  void growthInTheFirstRoundOnlyAndStableOpenFilesPass() {
    // the blocker's clean server: 104 → 109 MB during the first round, then a few 100 KB of noise
    facts(api(20.0), conn(), churn(), new double[] {109, 109.5, 109.2, 109.6, 109.4}, 60, 2);
    BenchmarkResult r = new BenchmarkAnalyzer().analyze(Optional.of(run(apiStats(5), 20)));

    Check retained = check(r, "benchmark.churn.retainedPerConnection");
    assertEquals(Status.PASS, retained.status(), retained.toString());
    assertTrue(retained.value() < 32, retained.toString());
    assertEquals(Status.PASS, check(r, "benchmark.churn.openFilesAfterCoolDown").status());
  }

  @Test
  void anIntervalAcrossTheLimitCannotResolveAndNamesTheSettingsToRaise() {
    facts(api(20.0), conn(), churn(), new double[] {100, 103, 101, 104, 106}, 60, 0);
    BenchmarkResult r = new BenchmarkAnalyzer().analyze(Optional.of(run(apiStats(5), 20)));

    Check retained = check(r, "benchmark.churn.retainedPerConnection");
    assertEquals(Status.NOT_MEASURED, retained.status(), retained.toString());
    assertNull(retained.value());
    assertTrue(retained.note().startsWith("cannot resolve (± "), retained.note());
    assertTrue(retained.note().contains("benchmark.churn.roundConnections"), retained.note());
  }

  @Test
  void tooFewConnectionsForTheNoiseCannotResolveEvenWhenFlat() {
    // 4 rounds of 20 after the first: 80 × 32 KB = 2.5 MB, inside the 4 MB noise floor
    facts(api(20.0), conn(), churn(), FLAT, 20, 0);
    BenchmarkResult r = new BenchmarkAnalyzer().analyze(Optional.of(run(apiStats(5), 20)));

    Check retained = check(r, "benchmark.churn.retainedPerConnection");
    assertEquals(Status.NOT_MEASURED, retained.status(), retained.toString());
    assertTrue(
        retained.note().contains("cannot resolve (± 51.2 KB per connection)"), retained.note());
    assertTrue(retained.note().contains("raise benchmark.churn.roundConnections"), retained.note());
  }

  @Test
  void fewerThanThreeReadingsAfterTheRoundsAreNotMeasured() {
    facts(api(20.0), conn(), churn(), new double[] {105, 105}, 60, 0);
    BenchmarkResult r = new BenchmarkAnalyzer().analyze(Optional.of(run(apiStats(5), 20)));

    Check retained = check(r, "benchmark.churn.retainedPerConnection");
    assertEquals(Status.NOT_MEASURED, retained.status(), retained.toString());
    assertTrue(retained.note().contains("only 2 memory readings"), retained.note());
  }

  @Test
  void openFilesNotBackToBaselineFail() {
    facts(api(20.0), conn(), churn(), 30);
    BenchmarkResult r = new BenchmarkAnalyzer().analyze(Optional.of(run(apiStats(5), 20)));

    assertEquals(Status.FAIL, check(r, "benchmark.churn.openFilesAfterCoolDown").status());
  }

  @Test
  void memoryPerBotIsTheSlopeOverBots() {
    facts(api(20.0), conn(), churn(), 0);
    BenchmarkResult r = new BenchmarkAnalyzer().analyze(Optional.of(run(apiStats(5), 20)));

    Check c = check(r, "benchmark.resource.memoryPerBot");
    assertEquals(1.0, c.value(), 1e-9);
    assertEquals(Status.PASS, c.status());
  }

  @Test
  void memoryPerBotAboveTheTargetFails() {
    mbPerBot = 300;
    facts(api(20.0), conn(), churn(), 0);
    BenchmarkResult r = new BenchmarkAnalyzer().analyze(Optional.of(run(apiStats(5), 20)));

    Check c = check(r, "benchmark.resource.memoryPerBot");
    assertEquals(Status.FAIL, c.status(), c.toString());
    assertEquals(300.0, c.value(), 1e-9);
  }

  @Test
  void memoryPerBotThatFallsIsShownAsMeasuredWithItsIntervalNeverAsZero() {
    mbPerBot = -0.5;
    facts(api(20.0), conn(), churn(), 0);
    BenchmarkResult r = new BenchmarkAnalyzer().analyze(Optional.of(run(apiStats(5), 20)));

    Check c = check(r, "benchmark.resource.memoryPerBot");
    assertEquals(Status.PASS, c.status(), "the interval's upper bound is under 200 MB");
    assertEquals(-0.5, c.value(), 1e-9);
    BenchmarkResult.Row row =
        r.resources().stream()
            .filter(x -> x.label().equals("Memory/bot"))
            .findFirst()
            .orElseThrow();
    assertTrue(row.measured().startsWith("-512 KB per bot (95 % interval"), row.measured());
  }

  @Test
  void aMissingRequestIsNotMeasuredWithTheReasonNeverPassed() {
    facts(api(20.0), conn(), churn(), 0);
    BenchmarkResult r =
        new BenchmarkAnalyzer()
            .analyze(
                Optional.of(
                    AnalyzerFixtures.run(
                        folder,
                        BenchmarkResult.SIMULATION,
                        apiStats(5).toArray(RequestStats[]::new))));

    Check c = check(r, "benchmark.latency.list_bots.p95");
    assertEquals(Status.NOT_MEASURED, c.status());
    assertTrue(c.note().contains("no 'list bots' request"), c.note());
    assertEquals(Status.NOT_MEASURED, r.status());
  }

  @Test
  void notRunSaysHowToRunIt() {
    BenchmarkResult r = new BenchmarkAnalyzer().analyze(Optional.empty());

    assertFalse(r.ran());
    assertTrue(r.checks().isEmpty());
    assertTrue(r.notes().get(0).contains(BenchmarkResult.COMMAND));
  }
}
