package org.port8000.perf.simulations;

import static org.junit.jupiter.api.Assertions.*;
import static org.port8000.perf.AreaChecks.check;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.GatlingRunner;
import org.port8000.perf.analysis.AreaResult;
import org.port8000.perf.analysis.Check;
import org.port8000.perf.analysis.Status;
import org.port8000.perf.analysis.ThroughputAnalyzer;
import org.port8000.perf.results.GatlingLogReader;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.PhaseFacts;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.RequestNames;
import org.port8000.perf.results.RequestStats;

/**
 * Proves the throughput verdicts end to end: the simulation against the auto-started reference
 * server, read back and judged — a good target passes, slow, lossy and erroring ones fail, and a
 * single client faster than the target's replies sees them queue. Runs are scaled below the smoke
 * profile to keep the test short.
 */
class MessageThroughputVerdictIT {

  @TempDir Path results;

  private Path lastFolder;

  private AreaResult run(Map<String, String> settings) throws Exception {
    Map<String, String> p =
        new HashMap<>(
            Map.of(
                "perf.profile", "smoke",
                "burst.messages", "20",
                "burst.intervalMs", "100",
                "reply.timeoutMs", "1500",
                "throughput.steps", "20,60",
                "throughput.stepSeconds", "2",
                "throughput.warmupSeconds", "1"));
    p.putAll(settings);
    GatlingRunner.Run run = GatlingRunner.run(MessageThroughputSimulation.class, results, p);
    lastFolder = run.folder();
    return new ThroughputAnalyzer().analyze(Optional.of(GatlingLogReader.read(run.folder())));
  }

  private PhaseFacts.Phase phase(String name) {
    return ProbeFiles.read(lastFolder, PhaseFacts.PROBE, PhaseFacts.class)
        .orElseThrow()
        .phases()
        .stream()
        .filter(x -> x.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aGoodTargetPassesWithMeasuredFigures() throws Exception {
    AreaResult r = run(Map.of());

    assertEquals(Status.PASS, r.status(), r.toString());
    assertEquals(0.0, check(r, "message.burst.dropped").value());
    Check sustained = check(r, "message.throughput.sustained");
    assertTrue(sustained.value() > 50, sustained.toString());
    assertTrue(r.recommendations().isEmpty(), r.recommendations().toString());
    assertEquals(1, phase(RequestNames.ONE_CLIENT_BURST).connections());
    assertEquals(20, phase(RequestNames.BURST).replied());
    // Gatling times every chat round trip: only sends, connects and closes may be 0 ms, and
    // each step's p95 in the report is its reply request's in Gatling's stats.
    GatlingRun g = GatlingLogReader.read(lastFolder);
    for (RequestStats s : g.requests().values()) {
      if (!s.name().matches("(send|connect|close|verdict) .*")) {
        assertTrue(s.max() > 0, "a chat request with a 0 ms maximum: " + s);
      }
    }
    // Gatling's percentiles are t-digest estimates: two readings of one log may differ a little.
    for (int rate : new int[] {20, 60}) {
      RequestStats reply = g.request(RequestNames.reply(RequestNames.step(rate))).orElseThrow();
      String shown = detail(r, "Step " + rate + "/s");
      Matcher m = Pattern.compile("p50 / p95 / p99 \\d+ / (\\d+) / ").matcher(shown);
      assertTrue(m.find(), shown);
      int p95 = Integer.parseInt(m.group(1));
      assertTrue(
          Math.abs(p95 - reply.p95()) <= Math.max(2, 0.05 * reply.p95()),
          shown + " vs Gatling " + reply);
    }
  }

  private static String detail(AreaResult r, String label) {
    return r.details().stream()
        .filter(d -> d.label().equals(label))
        .findFirst()
        .orElseThrow()
        .value();
  }

  @Test
  void aTargetWithoutStreamFramesIsAnsweredByItsResponse() throws Exception {
    AreaResult r = run(Map.of("reference.llm.tokens", "0"));

    assertEquals(Status.PASS, r.status(), r.toString());
    assertEquals(20, phase(RequestNames.ONE_CLIENT_BURST).replied());
    // Replies counted by Gatling's reply checks, no first-token check swallowed them.
    GatlingRun g = GatlingLogReader.read(lastFolder);
    assertEquals(20, g.request(RequestNames.reply(RequestNames.BURST)).orElseThrow().ok());
    PhaseFacts.Phase step = phase(RequestNames.step(60));
    assertEquals(
        step.planned(), g.request(RequestNames.reply(RequestNames.step(60))).orElseThrow().ok());
    assertTrue(g.request(RequestNames.firstToken(RequestNames.BURST)).isEmpty());
    String firstToken =
        r.details().stream()
            .filter(d -> d.label().startsWith("First token ("))
            .findFirst()
            .orElseThrow()
            .value();
    assertTrue(firstToken.startsWith("not streamed"), firstToken);
    assertTrue(
        detail(r, "Step 60/s").contains(step.planned() + "/" + step.planned() + " answered"),
        detail(r, "Step 60/s"));
  }

  @Test
  void slowRepliesFailWithTheHighLatencyRecommendationCitingTheFigure() throws Exception {
    AreaResult r =
        run(
            Map.of(
                "reference.fault.replyLatencyMs",
                "300",
                "burst.messages",
                "10",
                "burst.intervalMs",
                "400"));

    Check p95 = check(r, "message.burst.latency.p95");
    assertTrue(p95.value() >= 300, p95.toString());
    assertEquals(Status.FAIL, p95.status());
    assertEquals(Status.FAIL, r.status());
    var rec =
        r.recommendations().stream()
            .filter(x -> x.rule().contains("> 200 ms"))
            .findFirst()
            .orElseThrow();
    assertTrue(rec.evidence().contains(String.valueOf(p95.value().intValue())), rec.evidence());
  }

  @Test
  void droppedRepliesAreCountedAndFail() throws Exception {
    AreaResult r =
        run(
            Map.of(
                "reference.fault.dropRate",
                "0.1",
                "burst.messages",
                "40",
                "burst.intervalMs",
                "50"));

    // The reference server draws its drops from a fixed seed over all messages: which burst
    // loses some depends on how many came before; together they must have lost some.
    Check one = check(r, "message.burst.dropped");
    Check many = check(r, "message.burst.manyClients.dropped");
    double share = (one.value() + many.value()) / 80.0;
    assertTrue(share > 0.0 && share <= 0.3, "dropped " + one + " and " + many + " of 80");
    assertTrue(one.status() == Status.FAIL || many.status() == Status.FAIL);
    assertEquals(Status.FAIL, r.status());
  }

  @Test
  void errorFramesAndErrorRepliesAreCountedAsFailedMessages() throws Exception {
    AreaResult r =
        run(
            Map.of(
                "reference.fault.errorFrameRate", "0.1", "reference.fault.errorReplyRate", "0.1"));

    // Gatling's reply checks make an error frame or an error reply a KO of the step's reply.
    PhaseFacts.Phase step = phase(RequestNames.step(60));
    // With stream frames the first-token check comes first: an error frame or an error reply
    // (sent without stream frames) is its KO, and the sequence ends there.
    GatlingRun g = GatlingLogReader.read(lastFolder);
    RequestStats reply = g.request(RequestNames.reply(RequestNames.step(60))).orElseThrow();
    long failed =
        reply.ko()
            + g.request(RequestNames.firstToken(RequestNames.step(60)))
                .map(RequestStats::ko)
                .orElse(0L);
    assertTrue(failed > 0, g.requests().toString());
    assertEquals(step.planned(), reply.ok() + failed, g.requests().toString());
    String shown = detail(r, "Step 60/s");
    assertTrue(shown.contains(failed + " not answered (error frame, error reply"), shown);
    assertEquals(Status.FAIL, check(r, "message.burst.dropped").status());
    assertEquals(Status.FAIL, r.status());
  }

  @Test
  void oneClientFasterThanTheTargetsRepliesSeesThemQueue() throws Exception {
    // The reply needs 105 ms + one token; the client sends every 100 ms on one connection.
    AreaResult r =
        run(
            Map.of(
                "reference.fault.replyLatencyMs",
                "105",
                "reference.llm.tokens",
                "0",
                "burst.messages",
                "40",
                "burst.intervalMs",
                "100"));

    var each = phase(RequestNames.ONE_CLIENT_BURST).perMessageMs();
    assertEquals(40, each.size());
    assertTrue(each.get(39) > each.get(0) + 100, "latency grows: " + each);
    String queued =
        r.details().stream()
            .filter(d -> d.label().equals("Replies queued"))
            .findFirst()
            .orElseThrow()
            .value();
    assertTrue(queued.contains("queued up"), queued);
    // The many-client burst, one connection per message, does not queue.
    assertTrue(
        GatlingLogReader.read(lastFolder)
                .request(RequestNames.reply(RequestNames.BURST))
                .orElseThrow()
                .p95()
            < each.get(39),
        each.toString());
  }

  @Test
  void aTargetSlowerThanThePaceHasItsLatencyMeasuredAndItsLateSendsReported() throws Exception {
    // The original's mode: no id echo (replies matched in order), no stream frames; 600 ms per
    // reply against connections that each send every 400 ms: every send after a connection's
    // first starts ~200 ms after its slot, and the offered rate is not delivered.
    int injected = 600;
    AreaResult r =
        run(
            Map.of(
                "reference.compat",
                "original",
                "reference.fault.replyLatencyMs",
                String.valueOf(injected),
                "reference.llm.tokens",
                "0",
                "reply.timeoutMs",
                "3000",
                "burst.messages",
                "4",
                "burst.intervalMs",
                "250",
                "throughput.steps",
                "20",
                "throughput.stepSeconds",
                "4"));

    PhaseFacts.Phase step = phase(RequestNames.step(20));
    RequestStats reply =
        GatlingLogReader.read(lastFolder)
            .request(RequestNames.reply(RequestNames.step(20)))
            .orElseThrow();
    String shown = detail(r, "Step 20/s");
    System.out.println("[e2e] " + injected + " ms per reply: " + reply + "; step row: " + shown);
    assertEquals(8, step.connections());
    assertEquals(step.planned(), reply.ok(), reply.toString());
    assertTrue(
        reply.p95() >= injected && reply.p95() < injected + 150,
        "p95 ≈ the target's " + injected + " ms: " + reply);
    // Gatling's percentiles are estimates: two readings of one log may differ by a millisecond.
    Matcher shownP95 = Pattern.compile("p50 / p95 / p99 \\d+ / (\\d+) / ").matcher(shown);
    assertTrue(shownP95.find(), shown);
    assertTrue(
        Math.abs(Integer.parseInt(shownP95.group(1)) - reply.p95())
            <= Math.max(2, 0.05 * reply.p95()),
        shown + " vs " + reply);
    long expectedLate = step.planned() - step.connections();
    assertTrue(step.lateSends() >= expectedLate - step.connections(), step.toString());
    assertTrue(shown.contains(step.lateSends() + " late sends"), shown);
    assertTrue(
        shown.contains(
            "the target answered slower than the pace; the offered rate was" + " not delivered"),
        shown);
  }
}
