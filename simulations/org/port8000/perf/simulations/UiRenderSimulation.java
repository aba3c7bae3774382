package org.port8000.perf.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.port8000.perf.analysis.AreaResult;
import org.port8000.perf.analysis.Status;
import org.port8000.perf.analysis.UiAnalyzer;
import org.port8000.perf.probe.browser.BackgroundBrowserProbe;
import org.port8000.perf.probe.browser.ProbeOutcome;
import org.port8000.perf.probe.browser.UiProbePlan;
import org.port8000.perf.results.AtomicFiles;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.RequestNames;
import org.port8000.perf.results.RunFolder;
import org.port8000.perf.results.UiProbeResult;

/**
 * Assignment §3, UI render performance. Gatling launches a bot and seeds its chat history over
 * HTTP; then a real headless Chromium (the browser probe, on its own thread) opens the chat page,
 * selects the bot, scrolls the history and chats, while Gatling watches the target's health until
 * the probe is done (bounded by the probe's own time budget). The probe's figures and a screenshot
 * go beside the run.
 */
public class UiRenderSimulation extends Simulation {

  /** Request names (fixed). */
  public static final String LAUNCH = "launch bot";

  public static final String SAVE = "save chat message";
  public static final String HEALTH = "health while the browser probe runs";
  public static final String STOP = "stop bot";

  /** How long after() waits for a probe that is still running when the load ends. */
  private static final Duration GRACE = Duration.ofSeconds(30);

  // Parameters, read once.
  private final SimulationSupport support = SimulationSupport.start(getClass());
  private final int historyMessages = support.settings.uiHistoryMessages();
  // A fresh bot per run, so the page shows exactly the history this run seeded.
  private final String botId = "ui-probe-" + Long.toString(System.currentTimeMillis(), 36);
  private final BackgroundBrowserProbe probe =
      new BackgroundBrowserProbe(UiProbePlan.of(support.settings, support.target.baseUrl(), botId));
  private final Duration probeBudget = probe.plan().budget();
  private volatile ProbeOutcome outcome;

  // Protocol.
  private final HttpProtocolBuilder protocol =
      http.baseUrl(support.target.baseUrl().toString())
          .contentTypeHeader("application/json")
          .acceptHeader("application/json");

  /** History lines of varied length: the user asks, the assistant answers, like a real chat. */
  private static String historyLine(int i, String botId) {
    boolean user = i % 2 == 0;
    String text =
        user
            ? "Message " + i + ": what is the status of the nightly build?"
            : i % 4 == 1
                ? "Message "
                    + i
                    + ": the nightly build finished; two suites were slower than"
                    + " yesterday and one test was retried before it passed. Details are in the log."
                : "Message "
                    + i
                    + ": all green.\\nThe slow suites are back to their usual times and"
                    + " the memory graph of the chat service is flat.";
    return "{\"role\":\""
        + (user ? "user" : "assistant")
        + "\",\"bot_id\":\""
        + botId
        + "\",\"content\":\""
        + text
        + "\"}";
  }

  // Scenario.
  private final ScenarioBuilder chat =
      scenario("UI render")
          .exec(session -> session.set("botId", botId))
          .exec(
              http(LAUNCH)
                  .post("/api/bot/launch")
                  .body(StringBody("{\"bot_id\":\"#{botId}\",\"adapter\":\"mock\"}"))
                  .check(status().is(200)))
          .repeat(historyMessages, "i")
          .on(
              exec(
                  http(SAVE)
                      .post("/api/chat/message")
                      .body(StringBody(session -> historyLine(session.getInt("i"), botId)))
                      .check(status().is(200), jsonPath("$.success").ofBoolean().is(true))))
          // Without the full history the scroll would not measure what it claims: no probe then.
          .exitHereIfFailed()
          .exec(
              session -> {
                probe.start(); // returns at once; Playwright runs on the probe's own thread
                return session;
              })
          .asLongAsDuring(session -> !probe.isDone(), probeBudget)
          .on(
              pause(Duration.ofSeconds(1))
                  .exec(http(HEALTH).get("/api/health").check(status().is(200))))
          // The probe's verdict as the report will judge it: a FAIL fails this run in Gatling too.
          .exec(
              http(RequestNames.UI_VERDICT)
                  .get("/api/health")
                  .check(bodyString().transform(b -> failedVerdict()).is("")))
          // Leave an external target as it was found: the bot was launched for this run only.
          .exec(http(STOP).post("/api/bot/stop/#{botId}").check(status().is(200)));

  {
    support.probe(UiProbeResult.PROBE, () -> outcome().result());
    setUp(chat.injectOpen(atOnceUsers(1)))
        .protocols(protocol)
        .assertions(global().failedRequests().count().is(0L))
        .maxDuration(probeBudget.plus(Duration.ofSeconds(60 + historyMessages / 10)));
  }

  /**
   * "" unless the UI section, judged now from the probe's file by the report's own analyzer, FAILs;
   * then its status and result (Gatling shows them as this request's error).
   */
  private String failedVerdict() {
    outcome();
    support.writeProbe(UiProbeResult.PROBE);
    Optional<Path> folder = RunFolder.current(support.settings.gatlingResultsFolder(), getClass());
    if (folder.isEmpty()) {
      return "";
    }
    AreaResult r =
        new UiAnalyzer()
            .analyze(new GatlingRun(folder.get(), getClass().getName(), Instant.now(), Map.of()));
    return r.status() == Status.FAIL ? "UI section FAIL: " + r.result() : "";
  }

  private ProbeOutcome outcome() {
    if (outcome == null) {
      outcome = probe.await(GRACE);
    }
    return outcome;
  }

  @Override
  public void before() {
    support.awaitStart();
  }

  @Override
  public void after() {
    // A probe that measured nothing says why in its own file (notMeasuredReason, installHint).
    ProbeOutcome o = outcome();
    Optional<Path> folder = RunFolder.current(support.settings.gatlingResultsFolder(), getClass());
    if (o.screenshot() != null && folder.isPresent()) {
      AtomicFiles.write(folder.get().resolve(UiProbeResult.SCREENSHOT), o.screenshot());
    }
    support.finish();
  }
}
