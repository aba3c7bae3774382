package org.port8000.perf.simulations;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.GatlingRunner;
import org.port8000.perf.app.ReportMain;
import org.port8000.perf.config.Settings;
import org.port8000.perf.results.HeartbeatFacts;
import org.port8000.perf.results.LastRun;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.ResourceFacts;

/**
 * The heartbeat soak at scale, end to end against the auto-started reference server (loopback,
 * heartbeat acks): thousands of clients connect over a ramp, all soak together for the whole
 * duration, and the report step's summary.json and report say so; a lost hello is a lost client.
 */
class HeartbeatScaleIT {
  @TempDir Path root;

  private record Outcome(
      ReportMain.Outcome report, Path runFolder, String markdown, Map<String, JsonNode> checks) {
    JsonNode check(String metric) {
      JsonNode c = checks.get(metric);
      assertNotNull(c, metric + " not in summary.json: " + checks.keySet());
      return c;
    }

    <T> T probe(String name, Class<T> type) {
      return ProbeFiles.read(runFolder, name, type)
          .orElseThrow(() -> new AssertionError("no probe-" + name + ".json in " + runFolder));
    }
  }

  /** Runs the heartbeat simulation, then the report step over its results, as `mvn verify`. */
  private Outcome run(Map<String, String> overrides) throws Exception {
    Path results = root.resolve("gatling");
    Map<String, String> props = new HashMap<>(overrides);
    props.put(Settings.PROFILE, Settings.SMOKE);
    GatlingRunner.Run run = GatlingRunner.run(HeartbeatSimulation.class, results, props);
    // as the Maven plugin writes it (failOnError=false)
    Files.writeString(results.resolve(LastRun.FILE), run.folder().getFileName() + "\n");
    Properties p = new Properties();
    p.setProperty(Settings.PROFILE, Settings.SMOKE);
    p.setProperty("gatling.resultsFolder", results.toString());
    p.setProperty("report.root", root.toString());
    p.setProperty("perf.outputFolder", root.resolve("perf").toString());
    p.setProperty("baseline.dir", root.resolve("baselines").toString());
    ReportMain.Outcome o = ReportMain.run(Settings.load(p));
    Map<String, JsonNode> checks = new HashMap<>();
    for (JsonNode c : ProbeFiles.JSON.readTree(o.files().summaryJson().toFile()).get("checks")) {
      checks.put(c.get("metric").asText(), c);
    }
    return new Outcome(o, run.folder(), Files.readString(o.files().report()), checks);
  }

  private static String line(String markdown, String contains) {
    return markdown
        .lines()
        .filter(l -> l.contains(contains))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line with '" + contains + "' in the report"));
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void twoThousandClientsAllSoakTheWholeDurationWithAtLeast999PerMilleAcked() throws Exception {
    long start = System.nanoTime();
    Outcome o =
        run(
            Map.of(
                "heartbeat.clients",
                "2000",
                "heartbeat.intervalMs",
                "1000",
                "heartbeat.durationSeconds",
                "30",
                "footprint.connections",
                "2000"));
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;

    JsonNode stability = o.check("websocket.heartbeat.stability");
    JsonNode window = o.check("websocket.heartbeat.soakWindow");
    JsonNode perConn = o.check("websocket.memory.perConnection");
    System.out.println(
        "[heartbeat-scale] "
            + seconds
            + " s; stability "
            + stability
            + "\n  window "
            + window
            + "\n  footprint "
            + perConn
            + "\n  "
            + line(o.markdown(), "Memory per connection (footprint"));

    // ≥ 99.9 % of the 60,000 heartbeats the plan called for were acked
    assertTrue(stability.get("value").asDouble() >= 99.9, stability.toString());
    HeartbeatFacts f = o.probe(HeartbeatFacts.PROBE, HeartbeatFacts.class);
    assertEquals(60_000, f.expectedHeartbeats());
    assertEquals(2000, f.clientsConnected());
    assertEquals(0, f.helloFailed());

    // every client soaked together for the planned 30 s, less at most one interval
    assertEquals("PASS", window.get("status").asText(), window.toString());
    assertEquals(2000, f.soakClients());
    assertTrue(f.soakOverlapMs() >= 29_000, "overlap " + f.soakOverlapMs() + " ms");
    assertTrue(
        o.markdown().contains("all 2000 clients heartbeating together for "),
        line(o.markdown(), "Soak window"));

    // the footprint was read on the quiet target, before any soak client connected
    ResourceFacts s = o.probe(ResourceFacts.PROBE, ResourceFacts.class);
    long lastOpen =
        s.checkpoints().stream()
            .filter(c -> c.label().startsWith(HeartbeatFacts.FOOTPRINT_OPEN))
            .mapToLong(ResourceFacts.Checkpoint::t)
            .max()
            .orElseThrow();
    long soakStart = s.checkpoint(HeartbeatFacts.SOAK_START).orElseThrow().t();
    assertTrue(lastOpen < soakStart, "footprint at " + lastOpen + " ms, soak at " + soakStart);
    assertEquals(2000, f.footprintOpened());
    // a figure, or the sentence saying what it cannot resolve; never "0 KB" passed
    String footprint = line(o.markdown(), "Memory per connection (footprint");
    assertFalse(footprint.contains("| 0 KB"), footprint);
    if (perConn.get("value").isNull()) {
      assertTrue(
          perConn.get("note").asText().startsWith("below what it can resolve (± "),
          perConn.toString());
    } else {
      assertTrue(perConn.get("value").asDouble() > 0, perConn.toString());
      assertTrue(footprint.contains(" KB ± "), footprint);
    }
    assertEquals("PASS", perConn.get("status").asText(), perConn.toString());
    assertTrue(seconds < 240, "bounded: " + seconds + " s");
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void clientsWhoseHelloGetsNoReplyAreLostAndLowerTheStability() throws Exception {
    // one chat reply in ten is never sent: some clients' hello goes unanswered
    Outcome o =
        run(
            Map.of(
                "heartbeat.clients",
                "100",
                "heartbeat.intervalMs",
                "500",
                "heartbeat.durationSeconds",
                "10",
                "footprint.connections",
                "0",
                "reference.fault.dropRate",
                "0.1"));

    HeartbeatFacts f = o.probe(HeartbeatFacts.PROBE, HeartbeatFacts.class);
    JsonNode stability = o.check("websocket.heartbeat.stability");
    System.out.println(
        "[heartbeat-scale] lost hellos "
            + f.helloFailed()
            + "; stability "
            + stability
            + "; "
            + line(o.markdown(), "Soak window"));

    assertTrue(f.helloFailed() > 0, "the fault left every hello answered: " + f);
    // their heartbeats were never sent and count as lost: at most the others' share is acked
    double ceiling = 100.0 * (f.clients() - f.helloFailed()) / f.clients();
    assertTrue(
        stability.get("value").asDouble() <= ceiling + 1e-9, stability + " above " + ceiling);
    assertEquals("FAIL", stability.get("status").asText(), stability.toString());
    assertTrue(f.soakClients() <= f.clients() - f.helloFailed(), f.toString());
    assertTrue(
        line(o.markdown(), "Soak window").contains(f.soakClients() + " of 100 clients"),
        line(o.markdown(), "Soak window"));
    assertTrue(
        List.of(stability.get("note").asText(), o.markdown()).stream()
            .anyMatch(t -> t.contains("lost at their first chat message")),
        o.markdown());
  }
}
