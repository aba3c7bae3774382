package org.port8000.perf.probe.browser;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.port8000.perf.reference.ReferenceConfig;
import org.port8000.perf.reference.ReferenceServer;
import org.port8000.perf.results.UiFacts;

/** The probe in Debian's Chromium against an in-process reference server. */
class BrowserProbeIT {

  @Test
  void measuresDisplayScrollMemoryAndCpuOfTheReferenceChatPage() throws Exception {
    try (ReferenceServer server = ReferenceServer.start(ReferenceConfig.defaultsOnFreePort())) {
      URI base = URI.create(server.baseUrl());
      ChatSeeder.seed(base, "probe-bot", 100);

      ProbeOutcome outcome =
          BrowserProbe.run(
              BrowserProbeTest.plan(base, "probe-bot", BrowserLocator.locate(Optional.empty())));

      UiFacts r = outcome.result();
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
}
