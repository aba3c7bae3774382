package org.port8000.perf.probe.browser;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import java.util.HashMap;
import java.util.Map;

/** The page renderer's counters from CDP {@code Performance.getMetrics}. */
final class RendererMetrics {
  private final CDPSession cdp;

  RendererMetrics(CDPSession cdp) {
    this.cdp = cdp;
    cdp.send("Performance.enable");
  }

  /**
   * One sample.
   *
   * @param jsHeapUsedBytes JSHeapUsedSize
   * @param processTimeS ProcessTime: CPU seconds of the renderer process (all threads)
   * @param taskDurationS TaskDuration: seconds the page's main thread spent in tasks
   * @param nodes DOM nodes
   * @param wallNanos System.nanoTime() when taken
   */
  record Sample(
      long jsHeapUsedBytes,
      double processTimeS,
      double taskDurationS,
      long nodes,
      long wallNanos) {}

  Sample sample() {
    JsonObject answer = cdp.send("Performance.getMetrics");
    Map<String, Double> m = new HashMap<>();
    for (JsonElement e : answer.getAsJsonArray("metrics")) {
      JsonObject o = e.getAsJsonObject();
      m.put(o.get("name").getAsString(), o.get("value").getAsDouble());
    }
    return new Sample(
        m.getOrDefault("JSHeapUsedSize", 0.0).longValue(),
        m.getOrDefault("ProcessTime", 0.0),
        m.getOrDefault("TaskDuration", 0.0),
        m.getOrDefault("Nodes", 0.0).longValue(),
        System.nanoTime());
  }
}
