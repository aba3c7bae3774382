package org.port8000.perf.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.port8000.perf.results.Distribution;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.ResourceFacts;
import org.port8000.perf.results.RunFacts;
import org.port8000.perf.results.UiFacts;

/**
 * §3 UI render performance, from the browser probe's file. The headline is the p95 of "reply frame
 * arrives in the page → message painted" over the rendered messages (the honest statistic for "time
 * message appears": nearly every message, not the typical one). "60 fps" is judged on headless
 * Chromium's 60 Hz animation frames, where no page can exceed 60: see {@link #FPS_RULE}.
 */
public final class UiAnalyzer extends AreaAnalyzer {
  static final String DISPLAY = CheckIds.UI_DISPLAY;
  static final String FPS = CheckIds.UI_SCROLL_FPS;

  /** Average frame rate that still counts as 60 fps (≤ 2 missed frames per second). */
  static final double FPS_FLOOR = 58;

  /** One 60 Hz frame plus the 0.1 ms-coarsened clock's jitter; a missed frame reads ≥ 33 ms. */
  static final double FRAME_P95_LIMIT_MS = UiFacts.FRAME_BUDGET_MS + 2;

  private static final String FRAME_BUDGET = Format.number(UiFacts.FRAME_BUDGET_MS);
  static final String FPS_RULE =
      "60 fps: average >= "
          + Format.number(FPS_FLOOR)
          + " fps and frame-time p95 <= "
          + Format.number(FRAME_P95_LIMIT_MS)
          + " ms (60 Hz display)";

  public UiAnalyzer() {
    super(Area.UI, "UI render");
  }

  @Override
  protected AreaResult analyze(
      GatlingRun run,
      Optional<RunFacts> meta,
      Optional<ResourceFacts> samples,
      AreaResult.Builder section) {
    Optional<UiFacts> file = probe(run, UiFacts.PROBE, UiFacts.class);
    if (file.isEmpty()) {
      return notMeasured(
          "the run wrote no browser probe file (probe-ui.json): it did not finish", section);
    }
    UiFacts p = file.get();
    if (!p.measured()) {
      String why =
          p.notMeasuredReason()
              + (p.installHint() == null || p.installHint().isEmpty() ? "" : " " + p.installHint());
      return notMeasured(why, section);
    }
    section.notes(p.notes());
    section.detail(
        "Browser",
        "Chromium "
            + p.browserVersion()
            + " ("
            + p.browser()
            + "), headless, driven by Playwright for Java; page "
            + p.pageUrl());
    String headline = display(p, section) + scroll(p.scroll(), section);
    memoryAndCpu(p, section);
    if (p.screenshot() != null) {
      Path shot = run.folder().resolve(p.screenshot());
      if (Files.isRegularFile(shot)) {
        section.link(new Link("Screenshot of the chat page at the end of the run", shot, true));
      }
    }
    return section.build(headline);
  }

  /** Time to display a message; returns the start of the headline. */
  private String display(UiFacts p, AreaResult.Builder section) {
    String headline;
    Check display;
    if (p.display() != null) {
      Distribution d = p.display();
      describeDisplay(p, d, section);
      display = displayCheck(p, d);
      headline = Format.number(d.p95()) + " ms (p95 of " + d.count() + " messages";
      if (display.status() == Status.FAIL) {
        section.recommend(
            "Render Performance (display > 100 ms)",
            "Reduce the work per rendered message (batch DOM updates, reduce repaints),"
                + " virtual scrolling for chat",
            "message display p95 "
                + Format.number(d.p95())
                + " ms, max "
                + Format.number(d.max())
                + " ms over "
                + d.count()
                + " messages");
      }
    } else if (p.displayFailure() == null) {
      display = Thresholds.DISPLAY.notMeasured(DISPLAY, "no reply was seen painted in the page");
      headline = "not measured (no reply painted";
    } else {
      display = Thresholds.DISPLAY.notMeasured(DISPLAY, "");
      headline = "no reply displayed (the UI's WebSocket frame got no answer";
    }
    if (p.displayFailure() != null) {
      display = neverDisplayed(p, display, section);
    }
    section.check(display);
    return headline;
  }

  private static void describeDisplay(UiFacts p, Distribution d, AreaResult.Builder section) {
    section.detail(
        "Time message appears (reply frame arrives → message painted)",
        spread(d) + " over " + d.count() + " messages");
    if (p.displayDom() != null) {
      section.detail("Reply frame arrives → message element in the DOM", spread(p.displayDom()));
    }
    if (p.sendToPainted() != null) {
      section.detail(
          "User send (Enter) → full reply painted",
          spread(p.sendToPainted()) + " (includes the server's reply time)");
    }
  }

  /** The display p95 against its threshold; a reply never painted fails it whatever the p95. */
  private static Check displayCheck(UiFacts p, Distribution d) {
    Check display =
        Thresholds.DISPLAY
            .check(DISPLAY, d.p95())
            .withNote(
                "p95 over "
                    + d.count()
                    + " messages: first reply frame in the page → message painted");
    if (d.count() >= p.repliesExpected()) {
      return display;
    }
    return new Check(
        DISPLAY,
        d.p95(),
        "ms",
        display.target(),
        Status.FAIL,
        (p.repliesExpected() - d.count())
            + " of "
            + p.repliesExpected()
            + " replies were"
            + " not painted within the reply timeout ("
            + p.replyTimeoutMs()
            + " ms)");
  }

  /** A user-visible defect: the UI's message never gets an answer. Fails the display check. */
  private static Check neverDisplayed(UiFacts p, Check display, AreaResult.Builder section) {
    section.detail("Page WebSocket traffic", p.displayFailure());
    section.recommend(
        "Messages never displayed",
        "Fix the chat UI's send path: send the message in a frame the server answers"
            + " (`{\"type\":\"message\",…}`), or post it when the server ignores the frame",
        p.displayFailure());
    return new Check(
        DISPLAY, display.value(), "ms", display.target(), Status.FAIL, p.displayFailure());
  }

  /** The timed smooth scroll; returns the end of the headline. */
  private String scroll(UiFacts.Scroll s, AreaResult.Builder section) {
    if (s == null) {
      section.check(
          Check.notMeasured(FPS, "fps", FPS_RULE, "the scroll was not measured (see" + " notes)"));
      return "; scroll not measured)";
    }
    describeScroll(s, section);
    boolean sixty = s.fps() >= FPS_FLOOR && s.frameP95Ms() <= FRAME_P95_LIMIT_MS;
    section.check(
        new Check(
            FPS,
            s.fps(),
            "fps",
            FPS_RULE,
            sixty ? Status.PASS : Status.FAIL,
            "frame-time p95 "
                + Format.number(s.frameP95Ms())
                + " ms, "
                + s.messagesInPage()
                + " messages in the page"));
    if (!sixty) {
      section.recommend(
          "Render Performance (< 60 fps)",
          "Virtual scrolling for chat, reduce repaints",
          "scroll "
              + Format.number(s.fps())
              + " fps average, frame-time p95 "
              + Format.number(s.frameP95Ms())
              + " ms, "
              + overBudget(s)
              + ", with "
              + s.messagesInPage()
              + " messages in the page");
    }
    if (s.messagesInPage() < 100) {
      section.note(
          "The scroll ran over "
              + s.messagesInPage()
              + " messages, fewer than the"
              + " assignment's 100+.");
    }
    return "; scroll " + Format.number(s.fps()) + " fps)";
  }

  private static void describeScroll(UiFacts.Scroll s, AreaResult.Builder section) {
    section.detail(
        "Scroll frame rate (" + s.messagesInPage() + " msg history)",
        Format.number(s.fps())
            + " fps average over a "
            + Format.number(s.durationMs() / 1000)
            + " s smooth scroll ("
            + s.frames()
            + " frames, "
            + Format.number(s.scrollRangePx())
            + " px; "
            + s.historySeeded()
            + " messages seeded, "
            + s.messagesInPage()
            + " in the page)");
    section.detail(
        "Frame time p50 / p95 / max",
        Format.number(s.frameP50Ms())
            + " / "
            + Format.number(s.frameP95Ms())
            + " / "
            + Format.number(s.frameMaxMs())
            + " ms; "
            + overBudget(s)
            + " (beyond 2 ms"
            + " clock jitter)"
            + (s.mainThreadBusyPercent() == null
                ? ""
                : "; page main thread busy "
                    + Format.number(s.mainThreadBusyPercent())
                    + "% during the scroll"));
  }

  /** "x% of frames over 16.7 ms": the share of frames that missed the 60 Hz budget. */
  private static String overBudget(UiFacts.Scroll s) {
    return Format.number(s.framesOverBudgetPercent()) + "% of frames over " + FRAME_BUDGET + " ms";
  }

  /** Memory and CPU while rendering: figures, no target. */
  private static void memoryAndCpu(UiFacts p, AreaResult.Builder section) {
    UiFacts.Memory m = p.memory();
    if (m != null) {
      section.detail(
          "Memory while rendering " + p.repliesExpected() + " msg (JS heap" + " used)",
          "peak "
              + Format.mb(m.jsHeapUsedPeakBytes())
              + " MB (before "
              + Format.mb(m.jsHeapUsedBeforeBytes())
              + " MB, after "
              + Format.mb(m.jsHeapUsedEndBytes())
              + " MB; CDP Performance.getMetrics JSHeapUsedSize)");
      section.detail(
          "Renderer process memory",
          m.rendererRssPeakBytes() == null
              ? m.rendererSource()
              : "peak "
                  + Format.mb(m.rendererRssPeakBytes())
                  + " MB (before "
                  + Format.mb(m.rendererRssBeforeBytes())
                  + " MB): "
                  + m.rendererSource());
      if (m.domNodes() != null) {
        section.detail("DOM nodes after rendering", String.valueOf(m.domNodes()));
      }
    }
    UiFacts.Cpu c = p.cpu();
    if (c != null) {
      section.detail(
          "CPU utilization (renderer)",
          Format.number(c.rendererCpuPercent())
              + "% of one core (renderer process CPU time ÷ wall time over the "
              + Format.number(c.windowMs() / 1000)
              + " s render window); page main thread busy "
              + Format.number(c.mainThreadBusyPercent())
              + "%");
    }
  }

  private AreaResult notMeasured(String why, AreaResult.Builder section) {
    return section
        .note("UI render not measured: " + why)
        .check(Thresholds.DISPLAY.notMeasured(DISPLAY, why))
        .check(Check.notMeasured(FPS, "fps", FPS_RULE, why))
        .build("not measured");
  }

  private static String spread(Distribution d) {
    return "p50 "
        + Format.number(d.p50())
        + " / p95 "
        + Format.number(d.p95())
        + " / max "
        + Format.number(d.max())
        + " ms";
  }
}
