package org.port8000.perf.probe.browser;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.port8000.perf.config.Settings;
import org.port8000.perf.reference.ReferenceConfig;
import org.port8000.perf.reference.ReferenceServer;

class BrowserProbeTest {

  private static UiProbePlan plan(URI base, String botId, BrowserLocator.Located browser) {
    Settings settings = Settings.load(new java.util.Properties());
    return new UiProbePlan(browser, base, botId, 100, 5, Duration.ofSeconds(1),
        Duration.ofSeconds(5), settings.uiSelectors());
  }

  @Test
  void measuresDisplayScrollMemoryAndCpuOfTheReferenceChatPage() throws Exception {
    try (ReferenceServer server = ReferenceServer.start(ReferenceConfig.defaultsOnFreePort())) {
      URI base = URI.create(server.baseUrl());
      ChatSeeder.seed(base, "probe-bot", 100);

      ProbeOutcome outcome = BrowserProbe.run(plan(base, "probe-bot",
          BrowserLocator.locate(Optional.empty())));

      UiProbeResult r = outcome.result();
      assertTrue(r.measured(), () -> r.notMeasuredReason() + " " + r.notes());
      assertEquals(5, r.display().count(), r.notes().toString());
      assertEquals(5, r.sendToPainted().count(), r.notes().toString());
      assertTrue(r.display().min() >= r.displayDom().min(), "painted after in the DOM");
      assertTrue(r.sendToPainted().min() >= 0);
      assertNotNull(r.scroll(), r.notes().toString());
      assertEquals(100, r.scroll().messagesInPage(), "the page shows the seeded history");
      assertTrue(r.scroll().frames() >= 10, "frames: " + r.scroll());
      assertTrue(r.scroll().fps() > 0);
      assertTrue(r.memory().jsHeapUsedPeakBytes() > 0);
      assertTrue(r.memory().jsHeapUsedPeakBytes() >= r.memory().jsHeapUsedBeforeBytes());
      assertTrue(r.cpu().rendererCpuPercent() >= 0);
      assertNotNull(outcome.screenshot());
      assertEquals((byte) 0x89, outcome.screenshot()[0], "a PNG");
      System.out.println("[test] " + r);
    }
  }

  @Test
  void saysHowToInstallABrowserWhenThereIsNone() {
    BrowserLocator.Located none = BrowserLocator.locate(
        Optional.of(java.nio.file.Path.of("/nonexistent/chromium")));

    ProbeOutcome outcome = BrowserProbe.run(plan(URI.create("http://127.0.0.1:9"), "b", none));

    assertFalse(outcome.result().measured());
    assertTrue(outcome.result().notMeasuredReason().contains("/nonexistent/chromium"));
    assertTrue(outcome.result().installHint().contains("apt-get install -y chromium"));
    assertNull(outcome.result().display());
    assertNull(outcome.screenshot());
  }
}
