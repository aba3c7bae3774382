package org.port8000.perf.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code reference.compat=original}: the reference server behaves like the original server. */
class CompatModeTest {

  private static final Duration QUIET = Duration.ofMillis(800);

  private static ReferenceServer original;

  @BeforeAll
  static void start() {
    original =
        TestServers.start(
            "reference.compat",
            "original",
            "reference.llm.tokens",
            "3",
            "reference.llm.tokenDelayMs",
            "1");
  }

  @AfterAll
  static void stop() {
    original.stop();
  }

  @Test
  void originalModeSetsEverySwitchAndAOneSecondBotLaunch() {
    ReferenceConfig c = ReferenceConfig.fromProperties(Map.of("reference.compat", "original"));
    assertEquals(CompatSwitches.ALL_ORIGINAL, c.compat());
    assertEquals(1000, c.botLaunchLatencyMs());
    assertEquals(20_000, c.compat().pingIntervalMs());
    ReferenceConfig d = ReferenceConfig.fromProperties(Map.of());
    assertEquals(CompatSwitches.NONE, d.compat());
    assertEquals(50, d.botLaunchLatencyMs());
    assertTrue(d.compat().describeActive().isEmpty());
  }

  @Test
  void singleSwitchesOverrideTheModeOneByOne() {
    ReferenceConfig c =
        ReferenceConfig.fromProperties(
            Map.of(
                "reference.compat",
                "original",
                "reference.ws.heartbeatAck",
                "true",
                "reference.bot.launchLatencyMs",
                "5",
                "reference.ui",
                "reference"));
    assertTrue(c.compat().heartbeatAck());
    assertFalse(c.compat().echoId());
    assertEquals(5, c.botLaunchLatencyMs());
    assertEquals(CompatSwitches.REFERENCE, c.compat().ui());
    ReferenceConfig one = ReferenceConfig.fromProperties(Map.of("reference.ws.echoId", "false"));
    assertEquals(List.of("echoId=false"), one.compat().describeActive());
  }

  @Test
  void invalidModeOrSwitchIsRefusedNamingPropertyValueAndChoices() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ReferenceConfig.fromProperties(Map.of("reference.compat", "orig")));
    assertTrue(e.getMessage().contains("Setting 'reference.compat' is 'orig'"), e.getMessage());
    assertTrue(e.getMessage().contains("one of reference, original"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ReferenceConfig.fromProperties(Map.of("reference.ws.echoId", "yes")));
    assertTrue(e.getMessage().contains("Setting 'reference.ws.echoId' is 'yes'"), e.getMessage());
    assertTrue(e.getMessage().contains("true or false"), e.getMessage());
  }

  @Test
  void metricsSwitchOffRemovesTheMetricsEndpoint() {
    assertEquals(200, new Http(original.baseUrl()).get("/metrics").status(), "on unless set");
    try (ReferenceServer server = TestServers.start("reference.http.metrics", "false")) {
      Http http = new Http(server.baseUrl());
      assertEquals(404, http.get("/metrics").status());
      assertEquals(200, http.get("/api/health").status());
    }
  }

  @Test
  void heartbeatGetsNoAnswerAndTheSocketStaysOpen() {
    try (WsClient ws = new WsClient(original.baseUrl())) {
      ws.send("{\"type\":\"heartbeat\",\"seq\":1}");
      assertUnansweredWithTheSocketStillServing(ws, "the original has no heartbeat ack");
    }
  }

  @Test
  void replyFramesCarryNoIdEcho() {
    try (WsClient ws = new WsClient(original.baseUrl())) {
      ws.send("{\"type\":\"message\",\"content\":\"with id\",\"id\":\"m-17\"}");
      List<JsonNode> frames = ws.until("response");
      assertEquals(4, frames.size(), frames.toString()); // 3 stream pieces + response
      for (JsonNode f : frames) {
        assertTrue(f.path("id").isMissingNode(), "no id on " + f);
      }
    }
  }

  @Test
  void commandPingAndTypelessFramesAreIgnoredWithTheSocketOpen() {
    try (WsClient ws = new WsClient(original.baseUrl())) {
      ws.send("{\"type\":\"command\",\"bot_id\":\"bot-1\",\"command\":\"hello\"}");
      ws.send("{\"type\":\"ping\"}");
      ws.send("{\"content\":\"no type\"}");
      assertUnansweredWithTheSocketStillServing(ws, "unknown types get no answer at all");
    }
  }

  /** Nothing comes back for what was sent, yet the socket is open and answers a chat message. */
  private static void assertUnansweredWithTheSocketStillServing(WsClient ws, String why) {
    assertNull(ws.next(QUIET), why);
    assertNull(ws.awaitClose(Duration.ofMillis(10)), "the socket stays open");
    ws.send("{\"type\":\"message\",\"content\":\"still there?\"}");
    assertEquals("response", ws.until("response").get(3).path("type").asText());
  }

  @Test
  void invalidJsonDropsTheConnectionWithoutACloseFrame() {
    for (String bad : List.of("not json {", "[1, 2]")) {
      try (WsClient ws = new WsClient(original.baseUrl())) {
        ws.send(bad);
        Integer code = ws.awaitClose(Duration.ofSeconds(5));
        assertNotNull(code, "still open after " + bad);
        // -1: the JDK client's onError (no close frame); 1006 if it reports it as a close.
        assertTrue(code == -1 || code == 1006, "closed with " + code + " after " + bad);
        assertNull(ws.next(Duration.ofMillis(50)), "no error frame before the drop");
      }
    }
  }

  @Test
  void referenceModeStillAnswersInvalidJsonWithAnErrorFrameAndKeepsTheSocket() {
    try (ReferenceServer server = TestServers.start();
        WsClient ws = new WsClient(server.baseUrl())) {
      ws.send("not json {");
      assertEquals("error", ws.next().path("type").asText());
      assertNull(ws.awaitClose(Duration.ofMillis(200)));
    }
  }

  @Test
  void singleSwitchHeartbeatAckOffTurnsHeartbeatIntoAnUnknownType() {
    try (ReferenceServer server = TestServers.start("reference.ws.heartbeatAck", "false");
        WsClient ws = new WsClient(server.baseUrl())) {
      ws.send("{\"type\":\"heartbeat\",\"seq\":3}");
      JsonNode f = ws.next();
      assertEquals("error", f.path("type").asText(), f.toString());
      assertEquals("unknown type: heartbeat", f.path("message").asText());
    }
  }

  @Test
  void tokensZeroSendsOnlyTheResponseInBothModes() {
    for (String mode : List.of(CompatSwitches.REFERENCE, CompatSwitches.ORIGINAL)) {
      try (ReferenceServer server =
              TestServers.start(
                  "reference.compat",
                  mode,
                  "reference.llm.tokens",
                  "0",
                  "reference.llm.tokenDelayMs",
                  "1");
          WsClient ws = new WsClient(server.baseUrl())) {
        ws.send("{\"type\":\"message\",\"content\":\"whole\"}");
        JsonNode first = ws.next();
        assertEquals("response", first.path("type").asText(), mode + ": " + first);
        assertEquals(
            LlmStandIn.UNSTREAMED_WORDS,
            first.path("content").asText().split(" ").length,
            mode + ": " + first);
        assertNull(ws.next(Duration.ofMillis(300)), mode + ": nothing after the response");
      }
    }
  }

  @Test
  void h2cUpgradeRequestIsRefusedWith400WhileHttp11Gets200() throws Exception {
    HttpResponse<String> h2c = get(original, HttpClient.Version.HTTP_2);
    assertEquals(400, h2c.statusCode());
    assertEquals("Unsupported upgrade request.", h2c.body());
    HttpResponse<String> http11 = get(original, HttpClient.Version.HTTP_1_1);
    assertEquals(200, http11.statusCode());
    assertTrue(http11.body().contains("\"healthy\""), http11.body());
    try (ReferenceServer server = TestServers.start()) {
      assertEquals(
          200,
          get(server, HttpClient.Version.HTTP_2).statusCode(),
          "the reference behaviour accepts (and ignores) the upgrade");
    }
  }

  private static HttpResponse<String> get(ReferenceServer server, HttpClient.Version version)
      throws IOException, InterruptedException {
    // The JDK client asks for "Upgrade: h2c" on plain http:// when it may use HTTP/2.
    HttpClient client = HttpClient.newBuilder().version(version).build();
    return client.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/health"))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void protocolPingsArriveAtTheConfiguredInterval() throws InterruptedException {
    try (ReferenceServer server = TestServers.start("reference.ws.pingIntervalMs", "150");
        WsClient ws = new WsClient(server.baseUrl())) {
      long deadline = System.nanoTime() + 3_000_000_000L;
      while (ws.pings() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(ws.pings() >= 3, "pings in 3 s at 150 ms: " + ws.pings());
      assertTrue(
          new Http(server.baseUrl())
              .get("/metrics")
              .body()
              .contains("port8000_websocket_pings_total "),
          "pings are counted");
    }
    try (ReferenceServer server = TestServers.start();
        WsClient ws = new WsClient(server.baseUrl())) {
      Thread.sleep(400);
      assertEquals(0, ws.pings(), "no pings in the reference behaviour");
    }
  }

  @Test
  void originalUiIsServedAtRootWithTheSameSelectorsAndTheCommandSendPath() {
    Http http = new Http(original.baseUrl());
    Http.Reply page = http.get("/");
    assertEquals(200, page.status());
    for (String id :
        List.of(
            "id=\"chatMessages\"",
            "id=\"chatInput\"",
            "id=\"sendButton\"",
            "id=\"botList\"",
            "/original/app.js")) {
      assertTrue(page.body().contains(id), id + " missing from the original page");
    }
    assertFalse(page.body().contains("ui-config.js"), "the original page has no fault config");
    String js = http.get("/original/app.js").body();
    assertTrue(
        js.contains("type: 'command', bot_id: currentBot, command: text"), "the command frame");
    assertTrue(
        js.contains("'/api/bot/' + encodeURIComponent(currentBot) + '/task'"), "the HTTP path");
    assertTrue(js.contains("'/api/chat/history?limit=100&bot_id='"), "history on selecting a bot");
    assertTrue(js.contains("data-action=\"select\"][data-bot-id]"), "the bot selector");
    assertTrue(js.contains("data.type === 'response'"), "renders response frames only");
    assertFalse(js.contains("'stream'") || js.contains("'error'"), "no stream or error rendering");
    try (ReferenceServer server = TestServers.start()) {
      String ref = new Http(server.baseUrl()).get("/").body();
      assertTrue(
          ref.contains("/app.js") && !ref.contains("/original/app.js"),
          "reference page by default");
    }
  }
}
