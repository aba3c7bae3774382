package org.port8000.perf.analysis;

import static org.junit.jupiter.api.Assertions.*;
import static org.port8000.perf.AreaChecks.check;
import static org.port8000.perf.analysis.AnalyzerFixtures.*;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.results.HeartbeatFacts;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.RequestNames;
import org.port8000.perf.results.ResourceFacts;
import org.port8000.perf.results.ResourceFacts.Checkpoint;
import org.port8000.perf.results.ResourceFacts.Instance;
import org.port8000.perf.results.ResourceFacts.Sample;

/** A target of two instances: per instance, their sum and max, and figures from the sum. */
class InstanceTableTest {
  @TempDir Path folder;

  /** Instance A: 50 → 60 MB, CPU 10 then 30 %; B: 40 → 30 MB, CPU 20 then 20 %. */
  private static ResourceFacts twoInstances(List<Checkpoint> a, List<Checkpoint> b) {
    List<Sample> sa =
        List.of(new Sample(0, 50 * MB, null), new Sample(250, 60 * MB, 10.0), sample(500, 55, 30));
    List<Sample> sb =
        List.of(new Sample(0, 40 * MB, null), new Sample(250, 45 * MB, 20.0), sample(500, 30, 20));
    List<Sample> sum = new ArrayList<>();
    for (int i = 0; i < sa.size(); i++) {
      Double ca = sa.get(i).cpuPercent();
      Double cb = sb.get(i).cpuPercent();
      sum.add(
          new Sample(
              sa.get(i).t(),
              sa.get(i).rssBytes() + sb.get(i).rssBytes(),
              ca == null ? null : ca + cb));
    }
    List<Checkpoint> cps = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      cps.add(cp(a.get(i).label(), a.get(i).t(), a.get(i).rssBytes() + b.get(i).rssBytes()));
    }
    return new ResourceFacts(
        ResourceFacts.PID,
        "the sum of the 2 instances of -Dtarget.instances",
        250,
        Instant.now(),
        500,
        null,
        null,
        sum,
        cps,
        List.of(
            new Instance("pid:11", "pid", "process 11", null, null, sa, a),
            new Instance("http://127.0.0.1:9/metrics", "metrics", "/metrics", null, null, sb, b)));
  }

  private static Sample sample(long t, long mb, double cpu) {
    return new Sample(t, mb * MB, cpu);
  }

  @Test
  void eachInstanceTheirSumAndTheLargestColumnByColumn() {
    ResourceFacts s = twoInstances(List.of(), List.of());
    Table t = InstanceTable.of(s).orElseThrow();
    assertEquals(InstanceTable.COLUMNS, t.columns());
    assertEquals(
        List.of(
            List.of("pid:11", "50 MB", "60 MB", "55 MB", "20 %", "30 %", "3"),
            List.of("http://127.0.0.1:9/metrics", "40 MB", "45 MB", "30 MB", "20 %", "20 %", "3"),
            // the sum's peak is the peak of the summed readings (105 at 250 ms), not 60 + 45
            List.of("Sum (the target)", "90 MB", "105 MB", "85 MB", "40 %", "50 %", "3"),
            List.of("Max (largest instance)", "50 MB", "60 MB", "55 MB", "20 %", "30 %", "–")),
        t.rows());
    assertTrue(t.title().contains("2, `target.instances`"), t.title());
    assertTrue(
        t.note().contains("(memory per connection too, where it has one) is the sum's"), t.note());
  }

  @Test
  void aTargetOfOneProcessHasNoTable() {
    ResourceFacts one = samples(series(1000, x -> 50 * MB), List.of(), null);
    assertTrue(InstanceTable.of(one).isEmpty());
    assertTrue(InstanceTable.rows(one).isEmpty());
  }

  @Test
  void theBenchmarkRowsNameEachInstanceTheSumAndTheMax() {
    List<BenchmarkResult.Row> rows = InstanceTable.rows(twoInstances(List.of(), List.of()));
    assertEquals(4, rows.size());
    assertEquals("Server memory and CPU, pid:11", rows.get(0).label());
    assertEquals("peak 105 MB, end 85 MB; CPU mean 40 %, peak 50 %", rows.get(2).measured());
    assertEquals("Server memory and CPU, Max (largest instance)", rows.get(3).label());
  }

  /** Footprint readings: A grows 50 → 53 MB and B 42 → 43 MB with 200 connections open. */
  private static List<Checkpoint> footprint(long before, long open) {
    List<Checkpoint> c = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      c.add(cp(HeartbeatFacts.footprintBeforeLabel(i), 100 + i, before * MB));
    }
    for (int i = 1; i <= 3; i++) {
      c.add(cp(HeartbeatFacts.footprintOpenLabel(200, i), 200 + i, open * MB));
    }
    c.add(cp(HeartbeatFacts.SOAK_START, 300, before * MB));
    c.add(cp(HeartbeatFacts.SOAK_END, 500, before * MB));
    return c;
  }

  @Test
  void memoryPerConnectionComesFromTheSumAndTheHeartbeatSectionShowsTheTable() {
    meta(folder, true);
    ProbeFiles.write(
        folder,
        HeartbeatFacts.PROBE,
        new HeartbeatFacts(
            10,
            500,
            20,
            40,
            400,
            500,
            10,
            10,
            0,
            200,
            200,
            true,
            true,
            400,
            0,
            10,
            19_800,
            20_000,
            HeartbeatFacts.YES,
            0,
            0,
            1));
    ProbeFiles.write(
        folder, ResourceFacts.PROBE, twoInstances(footprint(50, 53), footprint(42, 43)));
    AreaResult r =
        new HeartbeatAnalyzer()
            .analyze(
                Optional.of(
                    run(
                        folder,
                        "HeartbeatSimulation",
                        ok(RequestNames.HEARTBEAT_ACK, 400, 0),
                        ok(RequestNames.HEARTBEAT_SEND, 400, 0))));
    // (3 + 1) MB over 200 connections: the sum's growth, not either instance's
    assertEquals(4.0 / 200, check(r, "websocket.memory.perConnection").value(), 1e-9);
    assertEquals(1, r.tables().size());
    assertEquals("Sum (the target)", r.tables().get(0).rows().get(2).get(0));
  }

  @Test
  void theThroughputSectionShowsTheTargetsMemoryFromTheSumAndTheTable() {
    meta(folder, true);
    ProbeFiles.write(folder, ResourceFacts.PROBE, twoInstances(List.of(), List.of()));
    AreaResult r =
        new ThroughputAnalyzer().analyze(Optional.of(run(folder, "MessageThroughputSimulation")));
    assertEquals(
        "90 MB / 105 MB / 85 MB",
        detail(r, "Target's memory during the run (at load start / peak / end)"));
    assertEquals(
        "40 % / 50 %", detail(r, "Target's CPU during the run (mean / peak, % of one core)"));
    assertEquals(1, r.tables().size());
    assertEquals("pid:11", r.tables().get(0).rows().get(0).get(0));
  }

  @Test
  void aThroughputRunWithoutReadingsSaysTheTargetsMemoryWasNotMeasuredAndWhy() {
    meta(folder, true);
    AreaResult r =
        new ThroughputAnalyzer().analyze(Optional.of(run(folder, "MessageThroughputSimulation")));
    assertEquals(
        "not measured: the run wrote no readings (resources probe file)",
        detail(r, "Target's memory during the run (at load start / peak / end)"));
    assertTrue(r.tables().isEmpty());
  }
}
