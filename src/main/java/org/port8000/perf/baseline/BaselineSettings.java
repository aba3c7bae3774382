package org.port8000.perf.baseline;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.port8000.perf.config.Settings;

/**
 * What the baseline step needs from the run's settings, read once by the entry point.
 *
 * @param dir the folder of baselines and history ({@code baseline.dir})
 * @param minChangePercent smallest relative change that counts ({@code baseline.minChangePercent})
 * @param failOnRegression a regression fails the build ({@code baseline.failOnRegression})
 * @param force promote even a run that did not PASS ({@code baseline.force})
 * @param trendRuns how many runs the trend charts show ({@code baseline.trendRuns})
 * @param parameters the measurement settings that shape the load
 */
public record BaselineSettings(Path dir, double minChangePercent, boolean failOnRegression,
    boolean force, int trendRuns, String profile, Optional<URI> targetUrl,
    Map<String, String> parameters, Path perfOutputFolder) {

  /**
   * Settings that shape the load and so the figures: two runs that differ in one of them are
   * not comparable. Paths, the target, the browser and the report settings are not among them.
   */
  static final List<String> LOAD_PREFIXES = List.of("burst.", "reply.", "throughput.",
      "heartbeat.", "footprint.", "leak.", "ui.historyMessages", "ui.renderMessages",
      "ui.scrollSeconds", "sampler.");

  public static BaselineSettings from(Settings s) {
    Map<String, String> load = new LinkedHashMap<>();
    for (String name : Settings.names()) {
      if (LOAD_PREFIXES.stream().anyMatch(name::startsWith)) {
        load.put(name, s.raw(name));
      }
    }
    return new BaselineSettings(s.baselineDir(), s.baselineMinChangePercent(),
        s.baselineFailOnRegression(), s.baselineForce(), s.baselineTrendRuns(), s.profile(),
        s.targetUrl(), load, s.perfOutputFolder());
  }

  /** {@code reference-server}, or the external target's host and port, safe as a folder name. */
  public String target() {
    return targetKey(targetUrl);
  }

  public static String targetKey(Optional<URI> url) {
    if (url.isEmpty()) {
      return "reference-server";
    }
    URI u = url.get();
    String key = u.getHost() + (u.getPort() > 0 ? "_" + u.getPort() : "");
    return key.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
