package org.port8000.perf.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import org.port8000.perf.results.RequestNames;

/**
 * Assignment §3, UI render performance. Gatling launches a bot and seeds its chat history over
 * HTTP; then a real headless Chromium ({@link BrowserRun}, on its own thread) opens the chat page,
 * selects the bot, scrolls the history and chats, while Gatling watches the target's health until
 * the probe is done (bounded by the probe's own time budget). The probe's figures and a screenshot
 * go beside the run. The browser runs once: with several injectors, only injector 0 runs any of
 * this; the others send one health request ({@link RequestNames#UI_ELSEWHERE}), since Gatling
 * records no run without a request.
 */
public class UiRenderSimulation extends Simulation {

  // Parameters, read once.
  private final SimulationSupport support = SimulationSupport.start(getClass());
  private final boolean runsBrowser = support.injector.isFirst();
  private final int historyMessages = support.settings.uiHistoryMessages();
  // A fresh bot per run, so the page shows exactly the history this run seeded.
  private final String botId = "ui-probe-" + Long.toString(System.currentTimeMillis(), 36);
  private final BrowserRun browser =
      runsBrowser ? new BrowserRun(support, getClass(), botId) : null;
  private final Duration probeBudget = runsBrowser ? browser.budget() : Duration.ZERO;

  // Protocol.
  private final HttpProtocolBuilder protocol =
      http.baseUrl(support.target.baseUrl().toString())
          .contentTypeHeader("application/json")
          .acceptHeader("application/json");

  // Scenarios.
  private ScenarioBuilder chat() {
    return scenario(RequestNames.UI_RENDER)
        .exec(session -> session.set(Bodies.BOT, botId))
        .exec(
            http(RequestNames.UI_LAUNCH_BOT)
                .post("/api/bot/launch")
                .body(StringBody(Bodies.LAUNCH_BOT))
                .check(status().is(200)))
        .repeat(historyMessages, "i")
        .on(
            exec(
                http(RequestNames.UI_SAVE_MESSAGE)
                    .post("/api/chat/message")
                    .body(StringBody(session -> Bodies.historyLine(session.getInt("i"), botId)))
                    .check(status().is(200), jsonPath("$.success").ofBoolean().is(true))))
        // Without the full history the scroll would not measure what it claims: no probe then.
        .exitHereIfFailed()
        .exec(Phases.checkpoint(browser::start))
        .asLongAsDuring(session -> !browser.isDone(), probeBudget)
        .on(
            pause(Duration.ofSeconds(1))
                .exec(http(RequestNames.UI_HEALTH).get("/api/health").check(status().is(200))))
        // The probe's verdict as the report will judge it: a FAIL fails this run in Gatling too.
        .exec(
            http(RequestNames.UI_VERDICT)
                .get("/api/health")
                .check(bodyString().transform(b -> browser.failedVerdict()).is("")))
        // Leave an external target as it was found: the bot was launched for this run only.
        .exec(
            http(RequestNames.UI_STOP_BOT)
                .post("/api/bot/stop/#{" + Bodies.BOT + "}")
                .check(status().is(200)));
  }

  /** What an injector other than injector 0 runs: one health request. */
  private ScenarioBuilder elsewhere() {
    return scenario(RequestNames.UI_RENDER)
        .exec(http(RequestNames.UI_ELSEWHERE).get("/api/health").check(status().is(200)));
  }

  {
    setUp((runsBrowser ? chat() : elsewhere()).injectOpen(atOnceUsers(1)))
        .protocols(protocol)
        .assertions(global().failedRequests().count().is(0L))
        .maxDuration(probeBudget.plus(Duration.ofSeconds(60 + historyMessages / 10)));
  }

  @Override
  public void before() {
    support.awaitStart();
  }

  @Override
  public void after() {
    if (runsBrowser) {
      browser.writeScreenshot();
    }
    support.finish();
  }
}
