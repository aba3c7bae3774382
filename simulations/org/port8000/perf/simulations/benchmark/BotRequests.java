package org.port8000.perf.simulations.benchmark;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import org.port8000.perf.simulations.Bodies;

/** The bot API's requests on the bot in session attribute {@link Bodies#BOT}, checked as given. */
final class BotRequests {
  private BotRequests() {}

  /** Launches the bot in session attribute {@link Bodies#BOT}. */
  static ChainBuilder launch(String name, CheckBuilder... checks) {
    return exec(
        http(name).post("/api/bot/launch").body(StringBody(Bodies.LAUNCH_BOT)).check(checks));
  }

  /** Gives the bot in {@link Bodies#BOT} one task. */
  static ChainBuilder task(String name, String command, CheckBuilder... checks) {
    return exec(
        http(name)
            .post("/api/bot/#{" + Bodies.BOT + "}/task")
            .body(StringBody(Bodies.task(command)))
            .check(checks));
  }

  /** Stops the bot in {@link Bodies#BOT}. */
  static ChainBuilder stop(String name, CheckBuilder... checks) {
    return exec(http(name).post("/api/bot/stop/#{" + Bodies.BOT + "}").check(checks));
  }
}
