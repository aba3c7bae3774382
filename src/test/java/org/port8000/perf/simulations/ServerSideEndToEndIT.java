package org.port8000.perf.simulations;

import static org.junit.jupiter.api.Assertions.*;
import static org.port8000.perf.AreaChecks.check;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.GatlingRunner;
import org.port8000.perf.analysis.AreaResult;
import org.port8000.perf.analysis.Check;
import org.port8000.perf.analysis.HeartbeatAnalyzer;
import org.port8000.perf.analysis.MemoryAnalyzer;
import org.port8000.perf.analysis.Status;
import org.port8000.perf.config.Settings;
import org.port8000.perf.results.GatlingLogReader;

/**
 * The server-side verdicts proved end to end: real simulations against the auto-started reference
 * server (smoke profile, shortened), with its fault switches.
 */
class ServerSideEndToEndIT {
  @TempDir Path results;

  private static final Map<String, String> SHORT_HEARTBEAT =
      Map.of("heartbeat.durationSeconds", "10");

  /**
   * After the simulation's 200 warm-up messages: 200 measured messages in 10 s, so that a 64
   * KiB-per-message leak retains 12.5 MB in the measured phase, several of the server's heap-growth
   * steps (5–8 MB each), and its staircase gives a steady slope.
   */
  private static final Map<String, String> SHORT_LEAK =
      Map.of("leak.messages", "200", "leak.durationSeconds", "10");

  private AreaResult run(
      Class<?> simulation, Map<String, String> overrides, Map<String, String> faults)
      throws Exception {
    Map<String, String> props = new HashMap<>(overrides);
    props.put(Settings.PROFILE, Settings.SMOKE);
    props.putAll(faults);
    GatlingRunner.Run run = GatlingRunner.run(simulation, results, props);
    Properties p = new Properties();
    p.putAll(props);
    Settings settings = Settings.load(p);
    AreaResult r =
        (simulation == HeartbeatSimulation.class ? new HeartbeatAnalyzer() : new MemoryAnalyzer())
            .analyze(Optional.of(GatlingLogReader.read(run.folder())));
    System.out.println(
        "[e2e] "
            + simulation.getSimpleName()
            + " "
            + faults
            + ": "
            + r.result()
            + " "
            + r.status()
            + "\n  "
            + String.join("\n  ", r.block())
            + "\n  "
            + r.details()
            + "\n  "
            + r.checks()
            + "\n  notes "
            + r.notes());
    return r;
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void cleanHeartbeatSoakPassesAndMeasuresMemoryPerConnectionFromTheFootprintStep()
      throws Exception {
    AreaResult r = run(HeartbeatSimulation.class, SHORT_HEARTBEAT, Map.of());

    assertEquals(Status.PASS, r.status(), r.toString());
    assertEquals("100%", r.result());
    Check perConn = check(r, "websocket.memory.perConnection");
    assertEquals(Status.PASS, perConn.status(), perConn.toString());
    assertNotNull(perConn.value());
    assertTrue(perConn.note().contains("200 idle connections"), perConn.note());
    assertTrue(
        r.details().stream()
            .anyMatch(d -> d.label().equals("Total memory") && d.value().endsWith("clients)")),
        r.details().toString());
    assertTrue(r.notes().isEmpty(), r.notes().toString());
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aTargetThatCrashesMidSoakEndsTheRunWithLowStabilityAFailAndANote() throws Exception {
    long start = System.nanoTime();
    AreaResult r =
        run(
            HeartbeatSimulation.class,
            SHORT_HEARTBEAT,
            Map.of("reference.fault.crashAfterMessages", "5"));
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;

    assertEquals(Status.FAIL, r.status());
    assertTrue(check(r, "websocket.heartbeat.stability").value() < 99.0);
    assertTrue(r.result().contains("target stopped answering"), r.result());
    assertTrue(
        r.notes().stream().anyMatch(n -> n.contains("stopped answering")), r.notes().toString());
    assertFalse(r.recommendations().isEmpty());
    // the footprint step ran on the quiet target before the soak, so the crash does not lose it
    Check perConn = check(r, "websocket.memory.perConnection");
    assertEquals(Status.PASS, perConn.status(), perConn.toString());
    assertTrue(perConn.note().contains("before the soak"), perConn.note());
    assertTrue(seconds < 150, "bounded: " + seconds + " s");
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aTargetThatLeaksPerMessageIsFlaggedWithTheCleanupRecommendation() throws Exception {
    // 64 KiB per message = 62.5 MB per 1,000 messages, twice the threshold
    AreaResult r =
        run(
            MemoryLeakSimulation.class,
            SHORT_LEAK,
            Map.of("reference.fault.leakBytesPerMessage", "65536"));

    assertEquals(Status.FAIL, r.status(), r.toString());
    assertTrue(r.result().startsWith("Leak: +"), r.result());
    assertTrue(r.block().stream().anyMatch(l -> l.startsWith("Trend: Growing — leak detected")));
    assertTrue(
        r.recommendations().stream().anyMatch(x -> x.action().equals(MemoryAnalyzer.CLEANUP)),
        r.recommendations().toString());
  }

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void theCleanReferenceServerIsNotFlaggedInFiveRepeatedRuns() throws Exception {
    for (int i = 1; i <= 5; i++) {
      AreaResult r = run(MemoryLeakSimulation.class, SHORT_LEAK, Map.of());
      assertEquals(Status.PASS, r.status(), "run " + i + ": " + r.result() + " " + r.block());
      assertTrue(r.result().startsWith("Stable, peak +"), r.result());
      assertTrue(
          r.block().get(0).contains("(after 200 warm-up messages; fresh start "), r.block().get(0));
    }
  }
}
