package org.port8000.perf.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hostile input gets a 4xx with its reason (or the contract's success:false), never a 500. */
class HardeningTest {

  private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
  private static ReferenceServer server;
  private static Http http;
  private static RawHttp raw;

  @BeforeAll
  static void start() {
    server = TestServers.start("reference.idleTimeoutMs", "1000");
    http = new Http(server.baseUrl());
    raw = new RawHttp(server.port());
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static String handshake(String target, String key) {
    return "GET "
        + target
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
        + key
        + "\r\n\r\n";
  }

  @Test
  void aGetWithAMethodOverrideHeaderLaunchesNothing() {
    for (String header : RequestGate.OVERRIDE_HEADERS) {
      RawHttp.Answer a =
          raw.request("GET", "/api/bot/launch", "{\"bot_id\":\"overridden\"}", header + ": POST");
      assertEquals(400, a.status(), a.head());
      assertTrue(a.head().contains("not supported"), a.head());
    }
    RawHttp.Answer plainGet = raw.request("GET", "/api/bot/launch", "{\"bot_id\":\"overridden\"}");
    assertEquals(405, plainGet.status(), plainGet.head());
    assertFalse(http.getJson("/api/bots").path("bots").has("overridden"));
    assertEquals("stopped", http.getJson("/api/bot/overridden/status").path("status").asText());
  }

  @Test
  void stateChangingRoutesAnswerOnlyPost() {
    http.postJson("/api/bot/launch", "{\"bot_id\":\"kept\"}");
    for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
      for (String path : List.of("/api/bot/launch", "/api/bot/stop/kept", "/api/bot/kept/task")) {
        RawHttp.Answer a = raw.request(method, path, "{\"command\":\"x\"}");
        assertEquals(405, a.status(), method + " " + path + ": " + a.head());
        assertTrue(a.head().contains("\"success\":false"), a.head());
      }
    }
    assertEquals("running", http.getJson("/api/bot/kept/status").path("status").asText());
  }

  @Test
  void aLowercaseMethodIs400AndAnUnknownOne405() {
    RawHttp.Answer lower = raw.request("get", "/api/health", null);
    assertEquals(400, lower.status(), lower.head());
    assertTrue(lower.head().contains("case-sensitive"), lower.head());
    RawHttp.Answer lowerPost = raw.request("post", "/api/bot/launch", "{\"bot_id\":\"lower\"}");
    assertEquals(400, lowerPost.status(), lowerPost.head());
    assertFalse(http.getJson("/api/bots").path("bots").has("lower"));
    RawHttp.Answer unknown = raw.request("BREW", "/api/health", null);
    assertEquals(405, unknown.status(), unknown.head());
  }

  @Test
  void brokenEscapesInIdsAndQueriesAre400WithAReason() {
    for (String target :
        List.of(
            "/api/bot/%u002e%u002e/status",
            "/api/bot/%C3%28/status",
            "/api/chat/history?bot_id=%zz",
            "/api/chat/history?limit=%",
            "/api/health?x=%C3%28")) {
      RawHttp.Answer a = raw.request("GET", target, null);
      assertEquals(400, a.status(), target + ": " + a.head());
      assertTrue(a.head().contains("percent-escape"), a.head());
    }
    for (String target : List.of("/api/bot/stop/%u002e", "/api/bot/%u002e/task")) {
      RawHttp.Answer a = raw.request("POST", target, "{\"command\":\"x\"}");
      assertEquals(400, a.status(), target + ": " + a.head());
    }
    // A well-formed but invalid id keeps the contract's answer.
    JsonNode s = http.getJson("/api/bot/a%20b/status");
    assertFalse(s.path("success").asBoolean(true));
    assertEquals("stopped", s.path("status").asText());
  }

  @Test
  void aWebSocketHandshakeNeedsAValidKeyAndAValidQuery() {
    for (String key :
        List.of(
            "!!!!",
            "",
            "dGhlIHNhbXBsZSBub25jZQ",
            "dGhlIHNhbXBsZSBub25jZQ==AA",
            "dGhlIHNhbXBsZSBub25jZXh4eA==")) {
      RawHttp.Answer a = raw.send(handshake("/ws", key));
      assertEquals(400, a.status(), "key '" + key + "': " + a.head());
    }
    assertEquals(400, raw.send(handshake("/ws?x=%zz", KEY)).status());
    assertTrue(RequestGate.validKey(KEY));
    RawHttp.Answer ok =
        raw.send(handshake("/ws", KEY).getBytes(StandardCharsets.ISO_8859_1), 1_000);
    assertEquals(101, ok.status(), ok.head());
  }

  @Test
  void aRequestStalledMidHeadersOrMidBodyIsClosed() {
    long start = System.nanoTime();
    RawHttp.Answer headers =
        raw.send(
            "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.ISO_8859_1),
            15_000);
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    assertEquals(RawHttp.NO_ANSWER, headers.status(), headers.head());
    assertTrue(tookMs < 5_000, "closed after " + tookMs + " ms");

    RawHttp.Answer body =
        raw.send(
            ("POST /api/chat/message HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"ro")
                .getBytes(StandardCharsets.ISO_8859_1),
            15_000);
    assertTrue(
        body.status() == RawHttp.NO_ANSWER
            || (body.status() >= 400 || body.head().contains("\"success\":false")),
        body.head());
  }

  @Test
  void aClientTricklingItsHeadersIsClosedWithinTwoTimeouts()
      throws IOException, InterruptedException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", server.port()));
      OutputStream out = s.getOutputStream();
      out.write("GET /api/health HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
      long start = System.nanoTime();
      boolean closed = false;
      for (int i = 0; i < 40 && !closed; i++) {
        Thread.sleep(200); // well inside the 1 s idle timeout: only the reaper ends it
        try {
          out.write(("X-Slow-" + i + ": y\r\n").getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
        } catch (IOException e) {
          closed = true;
        }
      }
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      assertTrue(closed, "still open after " + tookMs + " ms of trickled headers");
      assertTrue(tookMs < 4_000, "closed after " + tookMs + " ms");
    }
  }

  @Test
  void largeHistoryPagesStreamInOrderWithTotalAndHasMore() {
    String big = "x".repeat(ReferenceConfig.MAX_CONTENT_CHARS - 8);
    for (int i = 0; i < 70; i++) {
      http.postJson(
          "/api/chat/message",
          "{\"role\":\"user\",\"content\":\"" + i + big + "\",\"bot_id\":\"streamed\"}");
    }
    JsonNode page = http.getJson("/api/chat/history?bot_id=streamed&limit=65&offset=2");
    assertEquals(70, page.path("total").asInt());
    assertTrue(page.path("has_more").asBoolean());
    JsonNode messages = page.path("messages");
    assertEquals(65, messages.size());
    for (int i = 0; i < 65; i++) {
      // offset 2 back from the newest (69): messages 3..67, oldest first
      assertEquals((i + 3) + big, messages.get(i).path("content").asText(), "message " + i);
      assertEquals("streamed", messages.get(i).path("bot_id").asText());
    }
  }

  @Test
  void theServerStillAnswersAfterAllOfIt() {
    assertEquals("healthy", http.getJson("/api/health").path("status").asText());
  }
}
