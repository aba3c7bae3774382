package org.port8000.perf.target;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** One bounded look at {@code /api/health}: does the target still answer? */
public final class HealthCheck {
  private HealthCheck() {}

  public static boolean answers(URI baseUrl) {
    try {
      return problem(client(), baseUrl, Duration.ofSeconds(3)).isEmpty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * HTTP/1.1 only: the JDK's default (HTTP/2) sends {@code Upgrade: h2c} on plain http://, which
   * uvicorn, the original Port 8000 server, refuses with 400.
   */
  public static HttpClient client() {
    return client(Duration.ofSeconds(2));
  }

  /** The suite's HTTP client (HTTP/1.1, see {@link #client()}) with its own connect timeout. */
  public static HttpClient client(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .build();
  }

  static URI url(URI baseUrl) {
    return URI.create(baseUrl + "/api/health");
  }

  /** Empty when the target answers "healthy"; otherwise what it answered instead. */
  static Optional<String> problem(HttpClient client, URI baseUrl, Duration timeout)
      throws InterruptedException {
    try {
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(url(baseUrl)).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200 && r.body().contains("healthy")) {
        return Optional.empty();
      }
      String body = r.body().length() > 120 ? r.body().substring(0, 120) + "…" : r.body();
      return Optional.of("HTTP " + r.statusCode() + " " + body);
    } catch (IOException e) {
      return Optional.of(
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }
}
