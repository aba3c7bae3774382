package org.port8000.perf.probe.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Puts a bot and its history into a target over HTTP, as the simulation does with Gatling. */
final class ChatSeeder {
  private ChatSeeder() {}

  static void seed(URI base, String botId, int messages) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    post(http, base, "/api/bot/launch", "{\"bot_id\":\"" + botId + "\",\"adapter\":\"mock\"}");
    for (int i = 0; i < messages; i++) {
      String role = i % 2 == 0 ? "user" : "assistant";
      post(
          http,
          base,
          "/api/chat/message",
          "{\"role\":\""
              + role
              + "\",\"bot_id\":\""
              + botId
              + "\",\"content\":\"history message "
              + i
              + " with a little text to wrap\"}");
    }
  }

  private static void post(HttpClient http, URI base, String path, String body) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200 || r.body().contains("\"success\":false")) {
      throw new IllegalStateException(path + " answered " + r.statusCode() + " " + r.body());
    }
  }
}
