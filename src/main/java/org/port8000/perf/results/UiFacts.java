package org.port8000.perf.results;

import java.util.List;

/**
 * What the browser probe measured ({@code probe-ui.json} beside the Gatling run). All times in ms
 * from the page's {@code performance.now()} clock; memory in bytes. A section is null when it was
 * not measured; {@link #notes} says why.
 *
 * @param measured false when nothing could be measured (e.g. no browser); see notMeasuredReason
 * @param repliesExpected replies the probe asked for
 * @param replyTimeoutMs how long the probe waited for each reply to be painted
 * @param display first frame of a reply arriving in the page → that message painted
 * @param displayDom first frame of a reply arriving → the message element in the DOM
 * @param sendToPainted the user's Enter → the reply's final text painted
 * @param screenshot file name of the page screenshot beside this file, or null
 * @param displayFailure what the page's own WebSocket traffic showed when a reply was never painted
 *     (e.g. the UI sent a {@code command} frame and received nothing), or null
 */
public record UiFacts(
    boolean measured,
    String notMeasuredReason,
    String installHint,
    String browser,
    String browserVersion,
    String pageUrl,
    String botId,
    int repliesExpected,
    long replyTimeoutMs,
    Distribution display,
    Distribution displayDom,
    Distribution sendToPainted,
    Scroll scroll,
    Memory memory,
    Cpu cpu,
    String screenshot,
    List<String> notes,
    String displayFailure) {

  public static final String PROBE = "ui";
  public static final String SCREENSHOT = "ui-render-screenshot.png";

  /** One frame at 60 Hz; frames longer than this are over budget. */
  public static final double FRAME_BUDGET_MS = 16.7;

  public UiFacts {
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  public static UiFacts notMeasured(String reason, String hint, List<String> notes) {
    return new UiFacts(
        false, reason, hint, null, null, null, null, 0, 0, null, null, null, null, null, null, null,
        notes, null);
  }

  /**
   * The timed smooth scroll of the message list.
   *
   * @param historySeeded messages the run put in the bot's history before the page loaded it
   * @param messagesInPage message elements in the list while scrolling
   * @param framesOverBudgetPercent share of frame intervals longer than {@link #FRAME_BUDGET_MS}
   *     plus the clock's jitter tolerance
   * @param mainThreadBusyPercent the page's main thread busy during the scroll (CDP TaskDuration ÷
   *     wall time): low while frames drop means the machine, not the page, was busy
   */
  public record Scroll(
      int historySeeded,
      int messagesInPage,
      double scrollRangePx,
      double durationMs,
      int frames,
      double fps,
      double frameP50Ms,
      double frameP95Ms,
      double frameMaxMs,
      double framesOverBudgetPercent,
      Double mainThreadBusyPercent) {

    public Scroll withMainThreadBusyPercent(double percent) {
      return new Scroll(
          historySeeded,
          messagesInPage,
          scrollRangePx,
          durationMs,
          frames,
          fps,
          frameP50Ms,
          frameP95Ms,
          frameMaxMs,
          framesOverBudgetPercent,
          percent);
    }
  }

  /**
   * Memory while rendering the replies.
   *
   * @param rendererRssPeakBytes resident memory of the page's renderer process, or null
   * @param rendererSource how the renderer figure was measured, or why it was not
   */
  public record Memory(
      long jsHeapUsedBeforeBytes,
      long jsHeapUsedPeakBytes,
      long jsHeapUsedEndBytes,
      Long rendererRssBeforeBytes,
      Long rendererRssPeakBytes,
      String rendererSource,
      Long domNodes,
      int samples) {}

  /**
   * CPU of the renderer over the render window (percent of one core).
   *
   * @param rendererCpuPercent CDP ProcessTime delta ÷ wall time: all the renderer's threads
   * @param mainThreadBusyPercent CDP TaskDuration delta ÷ wall time: the page's main thread
   */
  public record Cpu(double windowMs, double rendererCpuPercent, double mainThreadBusyPercent) {}
}
