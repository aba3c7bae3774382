package org.port8000.perf.simulations;

import static org.junit.jupiter.api.Assertions.*;
import static org.port8000.perf.AreaChecks.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.GatlingRunner;
import org.port8000.perf.analysis.AreaResult;
import org.port8000.perf.analysis.Check;
import org.port8000.perf.analysis.Recommendation;
import org.port8000.perf.analysis.Status;
import org.port8000.perf.analysis.UiAnalyzer;
import org.port8000.perf.config.Settings;
import org.port8000.perf.results.GatlingLogReader;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.UiFacts;

/**
 * Proves the UI verdicts end to end: UiRenderSimulation against the auto-started reference server
 * with Debian's Chromium, read back and judged. The clean page passes; the render-delay fault makes
 * messages appear later and the scroll drop frames, and fails with the virtual-scrolling
 * recommendation; without a browser the area is "not measured" with the install hint. Scaled below
 * the smoke profile to keep the test short.
 */
class UiRenderVerdictIT {

  private static final int CLEAN_ATTEMPTS = 3;

  @TempDir Path results;

  private record Outcome(AreaResult area, UiFacts probe) {}

  private Outcome runWithProbe(Map<String, String> extra) throws Exception {
    Map<String, String> p =
        new HashMap<>(
            Map.of(
                "perf.profile", "smoke",
                "ui.historyMessages", "100",
                "ui.renderMessages", "20",
                "ui.scrollSeconds", "3"));
    p.putAll(extra);
    GatlingRunner.Run run = GatlingRunner.run(UiRenderSimulation.class, results, p);
    Settings settings = Settings.load(new java.util.Properties());
    AreaResult area = new UiAnalyzer().analyze(Optional.of(GatlingLogReader.read(run.folder())));
    return new Outcome(
        area, ProbeFiles.read(run.folder(), UiFacts.PROBE, UiFacts.class).orElseThrow());
  }

  private AreaResult run(Map<String, String> extra) throws Exception {
    return runWithProbe(extra).area();
  }

  @Test
  void theCleanPagePassesAndTheRenderDelayFaultFailsWithTheVirtualScrollingRecommendation()
      throws Exception {
    Outcome cleanRun = runWithProbe(Map.of());
    // The machine is shared: a clean page misses frames while other processes take the CPU
    // (its main thread stays mostly idle, see mainThreadBusyPercent). At most two more runs,
    // then the verdict stands.
    for (int attempt = 2;
        attempt <= CLEAN_ATTEMPTS
            && check(cleanRun.area(), "ui.scroll.fps").status() == Status.FAIL;
        attempt++) {
      System.out.println(
          "[test] clean scroll missed 60 fps: "
              + cleanRun.probe().scroll()
              + "; attempt "
              + attempt
              + " of "
              + CLEAN_ATTEMPTS);
      cleanRun = runWithProbe(Map.of());
    }
    Outcome slowRun = runWithProbe(Map.of("reference.fault.uiRenderDelayMs", "50"));
    AreaResult clean = cleanRun.area();
    AreaResult slow = slowRun.area();

    assertEquals(Status.PASS, clean.status(), clean.toString());
    assertTrue(clean.recommendations().isEmpty(), clean.recommendations().toString());
    assertTrue(
        clean.links().stream()
            .anyMatch(
                l ->
                    l.copyBesideReport()
                        && Files.isRegularFile(l.file())
                        && l.file().toString().endsWith(".png")),
        "screenshot linked: " + clean.links());

    // The page busy-waits 50 ms before it inserts each message: no message can appear sooner.
    assertTrue(slowRun.probe().displayDom().min() >= 50, slowRun.probe().displayDom().toString());
    assertTrue(slowRun.probe().display().min() >= 50, slowRun.probe().display().toString());
    // "Painted" waits for the next 60 Hz frame, which the busy-wait partly overlaps: the median
    // rises by the delay less at most one frame. Medians, not the p95s of two runs: one stall of a
    // busy machine in the clean run moves its p95 by tens of ms, its median hardly.
    double cleanDisplay = cleanRun.probe().display().p50();
    double slowDisplay = slowRun.probe().display().p50();
    assertTrue(
        slowDisplay >= cleanDisplay + 50 - 16.7,
        "display p50 clean "
            + cleanDisplay
            + " ms, with the 50 ms render delay "
            + slowDisplay
            + " ms");
    assertEquals(Status.FAIL, check(slow, "ui.scroll.fps").status());

    Check fps = check(slow, "ui.scroll.fps");
    assertEquals(Status.FAIL, fps.status(), fps.toString());
    assertTrue(fps.value() < 60, fps.toString());
    assertEquals(Status.FAIL, slow.status());
    Recommendation rec =
        slow.recommendations().stream()
            .filter(x -> x.action().contains("Virtual scrolling"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        rec.evidence().contains(org.port8000.perf.analysis.Format.number(fps.value()) + " fps"),
        rec.evidence());
    System.out.println("[test] clean: " + clean.result() + " | fault: " + slow.result());
  }

  @Test
  void withoutABrowserTheRunCompletesAndTheAreaIsNotMeasuredWithTheInstallHint() throws Exception {
    AreaResult r = run(Map.of("browser.executable", "/nonexistent/chromium"));

    assertTrue(r.ran());
    assertEquals(Status.NOT_MEASURED, r.status());
    assertEquals("not measured", r.result());
    for (Check c : r.checks()) {
      assertEquals(Status.NOT_MEASURED, c.status());
      assertNull(c.value(), "no number when not measured");
      assertTrue(c.note().contains("apt-get install -y chromium"), c.note());
    }
    assertTrue(r.details().isEmpty(), r.details().toString());
    assertTrue(String.join(" ", r.notes()).contains("/nonexistent/chromium"), r.notes().toString());
  }

  /** {@code reference.ui=bare}: the page's elements, empty, and no script. */
  @Test
  void aBarePageNamesWhatTheProbeDidAndWhatFollowedWholeAndUncut() throws Exception {
    AreaResult r = run(Map.of("reference.ui", "bare"));

    assertTrue(r.ran());
    Check display = check(r, "ui.message.display");
    String why = display.note();
    System.out.println("[test] bare page: " + why);
    assertNull(display.value(), why);
    assertFalse(why.contains("has no element"), "the elements are there: " + why);
    assertFalse(why.contains("Error {"), why);
    assertFalse(why.contains("…"), "not cut: " + why);
    assertTrue(
        why.contains(
            "has #chatMessages, #chatInput, #sendButton, #botList but could"
                + " not be driven: selecting bot"),
        why);
    assertTrue(
        why.contains(
            "clicked #sendButton: no WebSocket frame and no HTTP request left" + " the page"),
        why);
    assertTrue(why.contains("opened no WebSocket"), why);
  }
}
