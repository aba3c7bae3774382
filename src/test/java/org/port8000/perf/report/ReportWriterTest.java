package org.port8000.perf.report;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.analysis.Area;
import org.port8000.perf.analysis.AreaResult;
import org.port8000.perf.analysis.BenchmarkResult;
import org.port8000.perf.analysis.Check;
import org.port8000.perf.analysis.Detail;
import org.port8000.perf.analysis.Link;
import org.port8000.perf.analysis.Recommendation;
import org.port8000.perf.analysis.RunVerdict;
import org.port8000.perf.analysis.Status;
import org.port8000.perf.analysis.Threshold;
import org.port8000.perf.analysis.Thresholds;
import org.port8000.perf.analysis.Verdict;
import org.port8000.perf.results.CapabilityFacts;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.RunFacts;

class ReportWriterTest {
  private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

  /** Run with -Dgolden.update=true to rewrite the golden files after a deliberate change. */
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TempDir Path root;
  private ReportFiles files;
  private Path gatlingReport;

  @BeforeEach
  void setUp() throws Exception {
    files = new ReportFiles(root, root.resolve("target/perf"));
    gatlingReport = root.resolve("target/gatling/messagethroughputsimulation-1/index.html");
    Files.createDirectories(gatlingReport.getParent());
    Files.writeString(gatlingReport, "<html></html>");
  }

  private List<AreaResult> areas() {
    Check p95 = Thresholds.LATENCY.check("message.burst.latency.p95", 312);
    AreaResult throughput =
        new AreaResult(
            Area.THROUGHPUT,
            true,
            Area.THROUGHPUT.metric(),
            "87.5 msg/sec",
            Area.THROUGHPUT.target(),
            Status.FAIL,
            List.of(
                new Detail("Messages sent", "100 of 100 planned"),
                new Detail("Avg latency", "250 ms"),
                new Detail("Steps", "10/s | 20/s")),
            List.of(),
            List.of(p95, Thresholds.THROUGHPUT.check("message.throughput.sustained", 87.5)),
            List.of(
                new Recommendation(
                    Area.THROUGHPUT,
                    "High Latency Issues (> 200 ms)",
                    "Add caching, compress messages, batch updates",
                    "burst latency p95 312 ms")),
            List.of(),
            List.of(new Link("Gatling report (message throughput)", gatlingReport, false)),
            List.of());
    AreaResult memory =
        new AreaResult(
            Area.MEMORY,
            true,
            Area.MEMORY.metric(),
            "not measured",
            Area.MEMORY.target(),
            Status.NOT_MEASURED,
            List.of(),
            List.of("Initial memory: not measured"),
            List.of(
                Check.notMeasured(
                    "memory.leak.rate",
                    "MB/1000 msg",
                    "< 1 MB/1000 msg",
                    "no process id and no /metrics")),
            List.of(),
            List.of("The target stopped answering during the run."),
            List.of(),
            List.of());
    return List.of(
        throughput, AreaResult.notRun(Area.WEBSOCKET), AreaResult.notRun(Area.UI), memory);
  }

  /** The run began an hour before the report was written. */
  private static final Instant RUN_START = AT.minusSeconds(3600);

  private static RunFacts meta() {
    return new RunFacts(
        "org.port8000.perf.simulations.MessageThroughputSimulation",
        "smoke",
        false,
        "http://127.0.0.1:8000",
        true,
        42L,
        RUN_START,
        AT,
        true,
        List.of(),
        null);
  }

  private Verdict write(TemplateRenderer renderer) {
    return write(
        new ReportWriter(files, renderer, c -> "<svg/>"),
        areas(),
        List.of(meta()),
        "smoke",
        false,
        Optional.empty());
  }

  /** Judges the areas as the report step does, then writes; returns the run's verdict. */
  private static Verdict write(
      ReportWriter writer,
      List<AreaResult> areas,
      List<RunFacts> metas,
      String profile,
      boolean full,
      Optional<CapabilityFacts> caps) {
    RunVerdict verdict =
        RunVerdict.judge(areas, BenchmarkResult.notRun(), metas, profile, full, Optional.empty());
    writer.write(
        new ReportInput(areas, BenchmarkResult.notRun(), metas, caps, verdict, null, List.of()),
        AT);
    return verdict.overall();
  }

  private static void assertGolden(String name, Path actual) throws Exception {
    Path golden = Path.of("src/test/resources/golden", name);
    String text = Files.readString(actual, StandardCharsets.UTF_8);
    if (UPDATE) {
      Files.writeString(golden, text, StandardCharsets.UTF_8);
      return;
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), text, name);
  }

  @Test
  void rendersTheAssignmentReportFormatAndStatusFileLikeTheGoldenFiles() throws Exception {
    assertEquals(Verdict.FAIL, write(new TemplateRenderer()));

    assertGolden("optimization-report.md", files.report());
    assertGolden("status-report.md", files.status());
    // A rewritten golden file equals the output by construction: report it as not compared.
    Assumptions.assumeFalse(UPDATE, "golden files rewritten, not compared");
  }

  @Test
  void theTargetTableAtTheTopListsEveryCapabilityWithWhatItChanges() throws Exception {
    CapabilityFacts caps =
        new CapabilityFacts(
            "http://127.0.0.1:8000",
            AT,
            true,
            "3 `stream` frames before the `response`",
            false,
            "no `heartbeat_ack` within 2000 ms",
            false,
            "replies carry no `id`",
            true,
            "HTTP 200",
            false,
            "/metrics answered HTTP 404",
            null,
            "no -Dtarget.pid given");
    write(
        new ReportWriter(files, new TemplateRenderer(), c -> "<svg/>"),
        areas(),
        List.of(meta()),
        "smoke",
        false,
        Optional.of(caps));

    String report = Files.readString(files.report());
    int table = report.indexOf("## Target\n| Capability | Found | What it changes |");
    assertTrue(table > 0 && table < report.indexOf("## Executive Summary"), report);
    assertTrue(
        report.contains(
            "| Heartbeat ack (`heartbeat_ack`) | no — no `heartbeat_ack`"
                + " within 2000 ms | stability from acks when yes, from WebSocket ping/pong when no; when"
                + " unknown the soak checks acks and runs ping/pong, and reports both |"),
        report);
    assertTrue(report.contains("| Streams (`stream` frames before the `response`) | yes"), report);
    assertTrue(report.contains("| Echoes the message `id` | no"), report);
    assertTrue(report.contains("| `/metrics` | no — /metrics answered HTTP 404"), report);
    assertTrue(report.contains("| `-Dtarget.pid` alive | unknown"), report);
    assertTrue(report.contains("| Chat page with the configured selectors | yes"), report);
  }

  /** The Target table's heartbeat row for a capability found yes, no or unknown. */
  private static String heartbeatRow(Boolean ack, String evidence) {
    CapabilityFacts caps =
        new CapabilityFacts(
            "http://127.0.0.1:8000",
            AT,
            true,
            "",
            ack,
            evidence,
            true,
            "",
            true,
            "",
            true,
            "",
            true,
            "");
    return ReportModelBuilder.targetTable(caps).get(1).value();
  }

  @Test
  void theTargetTableStatesYesNoAndUnknownEachWithItsEvidence() {
    assertEquals(
        "yes — `heartbeat` is answered with `heartbeat_ack` (3 ms)",
        heartbeatRow(true, "`heartbeat` is answered with `heartbeat_ack` (3 ms)"));
    assertEquals(
        "no — the target answered `heartbeat` with an error frame (unknown type:" + " heartbeat)",
        heartbeatRow(
            false,
            "the target answered `heartbeat` with an error" + " frame (unknown type: heartbeat)"));
    assertEquals(
        "unknown — not found out: no `heartbeat_ack` within 2000 ms, and a chat"
            + " message sent after the heartbeat got no reply within 5000 ms either",
        heartbeatRow(
            null,
            "not found out: no `heartbeat_ack` within 2000 ms, and a chat"
                + " message sent after the heartbeat got no reply within 5000 ms either"));
  }

  @Test
  void reportFilesAreReadableByOtherUsers() throws Exception {
    write(new TemplateRenderer());
    for (Path p : List.of(files.report(), files.status(), files.summaryJson(), files.junitXml())) {
      var perms = Files.getPosixFilePermissions(p);
      assertTrue(
          perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ), p + " " + perms);
    }
  }

  @Test
  void summaryJsonAndJunitXmlCarryEveryCheckWithItsStatus() throws Exception {
    write(new TemplateRenderer());

    JsonNode json = ProbeFiles.JSON.readTree(files.summaryJson().toFile());
    assertEquals("FAIL", json.get("verdict").asText());
    assertEquals("smoke", json.get("profile").asText());
    assertEquals(3, json.get("checks").size());
    assertEquals(312.0, json.get("checks").get(0).get("value").asDouble());
    assertEquals("FAIL", json.get("checks").get(0).get("status").asText());
    assertTrue(json.get("checks").get(2).get("value").isNull(), "not measured has no value");
    assertEquals(
        "2026-11-22 09:00:00 UTC",
        json.get("startedAt").asText(),
        "when the run began, not when the report was written");
    String xml = Files.readString(files.junitXml());
    assertTrue(xml.contains("<failure message=\"message.burst.latency.p95 = 312 ms"), xml);
    assertTrue(xml.contains("<skipped message=\"memory.leak.rate = not measured"), xml);
  }

  @Test
  void aSmokeRunNeverSignsOffEvenWhenEverythingPasses() throws Exception {
    List<AreaResult> passing =
        List.of(Area.values()).stream()
            .map(
                a ->
                    new AreaResult(
                        a,
                        true,
                        a.metric(),
                        "ok",
                        a.target(),
                        Status.PASS,
                        List.of(),
                        List.of(),
                        List.of(
                            new Threshold("<=", 2, "ms").check(a.name().toLowerCase() + ".x", 1)),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of()))
            .toList();

    Verdict v =
        write(
            new ReportWriter(files, new TemplateRenderer(), c -> "<svg/>"),
            passing,
            List.of(meta()),
            "smoke",
            false,
            Optional.empty());

    assertEquals(Verdict.PASS, v);
    String report = Files.readString(files.report());
    String status = Files.readString(files.status());
    assertTrue(report.contains("profile 'smoke'"), report);
    assertFalse(report.contains("Ready for production."), report);
    assertTrue(status.contains("## Ready for Window 3?\n**NO**"), status);
  }

  @Test
  void aFullRunAgainstTheEmbeddedReferenceServerIsASelfCheckAndNeverSignsOff() throws Exception {
    List<AreaResult> passing =
        List.of(Area.values()).stream()
            .map(
                a ->
                    new AreaResult(
                        a,
                        true,
                        a.metric(),
                        "ok",
                        a.target(),
                        Status.PASS,
                        List.of(),
                        List.of(),
                        List.of(
                            new Threshold("<=", 2, "ms").check(a.name().toLowerCase() + ".x", 1)),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of()))
            .toList();
    RunFacts embedded =
        new RunFacts(
            "org.port8000.perf.simulations.MessageThroughputSimulation",
            "assignment",
            true,
            "http://127.0.0.1:40000",
            true,
            42L,
            RUN_START,
            AT,
            true,
            List.of(),
            null);
    RunFacts external =
        new RunFacts(
            embedded.simulation(),
            "assignment",
            true,
            "http://127.0.0.1:8000",
            false,
            42L,
            RUN_START,
            AT,
            true,
            List.of(),
            null);

    write(
        new ReportWriter(files, new TemplateRenderer(), c -> "<svg/>"),
        passing,
        List.of(embedded),
        "assignment",
        true,
        Optional.empty());
    String report = Files.readString(files.report());
    String status = Files.readString(files.status());
    assertFalse(report.contains("Ready for production"), report);
    assertTrue(report.contains("## Sign-Off\nSelf-check of the suite"), report);
    assertTrue(report.contains("-Dtarget.url=http://127.0.0.1:8000"), report);
    assertTrue(status.contains("## Ready for Window 3?\n**NO** — Self-check of the suite"), status);

    // the same figures from a server of the user's sign off: the rule is the embedded target
    write(
        new ReportWriter(files, new TemplateRenderer(), c -> "<svg/>"),
        passing,
        List.of(external),
        "assignment",
        true,
        Optional.empty());
    assertTrue(Files.readString(files.report()).contains("Ready for production."));
    assertTrue(Files.readString(files.status()).contains("## Ready for Window 3?\n**YES**"));
  }

  @Test
  void theTargetLineNamesTheHeapTheRunGaveTheReferenceServer() throws Exception {
    RunFacts launched =
        new RunFacts(
            "org.port8000.perf.simulations.MessageThroughputSimulation",
            "smoke",
            false,
            "http://127.0.0.1:40000",
            true,
            42L,
            RUN_START,
            AT,
            true,
            List.of(),
            512);
    write(
        new ReportWriter(files, new TemplateRenderer(), c -> "<svg/>"),
        areas(),
        List.of(launched),
        "smoke",
        false,
        Optional.empty());
    for (Path written : List.of(files.report(), files.status())) {
      String text = Files.readString(written);
      assertTrue(
          text.contains(
              "**Target:** the embedded reference server, started fresh on 127.0.0.1"
                  + " for each simulation, maximum heap 512 MB (`-Xmx`, setting `reference.maxHeapMb`)"),
          text);
    }
    // The figure travels in the run's results file, as written and read back.
    Path folder = Files.createDirectories(root.resolve("run-folder"));
    ProbeFiles.write(folder, RunFacts.PROBE, launched);
    assertEquals(
        Integer.valueOf(512),
        ProbeFiles.read(folder, RunFacts.PROBE, RunFacts.class).orElseThrow().targetMaxHeapMb());
  }

  @Test
  void aFailingRenderLeavesThePreviousReportsIntact() throws Exception {
    write(new TemplateRenderer());
    String before = Files.readString(files.report());
    String statusBefore = Files.readString(files.status());

    TemplateRenderer broken = new TemplateRenderer(ReportWriterTest.class, "/broken-templates");
    assertThrows(ReportException.class, () -> write(broken));

    assertEquals(before, Files.readString(files.report()));
    assertEquals(statusBefore, Files.readString(files.status()));
    try (var s = Files.list(files.reportsFolder())) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp files");
    }
  }

  @Test
  void linksPointFromTheReportFolderToTheGatlingReport() throws Exception {
    write(new TemplateRenderer());

    String report = Files.readString(files.report());
    assertTrue(
        report.contains("(../../target/gatling/messagethroughputsimulation-1/index.html)"), report);
  }
}
