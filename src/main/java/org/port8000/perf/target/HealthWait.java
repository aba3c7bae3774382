package org.port8000.perf.target;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls {@code /api/health} until it answers "healthy", for a bounded time. */
final class HealthWait {
  private HealthWait() {}

  static void await(URI baseUrl, Duration timeout, BooleanSupplier stillAlive) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI health = URI.create(baseUrl + "/api/health");
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!stillAlive.getAsBoolean()) {
        throw new TargetException("The target at " + baseUrl + " exited while starting; see its"
            + " output above.");
      }
      try {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(health)
            .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("healthy")) {
          return;
        }
        last = "HTTP " + r.statusCode() + " " + abbreviate(r.body());
      } catch (IOException e) {
        last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TargetException("Interrupted while waiting for " + health, e);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TargetException("Interrupted while waiting for " + health, e);
      }
    }
    throw new TargetException("The target at " + baseUrl + " did not answer " + health + " with"
        + " \"healthy\" within " + timeout.toSeconds() + " s (last: " + last + "). Check that the"
        + " server is running and listening on that address and port, or raise"
        + " -Dtarget.startTimeoutSeconds.");
  }

  private static String abbreviate(String s) {
    return s.length() > 120 ? s.substring(0, 120) + "…" : s;
  }
}
