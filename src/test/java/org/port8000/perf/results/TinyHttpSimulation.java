package org.port8000.perf.results;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.Simulation;

/** A real, tiny simulation: 5 OK and 2 KO requests against a server the test starts. */
public class TinyHttpSimulation extends Simulation {
  {
    String base = System.getProperty("tiny.url");
    setUp(
            scenario("tiny")
                .repeat(5)
                .on(exec(http("ok").get("/ok").check(status().is(200))))
                .repeat(2)
                .on(exec(http("missing").get("/missing").check(status().is(200))))
                .injectOpen(atOnceUsers(1)))
        .protocols(http.baseUrl(base).shareConnections())
        .maxDuration(java.time.Duration.ofSeconds(30));
  }
}
