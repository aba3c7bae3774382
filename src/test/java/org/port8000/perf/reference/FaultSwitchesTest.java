package org.port8000.perf.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each fault switch does what its name says; all of them are off by default. */
class FaultSwitchesTest {

  @Test
  void allSwitchesAreOffByDefault() {
    FaultSwitches f = ReferenceConfig.defaultsOnFreePort().faults();
    assertEquals(FaultSwitches.OFF, f);
    assertTrue(f.describeActive().isEmpty());
  }

  @Test
  void replyLatencyDelaysWebSocketRepliesAndTasksByAtLeastThatMuch() {
    try (ReferenceServer server = TestServers.start("reference.fault.replyLatencyMs", "300");
        WsClient ws = new WsClient(server.baseUrl())) {
      long t0 = System.nanoTime();
      ws.send("{\"type\":\"message\",\"content\":\"slow please\"}");
      ws.until("response");
      long wsMs = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(wsMs >= 300, "WebSocket reply after " + wsMs + " ms");

      Http http = new Http(server.baseUrl());
      http.postJson("/api/bot/launch", "{\"bot_id\":\"slow\",\"adapter\":\"mock\"}");
      long t1 = System.nanoTime();
      assertTrue(
          http.postJson("/api/bot/slow/task", "{\"command\":\"x\"}").path("success").asBoolean());
      long taskMs = (System.nanoTime() - t1) / 1_000_000;
      assertTrue(taskMs >= 300, "task reply after " + taskMs + " ms");
    }
  }

  @Test
  void dropRateOneSendsNoReplyButHeartbeatsStillAck() {
    try (ReferenceServer server = TestServers.start("reference.fault.dropRate", "1");
        WsClient ws = new WsClient(server.baseUrl())) {
      ws.send("{\"type\":\"message\",\"content\":\"lost\"}");
      assertNull(ws.next(Duration.ofSeconds(1)), "a dropped message gets no frame at all");
      ws.send("{\"type\":\"heartbeat\",\"seq\":5}");
      JsonNode ack = ws.next();
      assertEquals("heartbeat_ack", ack.path("type").asText());
      assertEquals(5, ack.path("seq").asInt());
    }
  }

  @Test
  void dropRateDropsTheSameRepliesForTheSameSeed() {
    FaultInjector a = new FaultInjector(FaultSwitches.OFF.withDropRate(0.5));
    FaultInjector b = new FaultInjector(FaultSwitches.OFF.withDropRate(0.5));
    int dropped = 0;
    for (int i = 0; i < 200; i++) {
      boolean da = a.replyOutcome() == FaultInjector.Outcome.DROP;
      assertEquals(da, b.replyOutcome() == FaultInjector.Outcome.DROP);
      dropped += da ? 1 : 0;
    }
    assertTrue(dropped > 50 && dropped < 150, "dropped " + dropped + " of 200 at rate 0.5");
  }

  @Test
  void leakBytesPerMessageRetainsThatManyBytesPerChatMessage() {
    long before = FaultInjector.leakedBytes();
    int blocksBefore = FaultInjector.leakedBlocks();
    try (ReferenceServer server =
            TestServers.start(
                "reference.fault.leakBytesPerMessage",
                "100000",
                "reference.llm.tokenDelayMs",
                "0");
        WsClient ws = new WsClient(server.baseUrl())) {
      for (int i = 0; i < 5; i++) {
        ws.send("{\"type\":\"message\",\"content\":\"leak " + i + "\"}");
        ws.until("response");
      }
      assertEquals(before + 500_000, FaultInjector.leakedBytes());
      assertEquals(blocksBefore + 5, FaultInjector.leakedBlocks());
      String metrics = new Http(server.baseUrl()).get("/metrics").body();
      assertTrue(metrics.contains("port8000_fault_leaked_bytes " + (before + 500_000)), metrics);
    }
  }

  @Test
  void noLeakWithTheSwitchOff() {
    long before = FaultInjector.leakedBytes();
    try (ReferenceServer server = TestServers.start("reference.llm.tokenDelayMs", "0");
        WsClient ws = new WsClient(server.baseUrl())) {
      ws.send("{\"type\":\"message\",\"content\":\"clean\"}");
      ws.until("response");
    }
    assertEquals(before, FaultInjector.leakedBytes());
  }

  @Test
  void leakBytesPerConnectionRetainsThatManyBytesPerConnectionOpened() {
    long before = FaultInjector.leakedBytes();
    try (ReferenceServer server =
        TestServers.start("reference.fault.leakBytesPerConnection", "200000")) {
      for (int i = 0; i < 4; i++) {
        try (WsClient ws = new WsClient(server.baseUrl())) {
          ws.send("{\"type\":\"heartbeat\",\"seq\":" + i + "}");
          ws.next(); // the connection was accepted and is served
        }
      }
      // Closed connections keep their bytes: that is the leak.
      assertEquals(before + 800_000, FaultInjector.leakedBytes());
      String metrics = new Http(server.baseUrl()).get("/metrics").body();
      assertTrue(metrics.contains("port8000_fault_leaked_bytes " + (before + 800_000)), metrics);
    }
  }

  @Test
  void errorFrameRateAnswersThatShareOfMessagesWithErrorFrames() {
    int[] counts =
        countAnswers(
            TestServers.start(
                "reference.fault.errorFrameRate",
                "0.25",
                "reference.llm.tokens",
                "1",
                "reference.llm.tokenDelayMs",
                "0"),
            200);
    // counts: responses, error-text responses, error frames
    assertEquals(0, counts[1]);
    assertEquals(200, counts[0] + counts[2], "every message got exactly one answer");
    assertTrue(counts[2] >= 30 && counts[2] <= 70, counts[2] + " error frames of 200 at rate 0.25");
    int[] all =
        countAnswers(
            TestServers.start(
                "reference.fault.errorFrameRate", "1", "reference.llm.tokenDelayMs", "0"),
            20);
    assertEquals(20, all[2], "rate 1: every message gets an error frame");
  }

  @Test
  void errorReplyRateAnswersThatShareWithTheOriginalServersErrorText() {
    int[] counts =
        countAnswers(
            TestServers.start(
                "reference.fault.errorReplyRate",
                "0.4",
                "reference.llm.tokens",
                "1",
                "reference.llm.tokenDelayMs",
                "0"),
            200);
    assertEquals(0, counts[2]);
    assertEquals(200, counts[0], "every message got a response frame");
    assertTrue(
        counts[1] >= 55 && counts[1] <= 105, counts[1] + " error replies of 200 at rate 0.4");
  }

  @Test
  void ratesThatAddUpToMoreThanOneAreRefusedNamingTheProperties() {
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () ->
                ReferenceConfig.fromProperties(
                    java.util.Map.of(
                        "reference.fault.dropRate",
                        "0.5",
                        "reference.fault.errorFrameRate",
                        "0.4",
                        "reference.fault.errorReplyRate",
                        "0.2")));
    assertTrue(e.getMessage().contains("reference.fault.errorFrameRate=0.4"), e.getMessage());
    assertTrue(e.getMessage().contains("sum of at most 1"), e.getMessage());
  }

  /**
   * Sends {@code n} messages on one connection and stops the server; returns the number of response
   * frames, of those carrying the error text, and of error frames.
   */
  private static int[] countAnswers(ReferenceServer server, int n) {
    int responses = 0;
    int errorReplies = 0;
    int errorFrames = 0;
    try (server;
        WsClient ws = new WsClient(server.baseUrl())) {
      for (int i = 0; i < n; i++) {
        ws.send("{\"type\":\"message\",\"content\":\"m" + i + "\"}");
        JsonNode f;
        do {
          f = ws.next();
        } while ("stream".equals(f.path("type").asText()));
        if ("error".equals(f.path("type").asText())) {
          assertEquals(FaultSwitches.ERROR_FRAME_MESSAGE, f.path("message").asText());
          errorFrames++;
        } else {
          assertEquals("response", f.path("type").asText(), f.toString());
          responses++;
          if (FaultSwitches.ERROR_REPLY_CONTENT.equals(f.path("content").asText())) {
            errorReplies++;
          }
        }
      }
    }
    return new int[] {responses, errorReplies, errorFrames};
  }

  @Test
  void uiRenderDelayAppearsInUiConfigScript() {
    try (ReferenceServer server = TestServers.start("reference.fault.uiRenderDelayMs", "250")) {
      Http.Reply r = new Http(server.baseUrl()).get("/ui-config.js");
      assertEquals("window.PORT8000_UI = {\"renderDelayMs\": 250};", r.body().trim());
    }
  }

  @Test
  void taskErrorRateOneAnswersEveryTaskWithHttp200AndSuccessFalse() {
    try (ReferenceServer server = TestServers.start("reference.fault.taskErrorRate", "1")) {
      Http http = new Http(server.baseUrl());
      http.postJson("/api/bot/launch", "{\"bot_id\":\"flaky\",\"adapter\":\"mock\"}");
      JsonNode answer = http.postJson("/api/bot/flaky/task", "{\"command\":\"x\"}");
      assertEquals(false, answer.path("success").asBoolean(true));
      assertTrue(answer.path("error").asText().contains("taskErrorRate"), answer.toString());
      assertTrue(server.config().faults().describeActive().contains("taskErrorRate=1.0"));
    }
  }

  @Test
  void taskErrorRateFailsAboutThatShareOfTasks() {
    FaultInjector f = new FaultInjector(new FaultSwitches(0, 0.0, 42, 0, 0, 0, 0, 0.0, 0.0, 0.3));
    int failed = 0;
    for (int i = 0; i < 1000; i++) {
      failed += f.shouldFailTask() ? 1 : 0;
    }
    assertTrue(failed > 200 && failed < 400, failed + " of 1000 failed");
    assertTrue(!new FaultInjector(FaultSwitches.OFF).shouldFailTask());
  }
}
