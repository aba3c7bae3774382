package org.port8000.perf.probe.browser;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.port8000.perf.config.Settings;

class BrowserProbeTest {

  static UiProbePlan plan(URI base, String botId, BrowserLocator.Located browser) {
    Settings settings = Settings.load(new java.util.Properties());
    return new UiProbePlan(
        browser,
        base,
        botId,
        100,
        5,
        Duration.ofSeconds(1),
        Duration.ofSeconds(5),
        settings.uiSelectors());
  }

  @Test
  void saysHowToInstallABrowserWhenThereIsNone() {
    BrowserLocator.Located none =
        BrowserLocator.locate(Optional.of(java.nio.file.Path.of("/nonexistent/chromium")));

    ProbeOutcome outcome = BrowserProbe.run(plan(URI.create("http://127.0.0.1:9"), "b", none));

    assertFalse(outcome.result().measured());
    assertTrue(outcome.result().notMeasuredReason().contains("/nonexistent/chromium"));
    assertTrue(outcome.result().installHint().contains("apt-get install -y chromium"));
    assertNull(outcome.result().display());
    assertNull(outcome.screenshot());
  }
}
