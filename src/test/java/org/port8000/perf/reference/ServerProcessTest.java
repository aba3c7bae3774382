package org.port8000.perf.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The server as its own process: the launcher's line, SIGTERM, startup refusal, the crash fault.
 */
class ServerProcessTest {

  @Test
  void mainPrintsTheListeningLineWithItsPidAndStopsOnSigterm() {
    try (ChildServer child = ChildServer.start()) {
      String url = child.baseUrl();
      assertTrue(url.startsWith("http://127.0.0.1:"), url);
      assertTrue(
          child.firstLine.matches(
              "Port 8000 reference server listening on http://127\\.0\\.0\\.1:\\d+ \\(pid \\d+\\)"),
          child.firstLine);
      assertTrue(child.firstLine.endsWith("(pid " + child.process.pid() + ")"), child.firstLine);
      assertEquals("healthy", new Http(url).getJson("/api/health").path("status").asText());

      child.process.destroy(); // SIGTERM: the shutdown hook stops the server
      assertNotNull(child.awaitExit(20), "still running 20 s after SIGTERM");
    }
  }

  @Test
  void anInvalidPropertyStopsStartupWithAMessageNamingIt() {
    try (ChildServer child = ChildServer.start("reference.llm.tokens=many")) {
      Integer code = child.awaitExit(30);
      assertEquals(2, code);
      assertNull(child.firstLine);
      assertTrue(
          child.stderrText().contains("'reference.llm.tokens' is 'many'"), child.stderrText());
    }
  }

  @Test
  void crashAfterMessagesHaltsTheProcessWhenTheNthMessageArrives() {
    try (ChildServer child =
        ChildServer.start("reference.fault.crashAfterMessages=3", "reference.llm.tokenDelayMs=0")) {
      String url = child.baseUrl();
      WsClient ws = new WsClient(url);
      for (int i = 1; i <= 2; i++) {
        ws.send("{\"type\":\"message\",\"content\":\"m" + i + "\"}");
        ws.until("response");
      }
      assertTrue(child.process.isAlive(), "died before the 3rd message");
      ws.send("{\"type\":\"message\",\"content\":\"m3\"}");
      Integer code = child.awaitExit(20);
      assertEquals(3, code, "exit code; stderr: " + child.stderrText());
      assertTrue(child.stderrText().contains("crashAfterMessages=3"), child.stderrText());
    }
  }
}
