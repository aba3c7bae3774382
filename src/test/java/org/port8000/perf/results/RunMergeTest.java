package org.port8000.perf.results;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merge on hand-made injector runs; on real Gatling logs in {@link RunMergeIT}. */
class RunMergeTest {
  private static final String SIM = "org.port8000.perf.simulations.MessageThroughputSimulation";
  private static final long T0 = 1_800_000_000_000L;

  @TempDir Path root;

  private InjectorRun run(
      String input,
      String runId,
      int index,
      int count,
      String simulation,
      long start,
      List<GatlingLog.Sample> samples) {
    Path in = root.resolve(input);
    Path folder =
        in.resolve(
            "gatling/"
                + simulation.substring(simulation.lastIndexOf('.') + 1).toLowerCase()
                + "-"
                + start);
    InjectorFacts facts =
        runId == null
            ? null
            : new InjectorFacts(
                runId,
                index,
                count,
                "pod-" + index,
                "MessageThroughputSimulation",
                "3.15.1",
                null,
                Instant.ofEpochMilli(start),
                Instant.ofEpochMilli(start + 10_000),
                2,
                1.5,
                40.0 + index,
                95.0 - 10 * index);
    return new InjectorRun(
        in, folder, facts, new GatlingLog.Content("3.15.1", simulation, start, 5, samples));
  }

  /** {@code n} OK samples of {@code ms}, one every 100 ms from {@code from}. */
  private static List<GatlingLog.Sample> ok(String name, int n, int ms, int from) {
    List<GatlingLog.Sample> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new GatlingLog.Sample(name, from + 100 * i, from + 100 * i + ms, true));
    }
    return out;
  }

  private static Map<Path, Map<String, InjectorRun>> inputs(InjectorRun... runs) {
    Map<Path, Map<String, InjectorRun>> m = new LinkedHashMap<>();
    for (InjectorRun r : runs) {
      m.computeIfAbsent(r.input(), k -> new LinkedHashMap<>()).put(r.simulationName(), r);
    }
    return m;
  }

  @Test
  void poolsCountsAndRecomputesPercentilesFromEverySample() {
    // Injector 0: 90 fast replies and 2 failures; injector 1: 10 slow ones. Averaging the two
    // p95s (10 and 200) would say 105 ms; the pooled p95 is the 95th of 100 samples: 200 ms.
    List<GatlingLog.Sample> a = new ArrayList<>(ok("message", 90, 10, 0));
    a.add(new GatlingLog.Sample("message", 50, 5_050, false));
    a.add(new GatlingLog.Sample("message", 60, 5_060, false));
    InjectorRun first = run("i0", "night-1", 0, 2, SIM, T0, a);
    InjectorRun second = run("i1", "night-1", 1, 2, SIM, T0 + 1_500, ok("message", 10, 200, 0));

    MergedRun m = RunMerge.merge(inputs(second, first)).get("MessageThroughputSimulation");

    RequestStats s = m.requests().get("message");
    assertEquals(100, s.ok());
    assertEquals(2, s.ko());
    assertEquals(10, s.min());
    assertEquals(200, s.max());
    assertEquals(10, s.p50());
    assertEquals(200, s.p95());
    assertEquals(200, s.p99());
    assertEquals(29, s.mean()); // (90 * 10 + 10 * 200) / 100
    assertEquals(Instant.ofEpochMilli(T0), m.start());
    assertEquals("night-1", m.runId());
    // Injectors by index; the second started 1.5 s after the first, on the merged time line.
    assertEquals(List.of(0, 1), m.injectors().stream().map(i -> i.facts().index()).toList());
    assertEquals(1_500, m.injectors().get(1).startOffsetMs());
    assertEquals(92, m.injectors().get(0).ok() + m.injectors().get(0).ko());
    assertEquals(10, m.injectors().get(1).ok());
    // Window: from the first request (0) to the latest end on the merged line: injector 0's
    // last reply at 8900 + 10 ms (injector 1's last ends at 1500 + 900 + 200 = 2600).
    assertEquals(8_910, m.windowMs());
    assertEquals(102 * 1000.0 / m.windowMs(), m.requestsPerSecond(), 1e-9);
  }

  @Test
  void refusesResultsOfDifferentRunsNamingTheFolders() {
    InjectorRun a = run("i0", "night-1", 0, 2, SIM, T0, ok("message", 3, 10, 0));
    InjectorRun b = run("i1", "night-2", 1, 2, SIM, T0, ok("message", 3, 10, 0));
    MergeRefused e = assertThrows(MergeRefused.class, () -> RunMerge.merge(inputs(a, b)));
    assertTrue(e.getMessage().contains("run id 'night-1' in " + a.folder()), e.getMessage());
    assertTrue(e.getMessage().contains("run id 'night-2' in " + b.folder()), e.getMessage());
  }

  @Test
  void refusesInjectorsThatRanDifferentSimulations() {
    InjectorRun a = run("i0", "night-1", 0, 2, SIM, T0, ok("message", 3, 10, 0));
    InjectorRun b = run("i1", "night-1", 1, 2, "x.HeartbeatSimulation", T0, ok("hb", 3, 10, 0));
    MergeRefused e = assertThrows(MergeRefused.class, () -> RunMerge.merge(inputs(a, b)));
    assertTrue(
        e.getMessage().contains(root.resolve("i0") + " ran MessageThroughputSimulation"),
        e.getMessage());
    assertTrue(
        e.getMessage().contains(root.resolve("i1") + " ran HeartbeatSimulation"), e.getMessage());
  }

  @Test
  void refusesAMissingOrRepeatedInjectorAndARunWithoutInjectorFacts() {
    InjectorRun a = run("i0", "night-1", 0, 3, SIM, T0, ok("message", 3, 10, 0));
    InjectorRun b = run("i1", "night-1", 1, 3, SIM, T0, ok("message", 3, 10, 0));
    MergeRefused missing = assertThrows(MergeRefused.class, () -> RunMerge.merge(inputs(a, b)));
    assertTrue(
        missing.getMessage().contains("the run had 3 injectors and injector 2 is missing"),
        missing.getMessage());

    InjectorRun again = run("i2", "night-1", 1, 3, SIM, T0, ok("message", 3, 10, 0));
    MergeRefused twice =
        assertThrows(MergeRefused.class, () -> RunMerge.merge(inputs(a, b, again)));
    assertTrue(
        twice.getMessage().contains("injector 1 appears more than once"), twice.getMessage());

    InjectorRun other = run("i2", "night-1", 2, 4, SIM, T0, ok("message", 3, 10, 0));
    MergeRefused count =
        assertThrows(MergeRefused.class, () -> RunMerge.merge(inputs(a, b, other)));
    assertTrue(
        count.getMessage().contains("injector.count 4 in " + other.folder()), count.getMessage());

    InjectorRun bare = run("i2", null, 0, 0, SIM, T0, ok("message", 3, 10, 0));
    MergeRefused noFacts = assertThrows(MergeRefused.class, () -> RunMerge.merge(inputs(a, bare)));
    assertTrue(
        noFacts.getMessage().contains(bare.folder() + " has no probe-injector.json"),
        noFacts.getMessage());
  }

  @Test
  void aMergeOfSeveralInjectorsWithPerInjectorFactsIsNotJudged() throws Exception {
    InjectorRun a = run("i0", "night-2", 0, 2, SIM, T0, ok("message", 3, 10, 0));
    InjectorRun b = run("i1", "night-2", 1, 2, SIM, T0 + 200, ok("message", 3, 10, 0));
    MergedRun pair = RunMerge.merge(inputs(a, b)).values().iterator().next();
    // message phases and heartbeat facts are summed by the merge: judged
    assertTrue(MergedRunFolder.notJudgeable(pair).isEmpty());
    Files.createDirectories(a.folder());
    ProbeFiles.write(a.folder(), HeartbeatFacts.PROBE, Map.of("clients", 5));
    assertTrue(MergedRunFolder.notJudgeable(pair).isEmpty());
    ProbeFiles.write(a.folder(), BenchmarkFacts.PROBE, Map.of("phases", List.of()));
    String why = MergedRunFolder.notJudgeable(pair).orElseThrow();
    assertTrue(why.contains("probe-benchmark.json"), why);
    assertTrue(why.contains("2 injectors"), why);
    // one injector: its own facts are the whole run's
    MergedRun solo =
        RunMerge.merge(inputs(run("i9", "night-3", 0, 1, SIM, T0, ok("message", 3, 10, 0))))
            .values()
            .iterator()
            .next();
    Files.createDirectories(solo.injectors().get(0).run().folder());
    ProbeFiles.write(
        solo.injectors().get(0).run().folder(), BenchmarkFacts.PROBE, Map.of("phases", 5));
    assertTrue(MergedRunFolder.notJudgeable(solo).isEmpty());
  }

  private static HeartbeatFacts heartbeats(int clients, int footprint, long first, long end) {
    return new HeartbeatFacts(
        clients,
        500,
        20,
        40,
        clients * 40L,
        500,
        clients,
        clients,
        0,
        footprint,
        footprint,
        footprint > 0,
        true,
        clients * 40L,
        0,
        clients,
        end - first,
        20_000,
        HeartbeatFacts.YES,
        first,
        end,
        1);
  }

  @Test
  void theMergedFolderSumsEveryInjectorsHeartbeatFactsAndSaysSo() throws Exception {
    InjectorRun a = run("i0", "night-4", 0, 2, SIM, T0, ok("message", 3, 10, 0));
    InjectorRun b = run("i1", "night-4", 1, 2, SIM, T0 + 200, ok("message", 3, 10, 0));
    Files.createDirectories(a.folder());
    Files.createDirectories(b.folder());
    ProbeFiles.write(a.folder(), HeartbeatFacts.PROBE, heartbeats(5, 200, T0 + 1_000, T0 + 20_900));
    ProbeFiles.write(b.folder(), HeartbeatFacts.PROBE, heartbeats(5, 0, T0 + 1_200, T0 + 21_000));

    MergedRun m = RunMerge.merge(inputs(a, b)).values().iterator().next();
    GatlingRun g = MergedRunFolder.write(m, root.resolve("merged"));

    HeartbeatFacts f =
        ProbeFiles.read(g.folder(), HeartbeatFacts.PROBE, HeartbeatFacts.class).orElseThrow();
    assertEquals(10, f.clients());
    assertEquals(400, f.expectedHeartbeats());
    assertEquals(200, f.footprintConnections());
    assertEquals(19_700, f.soakOverlapMs());
    String note =
        ProbeFiles.read(g.folder(), RunFacts.PROBE, RunFacts.class).orElseThrow().notes().get(0);
    assertTrue(note.contains("probe-heartbeat.json: the soak's counts are summed"), note);
    assertTrue(note.contains("soak window of all injectors' clients is 19700 ms"), note);
    assertFalse(note.contains("(probe-heartbeat.json"), "not listed as injector 0's: " + note);
  }

  @Test
  void aProbeFileOnlySomeInjectorsWroteIsLeftOutAsNotMeasured() throws Exception {
    InjectorRun a = run("i0", "night-5", 0, 2, SIM, T0, ok("message", 3, 10, 0));
    InjectorRun b = run("i1", "night-5", 1, 2, SIM, T0 + 200, ok("message", 3, 10, 0));
    Files.createDirectories(a.folder());
    ProbeFiles.write(a.folder(), HeartbeatFacts.PROBE, heartbeats(5, 200, T0, T0 + 20_000));

    MergedRun m = RunMerge.merge(inputs(a, b)).values().iterator().next();
    GatlingRun g = MergedRunFolder.write(m, root.resolve("merged"));

    assertFalse(Files.exists(ProbeFiles.path(g.folder(), HeartbeatFacts.PROBE)));
    String note =
        ProbeFiles.read(g.folder(), RunFacts.PROBE, RunFacts.class).orElseThrow().notes().get(0);
    assertTrue(
        note.contains("probe-heartbeat.json is not measured: 1 of 2 injectors wrote it"), note);
  }

  @Test
  void theMergedFolderCarriesInjectorZerosProbesOneMetaAndTheInjectors() throws Exception {
    InjectorRun a = run("i0", "night-1", 0, 2, SIM, T0, ok("message", 3, 10, 0));
    InjectorRun b = run("i1", "night-1", 1, 2, SIM, T0 + 200, ok("message", 3, 10, 0));
    for (InjectorRun r : List.of(a, b)) {
      Files.createDirectories(r.folder());
      ProbeFiles.write(r.folder(), InjectorFacts.PROBE, r.facts());
      ProbeFiles.write(
          r.folder(),
          RunFacts.PROBE,
          new RunFacts(
              SIM,
              "smoke",
              false,
              "http://127.0.0.1:800" + r.facts().index(),
              false,
              null,
              Instant.ofEpochMilli(r.log().runStart()),
              Instant.ofEpochMilli(r.log().runStart() + 9_000),
              r.facts().index() == 0,
              List.of("note of " + r.facts().index()),
              null));
    }
    // injector 0 sampled the target's two instances: the merged run carries them
    ResourceFacts.Sample one = new ResourceFacts.Sample(0, 5 << 20, null);
    ResourceFacts.Sample two = new ResourceFacts.Sample(0, 10 << 20, null);
    ProbeFiles.write(
        a.folder(),
        ResourceFacts.PROBE,
        new ResourceFacts(
            ResourceFacts.PID,
            "the sum of the 2 instances of -Dtarget.instances",
            100,
            Instant.ofEpochMilli(T0),
            1000,
            null,
            null,
            List.of(two),
            List.of(),
            List.of(
                new ResourceFacts.Instance("pid:1", "pid", "", null, null, List.of(one), null),
                new ResourceFacts.Instance("pid:2", "pid", "", null, null, List.of(one), null))));
    ProbeFiles.write(b.folder(), "timings", Map.of("phases", List.of()));

    MergedRun m = RunMerge.merge(inputs(a, b)).get("MessageThroughputSimulation");
    GatlingRun g = MergedRunFolder.write(m, root.resolve("merged"));

    assertEquals(root.resolve("merged/messagethroughputsimulation-merged-night-1"), g.folder());
    assertEquals(6, g.request("message").orElseThrow().ok());
    ResourceFacts carried =
        ProbeFiles.read(g.folder(), ResourceFacts.PROBE, ResourceFacts.class).orElseThrow();
    assertEquals(
        List.of("pid:1", "pid:2"),
        carried.instances().stream().map(ResourceFacts.Instance::name).toList());
    assertEquals(List.of(one), carried.instances().get(1).samples());
    assertFalse(Files.exists(ProbeFiles.path(g.folder(), "timings")), "injector 1's probes");
    RunFacts meta = ProbeFiles.read(g.folder(), RunFacts.PROBE, RunFacts.class).orElseThrow();
    // Injector 1's target did not answer at its end: the merged run says so.
    assertFalse(meta.targetAnsweredAtEnd());
    assertEquals(Instant.ofEpochMilli(T0 + 9_200), meta.endedAt());
    assertTrue(
        meta.notes().get(0).startsWith("Merged from 2 injectors (run night-1)"),
        meta.notes().toString());
    assertTrue(meta.notes().contains("Injector 1: note of 1"), meta.notes().toString());
    MergedRunFolder.Injectors injectors =
        ProbeFiles.read(
                g.folder(), MergedRunFolder.INJECTORS_PROBE, MergedRunFolder.Injectors.class)
            .orElseThrow();
    assertEquals(
        List.of("pod-0", "pod-1"), injectors.rows().stream().map(r -> r.facts().host()).toList());
    // each injector loaded its own instance: the merged run names both, each row its own
    assertEquals("http://127.0.0.1:8000, http://127.0.0.1:8001", meta.targetUrl());
    assertEquals(
        List.of("http://127.0.0.1:8000", "http://127.0.0.1:8001"),
        injectors.rows().stream().map(MergedRunFolder.Row::target).toList());
    String index = Files.readString(g.folder().resolve("index.html"));
    assertTrue(
        index.contains(
            "href=\"../../i1/gatling/messagethroughputsimulation-" + (T0 + 200) + "/index.html\""),
        index);
  }
}
