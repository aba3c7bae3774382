package org.port8000.perf.simulations;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.GatlingRunner;
import org.port8000.perf.analysis.BenchmarkAnalyzer;
import org.port8000.perf.analysis.BenchmarkResult;
import org.port8000.perf.analysis.Check;
import org.port8000.perf.analysis.Status;
import org.port8000.perf.results.GatlingLogReader;

/**
 * Proves the benchmark's verdicts end to end with the reference server's fault switches: the
 * simulation in this JVM against a fresh reference server, read back with Gatling's reader and
 * judged. Runs are scaled far below the smoke profile to keep each under a minute, except the churn
 * rounds, which are the smoke profile's own.
 */
class OperationBenchmarkIT {

  @TempDir Path results;

  private BenchmarkResult run(Map<String, String> faults) throws Exception {
    Map<String, String> p = new HashMap<>();
    p.put("perf.profile", "smoke");
    p.put("reply.timeoutMs", "2000");
    p.put("benchmark.warmUpSeconds", "1");
    p.put("benchmark.idleSeconds", "1");
    p.put("benchmark.latencySeconds", "2");
    p.put("benchmark.latencyPerSecond", "3");
    p.put("benchmark.api.steps", "20");
    p.put("benchmark.api.stepSeconds", "1");
    p.put("benchmark.connections.levels", "20");
    p.put("benchmark.connections.holdSeconds", "1");
    p.put("benchmark.churn.rates", "25");
    p.put("benchmark.churn.stepSeconds", "2");
    // the churn rounds and their cool-down are the smoke profile's: the leak test proves them
    p.put("benchmark.bots.max", "5");
    p.put("benchmark.busySeconds", "1");
    p.putAll(faults);
    GatlingRunner.Run run = GatlingRunner.run(OperationBenchmarkSimulation.class, results, p);
    return new BenchmarkAnalyzer().analyze(Optional.of(GatlingLogReader.read(run.folder())));
  }

  private static Check check(BenchmarkResult r, String metric) {
    return r.checks().stream()
        .filter(c -> c.metric().equals(metric))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + metric + " in " + r.checks()));
  }

  @Test
  void aCleanTargetHasEveryLatencyRowAndCapacityFigureMeasuredWithoutErrors() throws Exception {
    BenchmarkResult r = run(Map.of());

    assertTrue(r.ran());
    assertEquals(10, r.latency().size());
    for (Check c : r.checks()) {
      if (c.metric().startsWith("benchmark.latency.")) {
        assertNotNull(c.value(), c.toString());
        if (c.metric().endsWith(".errors")) {
          assertEquals(0.0, c.value(), c.toString());
        }
      }
    }
    assertEquals(5.0, check(r, "benchmark.throughput.bots").value());
    assertEquals(Status.PASS, check(r, "benchmark.throughput.bots").status());
    assertNotNull(check(r, "benchmark.resource.cpuIdle").value());
    assertNotNull(check(r, "benchmark.resource.cpuBusyBots").value());
    assertNotNull(check(r, "benchmark.resource.memoryPerBot").value());
    assertEquals(Status.PASS, check(r, "benchmark.churn.openFilesAfterCoolDown").status());
    assertEquals(Status.PASS, check(r, "benchmark.churn.retainedPerConnection").status());
  }

  @Test
  void addedReplyLatencyMakesTheTaskAndWebSocketRowsFail() throws Exception {
    BenchmarkResult r = run(Map.of("reference.fault.replyLatencyMs", "600"));

    Check task = check(r, "benchmark.latency.send_task.p95");
    assertTrue(task.value() >= 600, task.toString());
    assertEquals(Status.FAIL, task.status());
    Check ws = check(r, "benchmark.latency.ws_message.p95");
    assertTrue(ws.value() >= 600, ws.toString());
    assertEquals(Status.FAIL, ws.status());
    assertEquals(Status.FAIL, r.status());
    assertTrue(
        r.recommendations().stream()
            .anyMatch(
                x ->
                    x.contains("Send message")
                        && x.contains(String.valueOf(task.value().intValue()))),
        r.recommendations().toString());
  }

  @Test
  void answersWithSuccessFalseAreCountedAsErrors() throws Exception {
    BenchmarkResult r = run(Map.of("reference.fault.taskErrorRate", "0.5"));

    Check errors = check(r, "benchmark.latency.send_task.errors");
    assertTrue(errors.value() > 0, errors.toString());
    assertEquals(Status.FAIL, errors.status());
    assertEquals(0.0, check(r, "benchmark.latency.list_bots.errors").value());
    assertEquals(Status.FAIL, r.status());
  }

  /** {@code reference.fault.leakBytesPerConnection}: bytes retained per WebSocket connection. */
  @Test
  void aPerConnectionLeakShowsInTheChurnRow() throws Exception {
    BenchmarkResult r = run(Map.of("reference.fault.leakBytesPerConnection", "262144"));

    Check retained = check(r, "benchmark.churn.retainedPerConnection");
    assertEquals(Status.FAIL, retained.status(), retained.toString());
    assertTrue(retained.value() >= 128, retained.toString());
    assertTrue(
        r.recommendations().stream().anyMatch(x -> x.contains("Per-connection memory")),
        r.recommendations().toString());
  }

  /** {@code reference.bots.childProcessMb}: each bot a child process of about 30 MB. */
  @Test
  void botsAsChildProcessesOf30MbReadAbout30MbPerBot() throws Exception {
    BenchmarkResult r =
        run(Map.of("reference.bots.childProcessMb", "30", "benchmark.bots.max", "8"));

    var row =
        r.resources().stream()
            .filter(x -> x.label().equals("Memory/bot"))
            .findFirst()
            .orElseThrow();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "^(-?[\\d.]+) KB per bot \\(95 %" + " interval (-?[\\d.]+) to (-?[\\d.]+) KB")
            .matcher(row.measured().replace(",", ""));
    System.out.println("[test] bots as 30 MB child processes: " + row);
    assertTrue(m.find(), row.measured());
    double lowerMb = Double.parseDouble(m.group(2)) / 1024;
    double upperMb = Double.parseDouble(m.group(3)) / 1024;
    assertTrue(
        lowerMb <= 30 && 30 <= upperMb,
        "30 MB in [" + lowerMb + ", " + upperMb + "]: " + row.measured());
    assertTrue(Math.abs(Double.parseDouble(m.group(1)) / 1024 - 30) < 5, row.measured());
    assertTrue(row.note().contains("perl"), "the counted processes are named: " + row.note());
  }

  /**
   * A slow chat (5 streamed tokens 20 ms apart: ~100 ms a reply) on a server that holds every
   * connection and answers every churn cycle: capacity held, latency rows failed.
   */
  @Test
  void aSlowChatHoldsEveryConnectionLevelAndChurnRateWhileTheLatencyRowFails() throws Exception {
    BenchmarkResult r =
        run(
            Map.of(
                "reference.llm.tokens",
                "5",
                "reference.llm.tokenDelayMs",
                "20",
                "benchmark.connections.levels",
                "20,60",
                "benchmark.churn.rates",
                "10,25"));

    Check conn = check(r, "benchmark.throughput.connections");
    assertEquals(60.0, conn.value(), conn.toString());
    var connRow =
        r.throughput().stream()
            .filter(x -> x.label().startsWith("Concurrent" + " WebSocket"))
            .findFirst()
            .orElseThrow();
    System.out.println("[test] slow chat: " + connRow + " | " + r.throughput());
    assertTrue(
        connRow.measured().startsWith("≥ 60 connections held (the configured top);" + " chat p95 "),
        connRow.measured());
    Check messages = check(r, "benchmark.throughput.messages");
    assertEquals(Status.PASS, messages.status(), messages.toString());
    assertTrue(
        r.throughput().stream()
            .anyMatch(x -> x.label().startsWith("Messages/sec") && x.measured().startsWith("≥ ")),
        r.throughput().toString());
    Check ws = check(r, "benchmark.latency.ws_message.p95");
    assertTrue(ws.value() >= 100, ws.toString());
    assertEquals(Status.FAIL, ws.status());
  }
}
