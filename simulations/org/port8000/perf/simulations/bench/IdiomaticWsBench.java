package org.port8000.perf.simulations.bench;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * The yardstick of bench/generator.sh (named so that the suite's {@code *Simulation} includes never
 * run it): a minimal idiomatic Gatling WebSocket simulation that sends chat messages at the same
 * rate, over the same paced connections, to the same target as the suite's steps — {@code pace},
 * {@code sendText(…).await(…).on(checkTextMessage(…) .matching(…))} and nothing else. Not part of
 * the suite: it measures nothing for the report. Settings: {@code target.url}, {@code bench.rate}
 * (msg/s), {@code bench.seconds}.
 */
public class IdiomaticWsBench extends Simulation {
  private final String url = System.getProperty("target.url", "http://127.0.0.1:8000");
  private final int rate = Integer.getInteger("bench.rate", 200);
  private final int seconds = Integer.getInteger("bench.seconds", 30);
  private final Duration pace = Duration.ofMillis(400);
  private final int users = (int) Math.ceil(rate * pace.toMillis() / 1000.0);
  private final int perUser = (int) Math.round(seconds * 1000.0 / pace.toMillis());

  private final ScenarioBuilder chat =
      scenario("idiomatic chat")
          .exec(ws("connect").connect("/ws"))
          .repeat(perUser)
          .on(
              pace(pace),
              exec(
                  ws("send")
                      .sendText("{\"type\":\"message\",\"content\":\"perf\"}")
                      .await(Duration.ofSeconds(5))
                      .on(
                          ws.checkTextMessage("reply")
                              .matching(jsonPath("$.type").in("response", "error"))
                              .check(jsonPath("$.type").is("response")))))
          .exec(ws("close").close());

  {
    // A whole second: Gatling injects nobody with a ramp shorter than a second.
    setUp(chat.injectOpen(rampUsers(users).during(Duration.ofSeconds(1))))
        .protocols(http.wsBaseUrl(url.replaceFirst("^http", "ws")));
  }
}
