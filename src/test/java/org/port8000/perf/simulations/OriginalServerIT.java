package org.port8000.perf.simulations;

import static org.junit.jupiter.api.Assertions.*;
import static org.port8000.perf.AreaChecks.check;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.port8000.perf.analysis.UiAnalyzer;
import org.port8000.perf.config.Settings;
import org.port8000.perf.report.ReportModel;
import org.port8000.perf.report.ReportModelBuilder;
import org.port8000.perf.results.CapabilityFacts;
import org.port8000.perf.results.GatlingLogReader;

/**
 * The suite judged against a target that behaves like the original Port 8000 server (the reference
 * server with {@code reference.compat=original}), smoke profile, in this JVM.
 */
class OriginalServerIT {
  @TempDir Path results;

  private GatlingRunner.Run run(Class<?> simulation, Map<String, String> overrides)
      throws Exception {
    Map<String, String> props = new HashMap<>(overrides);
    props.put(Settings.PROFILE, Settings.SMOKE);
    props.put("reference.compat", "original");
    return GatlingRunner.run(simulation, results, props);
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void heartbeatsWithoutAnAppLevelAckAreJudgedByPingPongAndTheTargetTableSaysWhy()
      throws Exception {
    GatlingRunner.Run run =
        run(HeartbeatSimulation.class, Map.of("heartbeat.durationSeconds", "10"));
    AreaResult r =
        new HeartbeatAnalyzer().analyze(Optional.of(GatlingLogReader.read(run.folder())));
    System.out.println(
        "[e2e] heartbeat, compat=original: "
            + r.result()
            + " "
            + r.status()
            + "\n  "
            + r.details()
            + "\n  "
            + r.checks()
            + "\n  notes "
            + r.notes());

    Check stability = check(r, "websocket.heartbeat.stability");
    assertEquals(Status.PASS, stability.status(), stability.toString());
    assertTrue(stability.value() >= 99.0, stability.toString());
    assertTrue(
        r.notes().stream().anyMatch(n -> n.contains("no app-level heartbeat ack")),
        r.notes().toString());
    assertTrue(
        r.details().stream()
            .anyMatch(
                d ->
                    d.label().equals("Heartbeats acknowledged")
                        && d.value().equals("not supported by the target")),
        r.details().toString());
    assertTrue(
        r.details().stream()
            .anyMatch(
                d ->
                    d.label().equals("Stability measured by")
                        && d.value().startsWith("WebSocket ping/pong")),
        r.details().toString());

    CapabilityFacts caps = CapabilityFacts.read(run.folder()).orElseThrow();
    assertEquals(false, caps.heartbeatAck(), caps.toString());
    assertEquals(false, caps.echoesId(), caps.toString());
    assertEquals(true, caps.streams(), caps.toString());
    assertEquals(true, caps.chatPage(), caps.toString());
    assertEquals(true, caps.pidAlive(), caps.toString());
    List<ReportModel.Row> table = ReportModelBuilder.targetTable(caps);
    assertTrue(
        table.stream()
            .anyMatch(t -> t.label().startsWith("Heartbeat ack") && t.value().startsWith("no")),
        table.toString());
    assertTrue(
        table.stream()
            .anyMatch(
                t -> t.label().startsWith("Echoes the message") && t.value().startsWith("no")),
        table.toString());
  }

  private static final Map<String, String> SHORT_LEAK =
      Map.of("leak.messages", "200", "leak.durationSeconds", "10");

  private static AreaResult memory(GatlingRunner.Run run) throws Exception {
    AreaResult r = new MemoryAnalyzer().analyze(Optional.of(GatlingLogReader.read(run.folder())));
    System.out.println(
        "[e2e] memory: "
            + r.result()
            + " "
            + r.status()
            + "\n  "
            + r.block()
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
  void memoryOfACleanOriginalServerIsStableWithEveryMessageAnsweredAndEveryCycleDone()
      throws Exception {
    AreaResult r = memory(run(MemoryLeakSimulation.class, SHORT_LEAK));
    assertEquals(Status.PASS, r.status(), r.checks().toString());
    assertEquals(Status.PASS, check(r, "memory.leak.messagesAnswered").status());
    assertEquals(Status.PASS, check(r, "memory.leak.cyclesCompleted").status());
    assertEquals(Status.PASS, check(r, "memory.leak.perCycle").status());
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aLeakPerConnectionIsFlagged() throws Exception {
    // 256 KiB per connection: the message phase opens one connection per message
    Map<String, String> props = new HashMap<>(SHORT_LEAK);
    props.put("reference.fault.leakBytesPerConnection", "262144");
    AreaResult r = memory(run(MemoryLeakSimulation.class, props));
    assertEquals(Status.FAIL, r.status(), r.checks().toString());
    assertEquals(Status.FAIL, check(r, "memory.leak.rate").status(), r.checks().toString());
    assertTrue(
        r.recommendations().stream().anyMatch(x -> x.action().equals(MemoryAnalyzer.CLEANUP)),
        r.recommendations().toString());
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aTargetThatCrashesIsAFailedFindingNamingTheStop() throws Exception {
    GatlingRunner.Run run =
        run(
            HeartbeatSimulation.class,
            Map.of("heartbeat.durationSeconds", "10", "reference.fault.crashAfterMessages", "5"));
    AreaResult r =
        new HeartbeatAnalyzer().analyze(Optional.of(GatlingLogReader.read(run.folder())));
    Check stopped = check(r, "websocket.target.answering");
    assertEquals(Status.FAIL, stopped.status(), r.checks().toString());
    assertTrue(
        stopped.display().startsWith("the target stopped during the heartbeat soak"),
        stopped.display());
    assertTrue(stopped.display().contains(" UTC ("), stopped.display());
    assertEquals(Status.FAIL, r.status());
  }

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void theOriginalUiSendsAnIgnoredCommandFrameSoDisplayFailsNamingItWhileScrollIsMeasured()
      throws Exception {
    GatlingRunner.Run run =
        run(
            UiRenderSimulation.class,
            Map.of(
                "ui.historyMessages",
                "100",
                "ui.renderMessages",
                "5",
                "ui.scrollSeconds",
                "3",
                "reply.timeoutMs",
                "3000"));
    AreaResult r = new UiAnalyzer().analyze(Optional.of(GatlingLogReader.read(run.folder())));
    System.out.println(
        "[e2e] ui, compat=original: "
            + r.result()
            + " "
            + r.status()
            + "\n  "
            + r.details()
            + "\n  "
            + r.checks()
            + "\n  notes "
            + r.notes());

    Check display =
        r.checks().stream()
            .filter(c -> c.metric().equals("ui.message.display"))
            .findFirst()
            .orElseThrow();
    assertEquals(Status.FAIL, display.status(), display.toString());
    assertTrue(display.note().contains("the UI sent a `command` frame"), display.note());
    assertEquals(Status.FAIL, r.status());
    assertTrue(
        r.checks().stream()
            .anyMatch(c -> c.metric().equals("ui.scroll.fps") && c.status() != Status.NOT_MEASURED),
        r.checks().toString());
  }
}
