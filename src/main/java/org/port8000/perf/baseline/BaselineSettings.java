package org.port8000.perf.baseline;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the baseline step needs from the run's settings, read once by the entry point ({@code
 * app/}), so this package never reads {@code config/}.
 *
 * @param dir the folder of baselines and history ({@code baseline.dir})
 * @param minChangePercent smallest relative change that counts ({@code baseline.minChangePercent})
 * @param failOnRegression a regression fails the build ({@code baseline.failOnRegression})
 * @param force promote even a run that did not PASS ({@code baseline.force})
 * @param trendRuns how many runs the trend charts show ({@code baseline.trendRuns})
 * @param parameters the measurement settings that shape the load
 */
public record BaselineSettings(
    Path dir,
    double minChangePercent,
    boolean failOnRegression,
    boolean force,
    int trendRuns,
    String profile,
    Optional<URI> targetUrl,
    Map<String, String> parameters,
    Path perfOutputFolder) {

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
