package org.port8000.perf.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.port8000.perf.baseline.BaselineSettings;
import org.port8000.perf.config.Settings;

/** What the baseline step needs from the run's settings, read once for both entry points. */
public final class BaselineSettingsReader {
  private BaselineSettingsReader() {}

  /**
   * Settings that shape the load and so the figures: two runs that differ in one of them are not
   * comparable. Paths, the target, the browser and the report settings are not among them.
   */
  static final List<String> LOAD_PREFIXES =
      List.of(
          "burst.",
          "reply.",
          "throughput.",
          "heartbeat.",
          "footprint.",
          "leak.",
          "ui.historyMessages",
          "ui.renderMessages",
          "ui.scrollSeconds",
          "sampler.");

  public static BaselineSettings read(Settings s) {
    Map<String, String> load = new LinkedHashMap<>();
    for (String name : Settings.names()) {
      if (LOAD_PREFIXES.stream().anyMatch(name::startsWith)) {
        load.put(name, s.raw(name));
      }
    }
    return new BaselineSettings(
        s.baselineDir(),
        s.baselineMinChangePercent(),
        s.baselineFailOnRegression(),
        s.baselineForce(),
        s.baselineTrendRuns(),
        s.profile(),
        s.targetUrl(),
        load,
        s.perfOutputFolder());
  }
}
