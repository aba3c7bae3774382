package org.port8000.perf.probe.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlaywrightMessageTest {
  private static final String TIMEOUT =
      "Error {\n"
          + "  message='Timeout 30000ms exceeded.\n"
          + "=========================== logs ===========================\n"
          + "waiting for locator(\"#botList [data-bot-id=\\\"ui-probe\\\"]\").first()\n"
          + "============================================================\n"
          + "  name='TimeoutError\n"
          + "  stack='TimeoutError: Timeout 30000ms exceeded.\n"
          + "    at ProgressController.run (/x/server/progress.js:75:26)\n"
          + "}";

  @Test
  void theWholeCauseWithItsCallLogNeverTheFirstLineNorTheStack() {
    String r = PlaywrightMessage.readable(TIMEOUT);
    assertEquals(
        "Timeout 30000ms exceeded. Call log: waiting for locator(\"#botList"
            + " [data-bot-id=\\\"ui-probe\\\"]\").first()",
        r);
    assertFalse(r.contains("Error {"), r);
    assertFalse(r.contains("stack"), r);
  }

  @Test
  void aLongMessageIsTrimmedAtAWordAndSaysSo() {
    String r = PlaywrightMessage.readable("word ".repeat(200));
    assertTrue(r.length() <= PlaywrightMessage.MAX_CHARS + 2, r);
    assertTrue(r.endsWith("word …"), r);
  }
}
