package org.port8000.perf.analysis;

import static org.junit.jupiter.api.Assertions.*;
import static org.port8000.perf.AreaChecks.check;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.PhaseTimings;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.RequestNames;
import org.port8000.perf.results.RequestStats;

/** The throughput rules on hand-made results: which step is sustained, and why one broke. */
class ThroughputAnalyzerTest {

  @TempDir Path folder;

  private static PhaseTimings.Phase phase(String name, int planned, long replied, double cpu) {
    // replies spread over exactly planned / rate seconds
    double rate = name.equals("burst") ? 10 : Double.parseDouble(name.replace("/s", ""));
    long span = (long) (planned / rate * 1000);
    return new PhaseTimings.Phase(name, planned, rate, planned, replied, 1_000, 1_000 + span,
        cpu);
  }

  private static RequestStats reply(String phase, long ok, long ko, int p95) {
    return new RequestStats(RequestNames.reply(phase), ok, ko, 40, p95 + 10, 45, 44, p95, p95 + 5);
  }

  private AreaResult analyze(List<PhaseTimings.Phase> phases, RequestStats... replies) {
    ProbeFiles.write(folder, PhaseTimings.PROBE, new PhaseTimings(phases));
    Map<String, RequestStats> byName = new java.util.LinkedHashMap<>();
    for (RequestStats r : replies) {
      byName.put(r.name(), r);
    }
    return new ThroughputAnalyzer().analyze(Optional.of(new GatlingRun(folder,
        "org.port8000.perf.simulations.MessageThroughputSimulation", Instant.EPOCH, byName)));
  }

  private static String detail(AreaResult r, String label) {
    return r.details().stream().filter(d -> d.label().equals(label)).findFirst().orElseThrow()
        .value();
  }

  @Test
  void sustainedIsTheHighestStepBeforeTheFirstThatBroke() {
    AreaResult r = analyze(List.of(phase("burst", 100, 100, 5), phase("25/s", 500, 500, 10),
            phase("100/s", 2000, 2000, 20), phase("200/s", 4000, 3000, 30),
            phase("500/s", 10000, 10000, 40)),
        reply("burst", 100, 0, 50), reply("25/s", 500, 0, 50), reply("100/s", 2000, 0, 60),
        reply("200/s", 3000, 1000, 80), reply("500/s", 10000, 0, 90));

    Check sustained = check(r, "message.throughput.sustained");
    assertEquals(100.0, sustained.value(), 0.01, "a later step that held does not count");
    assertEquals(Status.PASS, sustained.status());
    assertTrue(detail(r, "Sustained throughput").contains("step 200/s broke: 75% of replies"),
        detail(r, "Sustained throughput"));
  }

  @Test
  void aBrokenStepWhileTheGeneratorWasBusySaysTheLimitMayBeTheMachines() {
    AreaResult r = analyze(List.of(phase("burst", 100, 100, 5), phase("100/s", 2000, 2000, 40),
            phase("1000/s", 20000, 20000, 95)),
        reply("burst", 100, 0, 50), reply("100/s", 2000, 0, 60), reply("1000/s", 20000, 0, 450));

    String step = detail(r, "Step 1000/s");
    assertTrue(step.contains("p95 450 ms (needs ≤ 200 ms)"), step);
    assertTrue(step.contains("load generator itself used 95%"), step);
    assertTrue(detail(r, "Step 100/s").contains("load generator CPU 40%"),
        detail(r, "Step 100/s"));
    assertFalse(detail(r, "Step 100/s").contains("machine's limit"));
  }

  @Test
  void whenTheFirstStepBreaksThereIsNoSustainedRateAndTheRecommendationSaysWhy() {
    AreaResult r = analyze(List.of(phase("burst", 20, 20, 5), phase("10/s", 40, 40, 5)),
        reply("burst", 20, 0, 350), reply("10/s", 40, 0, 350));

    assertEquals(Status.FAIL, check(r, "message.throughput.sustained").status());
    assertEquals(Status.FAIL, check(r, "message.burst.latency.p95").status());
    Recommendation low = r.recommendations().stream()
        .filter(x -> x.rule().startsWith("Low Throughput")).findFirst().orElseThrow();
    assertTrue(low.evidence().contains("no step held"), low.evidence());
    assertTrue(low.evidence().contains("p95 350 ms"), low.evidence());
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
    AreaResult r = analyze(List.of(new PhaseTimings.Phase("burst", 20, 10, 20, 0, 1_000, 0,
            null)),
        new RequestStats(RequestNames.reply(RequestNames.BURST), 0, 20, 0, 0, 0, 0, 0, 0));

    assertEquals(Status.NOT_MEASURED, check(r, "message.burst.latency.p95").status());
    assertNull(check(r, "message.burst.latency.p95").value());
    Check dropped = check(r, "message.burst.dropped");
    assertEquals(20.0, dropped.value());
    assertEquals(Status.FAIL, dropped.status());
  }
}
