package org.port8000.perf.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChatSocketTest {

  private static ReferenceServer server;
  private static Http http;

  @BeforeAll
  static void start() {
    server = TestServers.start("reference.llm.tokens", "4", "reference.llm.tokenDelayMs", "2");
    http = new Http(server.baseUrl());
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void messageStreamsPiecesThenOneResponseWithTheFullText() {
    try (WsClient ws = new WsClient(server.baseUrl())) {
      ws.send("{\"type\":\"message\",\"content\":\"hello\"}");
      List<JsonNode> frames = ws.until("response");
      assertEquals(5, frames.size(), frames.toString());
      StringBuilder joined = new StringBuilder();
      for (JsonNode f : frames.subList(0, 4)) {
        assertEquals("stream", f.path("type").asText());
        joined.append(f.path("content").asText());
      }
      JsonNode response = frames.get(4);
      assertEquals(joined.toString(), response.path("content").asText());
      assertTrue(response.path("id").isMissingNode(), "no id was sent, none is echoed");
    }
  }

  @Test
  void messageIdIsEchoedOnEveryReplyFrame() {
    try (WsClient ws = new WsClient(server.baseUrl())) {
      ws.send("{\"type\":\"message\",\"content\":\"with id\",\"id\":\"m-17\"}");
      for (JsonNode f : ws.until("response")) {
        assertEquals("m-17", f.path("id").asText(), f.toString());
      }
      ws.send("{\"type\":\"message\",\"content\":\"numeric id\",\"id\":42}");
      for (JsonNode f : ws.until("response")) {
        assertEquals(42, f.path("id").asInt(), f.toString());
      }
    }
  }

  @Test
  void repliesOnOneConnectionComeInArrivalOrder() {
    try (WsClient ws = new WsClient(server.baseUrl())) {
      for (int i = 0; i < 5; i++) {
        ws.send("{\"type\":\"message\",\"content\":\"n" + i + "\",\"id\":" + i + "}");
      }
      for (int i = 0; i < 5; i++) {
        for (JsonNode f : ws.until("response")) {
          assertEquals(i, f.path("id").asInt(), "frames of message " + i + " interleaved: " + f);
        }
      }
    }
  }

  @Test
  void heartbeatIsAcknowledgedWithItsSeq() {
    try (WsClient ws = new WsClient(server.baseUrl())) {
      ws.send("{\"type\":\"heartbeat\",\"seq\":7}");
      JsonNode ack = ws.next();
      assertEquals("heartbeat_ack", ack.path("type").asText());
      assertEquals(7, ack.path("seq").asLong());
    }
  }

  @Test
  void badJsonGetsAnErrorFrameAndTheSocketKeepsAnswering() {
    try (WsClient ws = new WsClient(server.baseUrl())) {
      ws.send("{this is not json");
      JsonNode err = ws.next();
      assertEquals("error", err.path("type").asText());
      assertTrue(err.path("message").isTextual());
      ws.send("{\"type\":\"heartbeat\",\"seq\":1}");
      assertEquals("heartbeat_ack", ws.next().path("type").asText());
      ws.send("{\"type\":\"message\",\"content\":\"still there?\"}");
      assertEquals("response", ws.until("response").get(4).path("type").asText());
    }
  }

  @Test
  void missingOrUnknownTypeAndBadFieldsGetErrorFrames() {
    try (WsClient ws = new WsClient(server.baseUrl())) {
      for (String bad :
          List.of(
              "{\"content\":\"no type\"}",
              "{\"type\":\"dance\"}",
              "[1,2]",
              "{\"type\":\"message\"}",
              "{\"type\":\"message\",\"content\":\"x\",\"bot_id\":\"../x\"}",
              "{\"type\":\"heartbeat\",\"seq\":\"one\"}")) {
        ws.send(bad);
        JsonNode f = ws.next();
        assertEquals("error", f.path("type").asText(), bad + " -> " + f);
      }
      ws.send("{\"type\":\"heartbeat\",\"seq\":2}");
      assertEquals(2, ws.next().path("seq").asInt());
    }
  }

  @Test
  void oversizedFrameClosesTheSocketWith1009() {
    try (WsClient ws = new WsClient(server.baseUrl())) {
      ws.send("{\"type\":\"message\",\"content\":\"" + "a".repeat(70_000) + "\"}");
      assertEquals(1009, ws.awaitClose(Duration.ofSeconds(10)));
    }
  }

  @Test
  void chatMessagesAreSavedToHistoryUnderTheirBotId() {
    try (WsClient ws = new WsClient(server.baseUrl())) {
      ws.send("{\"type\":\"message\",\"content\":\"remember me\",\"bot_id\":\"wsbot\"}");
      String reply = ws.until("response").get(4).path("content").asText();
      JsonNode h = null;
      // The reply is saved right after it is sent; allow the write a moment.
      for (int i = 0; i < 50; i++) {
        h = http.getJson("/api/chat/history?bot_id=wsbot");
        if (h.path("total").asInt() == 2) {
          break;
        }
        sleep(50);
      }
      assertEquals(2, h.path("total").asInt(), h.toString());
      assertEquals("remember me", h.path("messages").get(0).path("content").asText());
      assertEquals(reply, h.path("messages").get(1).path("content").asText());
    }
  }

  @Test
  void activeConnectionsCountsOpenSocketsAndForgetsClosedOnes() {
    int before = http.getJson("/api/health").path("active_connections").asInt();
    WsClient a = new WsClient(server.baseUrl());
    WsClient b = new WsClient(server.baseUrl());
    a.send("{\"type\":\"heartbeat\",\"seq\":1}").next();
    b.send("{\"type\":\"heartbeat\",\"seq\":1}").next();
    assertEquals(before + 2, http.getJson("/api/health").path("active_connections").asInt());
    a.close();
    b.close();
    int after = -1;
    for (int i = 0; i < 50 && after != before; i++) {
      after = http.getJson("/api/health").path("active_connections").asInt();
      sleep(50);
    }
    assertEquals(before, after);
    assertEquals(before, server.openConnections());
  }

  @Test
  void aClosedSocketStopsItsPendingReplies() {
    // Its own server: one 100 ms piece per reply, so 20 queued replies take 2 s in turn.
    ReferenceServer slow =
        TestServers.start("reference.llm.tokens", "1", "reference.llm.tokenDelayMs", "100");
    try {
      Http slowHttp = new Http(slow.baseUrl());
      WsClient ws = new WsClient(slow.baseUrl());
      for (int i = 0; i < 20; i++) {
        ws.send("{\"type\":\"message\",\"bot_id\":\"closing\",\"content\":\"bulk " + i + "\"}");
      }
      ws.until("response"); // the first reply is out; 19 are still queued
      ws.close();
      int atClose = assistantReplies(slowHttp);
      // A window longer than the 19 queued replies (1.9 s) would take if still answered.
      sleep(2500);
      int replies = assistantReplies(slowHttp);
      assertEquals(20, userMessages(slowHttp), "every message was received");
      assertTrue(
          replies <= atClose + 1 && replies < 20,
          "replies: " + atClose + " when the socket closed, " + replies + " of 20 after 2.5 s");
      // The server keeps answering other connections normally.
      try (WsClient other = new WsClient(slow.baseUrl())) {
        other.send("{\"type\":\"heartbeat\",\"seq\":3}");
        assertEquals(3, other.next().path("seq").asInt());
      }
    } finally {
      slow.stop();
    }
  }

  private static int assistantReplies(Http http) {
    return count(http, "assistant");
  }

  private static int userMessages(Http http) {
    return count(http, "user");
  }

  private static int count(Http http, String role) {
    int n = 0;
    for (JsonNode m : http.getJson("/api/chat/history?bot_id=closing&limit=100").path("messages")) {
      if (role.equals(m.path("role").asText())) {
        n++;
      }
    }
    return n;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
