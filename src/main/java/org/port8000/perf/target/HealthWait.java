package org.port8000.perf.target;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Polls {@code /api/health} until it answers "healthy", for a bounded time. */
final class HealthWait {
  private HealthWait() {}

  static void await(URI baseUrl, Duration timeout, BooleanSupplier stillAlive) {
    HttpClient client = HealthCheck.client();
    URI health = HealthCheck.url(baseUrl);
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    try {
      while (System.nanoTime() < deadline) {
        if (!stillAlive.getAsBoolean()) {
          throw new TargetException("The target at " + baseUrl + " exited while starting; see"
              + " its output above.");
        }
        Optional<String> problem = HealthCheck.problem(client, baseUrl,
            Duration.ofSeconds(2));
        if (problem.isEmpty()) {
          return;
        }
        last = problem.get();
        Thread.sleep(200);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TargetException("Interrupted while waiting for " + health, e);
    }
    throw new TargetException("The target at " + baseUrl + " did not answer " + health + " with"
        + " \"healthy\" within " + timeout.toSeconds() + " s (last: " + last + "). Check that the"
        + " server is running and listening on that address and port, or raise"
        + " -Dtarget.startTimeoutSeconds.");
  }
}
