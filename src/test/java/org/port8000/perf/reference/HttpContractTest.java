package org.port8000.perf.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpContractTest {

  private static ReferenceServer server;
  private static Http http;

  @BeforeAll
  static void start() {
    server = TestServers.start("reference.history.maxRows", "100");
    http = new Http(server.baseUrl());
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static void launch(String id) {
    JsonNode r =
        http.postJson("/api/bot/launch", "{\"bot_id\":\"" + id + "\",\"adapter\":\"mock\"}");
    assertTrue(r.path("success").asBoolean(), r.toString());
  }

  @Test
  void healthReportsHealthyAndActiveConnections() {
    JsonNode h = http.getJson("/api/health");
    assertEquals("healthy", h.path("status").asText());
    assertTrue(h.path("active_connections").isInt(), h.toString());
  }

  @Test
  void launchAnswersSuccessWithBotIdAndMessage() {
    JsonNode r = http.postJson("/api/bot/launch", "{\"bot_id\":\"launch-1\",\"adapter\":\"mock\"}");
    assertTrue(r.path("success").asBoolean());
    assertEquals("launch-1", r.path("bot_id").asText());
    assertTrue(r.path("message").isTextual());
  }

  @Test
  void launchRefusesABotThatIsAlreadyRunning() {
    launch("twice");
    JsonNode r = http.postJson("/api/bot/launch", "{\"bot_id\":\"twice\",\"adapter\":\"mock\"}");
    assertFalse(r.path("success").asBoolean());
    assertTrue(r.path("error").asText().contains("already running"), r.toString());
  }

  @Test
  void concurrentLaunchesOfOneIdLetExactlyOneSucceed() {
    List<CompletableFuture<JsonNode>> all = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      all.add(
          CompletableFuture.supplyAsync(
              () ->
                  http.postJson("/api/bot/launch", "{\"bot_id\":\"race\",\"adapter\":\"mock\"}")));
    }
    long ok =
        all.stream()
            .map(CompletableFuture::join)
            .filter(r -> r.path("success").asBoolean())
            .count();
    assertEquals(1, ok);
  }

  @Test
  void launchRefusesInvalidBotIds() {
    for (String body :
        List.of(
            "{\"bot_id\":\"../etc\"}",
            "{\"bot_id\":\"\"}",
            "{\"bot_id\":\"a b\"}",
            "{\"bot_id\":\"" + "x".repeat(65) + "\"}",
            "{\"bot_id\":7}",
            "{}")) {
      Http.Reply r = http.post("/api/bot/launch", body);
      assertEquals(200, r.status());
      assertFalse(r.json().path("success").asBoolean(), body);
      assertTrue(r.json().path("error").isTextual(), body);
    }
  }

  @Test
  void badJsonAnswersSuccessFalse() {
    Http.Reply r = http.post("/api/bot/launch", "{not json");
    assertEquals(200, r.status());
    assertEquals("invalid JSON", r.json().path("error").asText());
    assertFalse(http.postJson("/api/chat/message", "[1,2]").path("success").asBoolean());
  }

  @Test
  void oversizedBodyIsRefusedWith413() {
    String big = "{\"role\":\"user\",\"content\":\"" + "a".repeat(70_000) + "\"}";
    Http.Reply r = http.post("/api/chat/message", big);
    assertEquals(413, r.status());
    assertFalse(r.json().path("success").asBoolean());
  }

  @Test
  void botListingsShowALaunchedBot() {
    launch("listed");
    JsonNode bot = http.getJson("/api/bots").path("bots").path("listed");
    assertEquals("running", bot.path("status").asText());
    assertTrue(bot.has("current_task"));
    assertEquals(ProcessHandle.current().pid(), bot.path("pid").asLong());
    assertEquals(server.port(), bot.path("port").asInt());

    JsonNode status = null;
    for (JsonNode s : http.getJson("/api/bots/status")) {
      if (s.path("id").asText().equals("listed")) {
        status = s;
      }
    }
    assertNotNull(status);
    assertTrue(status.path("running").asBoolean());
    assertEquals("online", status.path("status").asText());
    assertEquals(server.port(), status.path("port").asInt());
    assertTrue(status.path("pid").isNumber());
  }

  @Test
  void botStatusDescribesARunningBot() {
    launch("described");
    JsonNode s = http.getJson("/api/bot/described/status");
    assertEquals("described", s.path("bot_id").asText());
    assertEquals("running", s.path("status").asText());
    assertTrue(s.has("current_task"));
    assertTrue(s.path("uptime").asText().matches("\\d+s"), s.toString());
    assertEquals(ProcessHandle.current().pid(), s.path("pid").asLong());
    assertEquals(server.port(), s.path("port").asInt());
    assertEquals("mock", s.path("adapter").asText());
  }

  @Test
  void botStatusOfAnUnknownBotSaysStopped() {
    JsonNode s = http.getJson("/api/bot/nobody/status");
    assertEquals("stopped", s.path("status").asText());
    assertTrue(s.path("error").isTextual());
  }

  @Test
  void stopRemovesABotAndRefusesAnUnknownOne() {
    launch("stoppable");
    JsonNode r = http.postJson("/api/bot/stop/stoppable", "");
    assertTrue(r.path("success").asBoolean());
    assertTrue(r.path("message").isTextual());
    assertEquals("stopped", http.getJson("/api/bot/stoppable/status").path("status").asText());
    assertFalse(http.postJson("/api/bot/stop/stoppable", "").path("success").asBoolean());
    assertFalse(http.postJson("/api/bot/stop/bad%20id", "").path("success").asBoolean());
  }

  @Test
  void taskAnswersAndSavesBothLinesToHistory() {
    launch("worker");
    JsonNode r = http.postJson("/api/bot/worker/task", "{\"command\":\"summarise the logs\"}");
    assertTrue(r.path("success").asBoolean(), r.toString());
    assertEquals("worker", r.path("bot_id").asText());
    String response = r.path("response").asText();
    assertFalse(response.isBlank());

    JsonNode h = http.getJson("/api/chat/history?bot_id=worker");
    assertEquals(2, h.path("total").asInt());
    JsonNode first = h.path("messages").get(0);
    JsonNode second = h.path("messages").get(1);
    assertEquals("user", first.path("role").asText());
    assertEquals("summarise the logs", first.path("content").asText());
    assertEquals("assistant", second.path("role").asText());
    assertEquals(response, second.path("content").asText());
    assertEquals("worker", second.path("bot_id").asText());
    assertTrue(second.path("timestamp").isTextual());
  }

  @Test
  void taskRefusesABotThatIsNotRunningAndAnEmptyCommand() {
    assertFalse(
        http.postJson("/api/bot/ghost/task", "{\"command\":\"x\"}").path("success").asBoolean());
    launch("picky");
    assertFalse(
        http.postJson("/api/bot/picky/task", "{\"command\":\"  \"}").path("success").asBoolean());
    assertFalse(http.postJson("/api/bot/picky/task", "{}").path("success").asBoolean());
  }

  @Test
  void chatMessageIsSavedAndFilteredBySession() {
    JsonNode r =
        http.postJson(
            "/api/chat/message",
            "{\"role\":\"user\",\"content\":\"hi there\",\"bot_id\":\"hist\",\"session_id\":\"s-1\"}");
    assertTrue(r.path("success").asBoolean());
    http.postJson(
        "/api/chat/message",
        "{\"role\":\"assistant\",\"content\":\"other\",\"bot_id\":\"hist\",\"session_id\":\"s-2\"}");
    JsonNode h = http.getJson("/api/chat/history?bot_id=hist&session_id=s-1");
    assertEquals(1, h.path("total").asInt());
    assertFalse(h.path("has_more").asBoolean());
    JsonNode m = h.path("messages").get(0);
    assertEquals("hi there", m.path("content").asText());
    assertEquals("user", m.path("role").asText());
    assertEquals("hist", m.path("bot_id").asText());
  }

  @Test
  void chatMessageRefusesUnknownRolesAndBadBotIds() {
    assertFalse(
        http.postJson("/api/chat/message", "{\"role\":\"root\",\"content\":\"x\"}")
            .path("success")
            .asBoolean());
    assertFalse(
        http.postJson(
                "/api/chat/message", "{\"role\":\"user\",\"content\":\"x\",\"bot_id\":\"a/b\"}")
            .path("success")
            .asBoolean());
    assertFalse(
        http.postJson("/api/chat/message", "{\"role\":\"user\"}").path("success").asBoolean());
  }

  @Test
  void historyPagesNewestFirstWithLimitOffsetAndHasMore() {
    for (int i = 0; i < 5; i++) {
      http.postJson(
          "/api/chat/message",
          "{\"role\":\"user\",\"content\":\"m" + i + "\",\"bot_id\":\"pager\"}");
    }
    JsonNode newest = http.getJson("/api/chat/history?bot_id=pager&limit=2");
    assertEquals(5, newest.path("total").asInt());
    assertTrue(newest.path("has_more").asBoolean());
    assertEquals("m3", newest.path("messages").get(0).path("content").asText());
    assertEquals("m4", newest.path("messages").get(1).path("content").asText());

    JsonNode oldest = http.getJson("/api/chat/history?bot_id=pager&limit=2&offset=4");
    assertEquals(1, oldest.path("messages").size());
    assertEquals("m0", oldest.path("messages").get(0).path("content").asText());
    assertFalse(oldest.path("has_more").asBoolean());
  }

  @Test
  void historyRefusesOutOfRangeParameters() {
    assertFalse(http.getJson("/api/chat/history?limit=1001").path("success").asBoolean(true));
    assertFalse(http.getJson("/api/chat/history?limit=abc").path("success").asBoolean(true));
    assertFalse(http.getJson("/api/chat/history?offset=-1").path("success").asBoolean(true));
    assertFalse(http.getJson("/api/chat/history?bot_id=x%20y").path("success").asBoolean(true));
  }

  @Test
  void historyKeepsOnlyTheNewestRows() {
    for (int i = 0; i < 250; i++) {
      http.postJson(
          "/api/chat/message",
          "{\"role\":\"user\",\"content\":\"fill " + i + "\",\"bot_id\":\"filler\"}");
    }
    // maxRows is 100 here; trimming runs every 100 inserts, so at most 100 + 100 rows remain.
    long rows = server.historyRows();
    assertTrue(rows <= 200, "rows kept: " + rows);
    JsonNode newest = http.getJson("/api/chat/history?bot_id=filler&limit=1");
    assertEquals("fill 249", newest.path("messages").get(0).path("content").asText());
  }

  @Test
  void unknownPathsAnswer404() {
    assertEquals(404, http.get("/api/nothing-here").status());
  }

  @Test
  void rootServesTheChatPageWithTheProbeIds() {
    Http.Reply r = http.get("/");
    assertEquals(200, r.status());
    assertTrue(r.contentType().startsWith("text/html"), r.contentType());
    for (String id : List.of("chatMessages", "chatInput", "sendButton", "botList")) {
      assertTrue(r.body().contains("id=\"" + id + "\""), id);
    }
  }

  @Test
  void uiConfigScriptCarriesARenderDelayOfZeroByDefault() {
    Http.Reply r = http.get("/ui-config.js");
    assertTrue(r.contentType().startsWith("application/javascript"), r.contentType());
    assertEquals("window.PORT8000_UI = {\"renderDelayMs\": 0};", r.body().trim());
  }

  @Test
  void metricsExposeAPositiveResidentMemoryAndTheServerCounters() {
    Http.Reply r = http.get("/metrics");
    assertTrue(r.contentType().startsWith("text/plain"), r.contentType());
    String rss =
        r.body()
            .lines()
            .filter(l -> l.startsWith("process_resident_memory_bytes "))
            .findFirst()
            .orElseThrow(() -> new AssertionError(r.body()));
    assertTrue(Long.parseLong(rss.split(" ")[1]) > 0, rss);
    for (String name :
        List.of(
            "process_cpu_seconds_total ",
            "jvm_memory_heap_used_bytes ",
            "port8000_websocket_connections ",
            "port8000_messages_handled_total ",
            "port8000_heartbeats_total ")) {
      assertTrue(r.body().lines().anyMatch(l -> l.startsWith(name)), name);
    }
  }
}
