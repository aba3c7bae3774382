package org.port8000.perf.target;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One bounded look at {@code /api/health}: does the target still answer? */
public final class HealthCheck {
  private HealthCheck() {}

  public static boolean answers(URI baseUrl) {
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/health"))
          .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 && r.body().contains("healthy");
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
