package org.port8000.perf.analysis;

import static org.junit.jupiter.api.Assertions.*;
import static org.port8000.perf.AreaChecks.check;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.results.Distribution;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.UiFacts;

/** The UI verdict rules on hand-made probe files (the end-to-end proof is UiRenderVerdictIT). */
class UiAnalyzerTest {

  @TempDir Path folder;

  private final UiAnalyzer analyzer = new UiAnalyzer();

  private static UiFacts probe(double displayP95, int painted, double fps, double frameP95) {
    Distribution d =
        new Distribution(painted, 3, displayP95 / 2, displayP95, displayP95 + 1, displayP95 / 2);
    return new UiFacts(
        true,
        null,
        null,
        "/usr/lib/chromium/chromium",
        "156",
        "http://x/",
        "bot",
        20,
        5000,
        d,
        d,
        d,
        new UiFacts.Scroll(120, 100, 5000, 3000, 180, fps, 16.7, frameP95, 40, 1.0, 12.0),
        new UiFacts.Memory(
            3_000_000,
            4_000_000,
            3_500_000,
            160_000_000L,
            170_000_000L,
            "RSS of renderer 1",
            900L,
            22),
        new UiFacts.Cpu(2000, 30, 25),
        null,
        List.of(),
        null);
  }

  @Test
  void aUiWhoseFrameIsIgnoredFailsDisplayNamingTheFrameAndStillShowsScrollAndMemory() {
    UiFacts p = probe(10, 20, 60, 16.7);
    UiFacts ignored =
        new UiFacts(
            true,
            null,
            null,
            p.browser(),
            p.browserVersion(),
            p.pageUrl(),
            p.botId(),
            20,
            5000,
            null,
            null,
            null,
            p.scroll(),
            p.memory(),
            p.cpu(),
            null,
            List.of(),
            "the UI sent a `command` frame over its WebSocket and received nothing back"
                + " within 5000 ms: a typed message never gets an answer");
    AreaResult r = analyze(ignored);

    Check display = check(r, UiAnalyzer.DISPLAY);
    assertEquals(Status.FAIL, display.status());
    assertTrue(display.note().contains("`command` frame"), display.note());
    assertEquals(Status.FAIL, r.status());
    assertTrue(r.recommendations().stream().anyMatch(x -> x.evidence().contains("`command`")));
    assertEquals(Status.PASS, check(r, "ui.scroll.fps").status(), "scroll still measured");
    assertEquals(
        "no reply displayed (the UI's WebSocket frame got no answer; scroll 60 fps)", r.result());
  }

  private AreaResult analyze(UiFacts p) {
    ProbeFiles.write(folder, UiFacts.PROBE, p);
    return analyzer.analyze(
        Optional.of(
            new GatlingRun(
                folder,
                "org.port8000.perf.simulations.UiRenderSimulation",
                Instant.now(),
                Map.of())));
  }

  @Test
  void fastDisplayAndSixtyFpsPassWithoutRecommendations() {
    AreaResult r = analyze(probe(40, 20, 59.9, 16.8));

    assertEquals(Status.PASS, r.status(), r.toString());
    assertEquals(40.0, check(r, "ui.message.display").value());
    assertEquals(Status.PASS, check(r, "ui.scroll.fps").status());
    assertTrue(r.result().startsWith("40 ms (p95 of 20 messages"), r.result());
    assertTrue(r.recommendations().isEmpty());
    assertTrue(r.details().stream().anyMatch(d -> d.label().startsWith("Memory while rendering")));
    assertTrue(r.details().stream().anyMatch(d -> d.label().startsWith("CPU utilization")));
  }

  @Test
  void aScrollBelowFiftyEightFpsFailsWithVirtualScrollingCitingTheFigure() {
    AreaResult r = analyze(probe(40, 20, 41.5, 33.3));

    Check fps = check(r, "ui.scroll.fps");
    assertEquals(Status.FAIL, fps.status());
    assertEquals(Status.FAIL, r.status());
    Recommendation rec = r.recommendations().get(0);
    assertEquals("Virtual scrolling for chat, reduce repaints", rec.action());
    assertTrue(rec.evidence().contains("41.5 fps"), rec.evidence());
  }

  @Test
  void droppedFramesFailEvenWhenTheAverageLooksFine() {
    assertEquals(Status.FAIL, check(analyze(probe(40, 20, 58.5, 33.3)), "ui.scroll.fps").status());
    assertEquals(Status.PASS, check(analyze(probe(40, 20, 58.0, 18.7)), "ui.scroll.fps").status());
  }

  @Test
  void aSlowDisplayFailsAndCitesItsP95() {
    AreaResult r = analyze(probe(160, 20, 60, 16.7));

    assertEquals(Status.FAIL, check(r, "ui.message.display").status());
    assertTrue(
        r.recommendations().stream().anyMatch(x -> x.evidence().contains("p95 160 ms")),
        r.recommendations().toString());
  }

  @Test
  void repliesNeverPaintedFailTheDisplayCheck() {
    Check display = check(analyze(probe(40, 15, 60, 16.7)), "ui.message.display");

    assertEquals(Status.FAIL, display.status());
    assertTrue(display.note().contains("5 of 20 replies"), display.note());
  }

  @Test
  void noBrowserIsNotMeasuredWithTheReasonAndNoNumbers() {
    AreaResult r =
        analyze(
            UiFacts.notMeasured(
                "No Chromium found.", "Install with `apt-get install -y chromium`.", List.of()));

    assertEquals(Status.NOT_MEASURED, r.status());
    assertEquals("not measured", r.result());
    assertTrue(r.details().isEmpty());
    for (Check c : r.checks()) {
      assertNull(c.value());
      assertEquals(Status.NOT_MEASURED, c.status());
      assertTrue(c.note().contains("No Chromium found.") && c.note().contains("apt-get"));
    }
  }

  @Test
  void aRunWithoutProbeFileIsNotMeasuredAndAnAbsentRunIsNotRun() {
    AreaResult missing =
        analyzer.analyze(
            Optional.of(
                new GatlingRun(
                    folder,
                    "org.port8000.perf.simulations.UiRenderSimulation",
                    Instant.now(),
                    Map.of())));
    assertEquals(Status.NOT_MEASURED, missing.status());
    assertTrue(missing.ran());

    AreaResult notRun = analyzer.analyze(Optional.empty());
    assertFalse(notRun.ran());
  }
}
