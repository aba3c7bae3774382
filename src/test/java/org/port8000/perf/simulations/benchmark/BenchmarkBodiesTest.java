package org.port8000.perf.simulations.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.port8000.perf.simulations.Bodies;

/** The benchmark sends the bodies it sent before they moved to {@link Bodies}, byte for byte. */
class BenchmarkBodiesTest {
  /** A body as Gatling sends it with session attribute {@code bot} set to {@code bot}. */
  private static String withBot(String template, String bot) {
    return template.replace("#{" + Bodies.BOT + "}", bot);
  }

  @Test
  void theBenchmarksBodiesAreUnchanged() {
    assertEquals(
        "{\"bot_id\":\"bench-task-ab12\",\"adapter\":\"mock\"}",
        withBot(Bodies.LAUNCH_BOT, "bench-task-ab12"));
    assertEquals(
        "{\"role\":\"user\",\"content\":\"benchmark setup\",\"bot_id\":\"bench-task-ab12\"}",
        withBot(Bodies.saveMessage("user", "benchmark setup"), "bench-task-ab12"));
    assertEquals(
        "{\"role\":\"user\",\"content\":\"benchmark message\",\"bot_id\":\"bench-task-ab12\","
            + "\"session_id\":\"bench-ab12\"}",
        withBot(Bodies.saveMessage("user", "benchmark message", "bench-ab12"), "bench-task-ab12"));
    assertEquals("{\"command\":\"benchmark task\"}", Bodies.task("benchmark task"));
    assertEquals("{\"type\":\"message\",\"content\":\"benchmark\"}", Bodies.chat("benchmark"));
  }
}
