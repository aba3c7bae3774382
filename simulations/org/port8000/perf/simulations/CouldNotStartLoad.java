package org.port8000.perf.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.PopulationBuilder;
import org.port8000.perf.results.RequestNames;

/**
 * What a simulation that could not start runs: one health check, failed on purpose with the reason
 * (Gatling writes no report of a run without requests, and an error would stop the Maven plugin's
 * other simulations; a failed assertion does not). Needs an HTTP protocol on the target.
 */
final class CouldNotStartLoad {
  private CouldNotStartLoad() {}

  static PopulationBuilder population(String reason) {
    return scenario(RequestNames.COULD_NOT_START)
        .exec(
            http(RequestNames.COULD_NOT_START)
                .get("/api/health")
                .check(
                    bodyString()
                        .transform(b -> false)
                        .is(true)
                        .name(RequestNames.COULD_NOT_START + ": " + reason)))
        .injectOpen(atOnceUsers(1));
  }

  /** Its one request failed, so the run fails. */
  static Assertion assertion() {
    return details(RequestNames.COULD_NOT_START).failedRequests().count().is(0L);
  }
}
