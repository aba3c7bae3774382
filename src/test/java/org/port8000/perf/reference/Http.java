package org.port8000.perf.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON HTTP client for the tests, on java.net.http only. */
final class Http {

  static final ObjectMapper MAPPER = new ObjectMapper();
  // HTTP/1.1: the JDK default asks for an h2c upgrade, which the original server (and the
  // reference server with reference.http.rejectH2cUpgrade) refuses with 400.
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final String baseUrl;

  Http(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  record Reply(int status, String contentType, String body) {
    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }

  Reply get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  Reply post(String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  JsonNode getJson(String path) {
    return get(path).json();
  }

  JsonNode postJson(String path, String body) {
    return post(path, body).json();
  }

  private static Reply send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r =
          CLIENT.send(
              b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
