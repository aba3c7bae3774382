package org.port8000.perf.target;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Polls {@code /api/health} until it answers "healthy", for a bounded time. */
final class HealthWait {
  private HealthWait() {}

  /** How long a target that is not being started may refuse connections before we say so. */
  static final Duration REFUSED_LIMIT = Duration.ofSeconds(15);

  /**
   * @param refusedLimit when non-null, connections refused for this long end the wait early (a
   *     target this run does not start is not coming up); null while a child is starting
   */
  static void await(
      URI baseUrl, Duration timeout, BooleanSupplier stillAlive, Duration refusedLimit) {
    HttpClient client = HealthCheck.client();
    URI health = HealthCheck.url(baseUrl);
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    long refusedSince = -1;
    try {
      while (System.nanoTime() < deadline) {
        if (!stillAlive.getAsBoolean()) {
          throw new TargetException(
              "The target at " + baseUrl + " exited while starting; see" + " its output above.");
        }
        Optional<String> problem = HealthCheck.problem(client, baseUrl, Duration.ofSeconds(2));
        if (problem.isEmpty()) {
          return;
        }
        last = problem.get();
        if (last.startsWith("ConnectException")) {
          long now = System.nanoTime();
          refusedSince = refusedSince < 0 ? now : refusedSince;
          if (refusedLimit != null
              && now - refusedSince >= refusedLimit.toNanos()
              && refusedLimit.compareTo(timeout) < 0) {
            throw new TargetException(
                "The target at "
                    + baseUrl
                    + " refused connections for "
                    + refusedLimit.toSeconds()
                    + " s ("
                    + last
                    + "): nothing listens there. Start"
                    + " the server first, or fix -Dtarget.url (is the port right?).");
          }
        } else {
          refusedSince = -1;
        }
        Thread.sleep(200);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TargetException("Interrupted while waiting for " + health, e);
    }
    throw new TargetException(
        "The target at "
            + baseUrl
            + " did not answer "
            + health
            + " with"
            + " \"healthy\" within "
            + timeout.toSeconds()
            + " s (last: "
            + last
            + "). Check that the"
            + " server is running and listening on that address and port, or raise"
            + " -Dtarget.startTimeoutSeconds.");
  }
}
