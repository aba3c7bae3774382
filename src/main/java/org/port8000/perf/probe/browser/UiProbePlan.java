package org.port8000.perf.probe.browser;

import java.net.URI;
import java.time.Duration;
import org.port8000.perf.config.Settings;
import org.port8000.perf.config.Settings.UiSelectors;

/**
 * What one probe run does, fixed before it starts.
 *
 * @param historySeeded messages already in the bot's history (for the report; the page loads them)
 * @param replyTimeout longest wait for one reply to be painted
 */
public record UiProbePlan(
    BrowserLocator.Located browser,
    URI baseUrl,
    String botId,
    int historySeeded,
    int renderMessages,
    Duration scroll,
    Duration replyTimeout,
    UiSelectors selectors) {

  /** Browser start, page load and history load each get this long at most. */
  static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

  public static UiProbePlan of(Settings settings, URI baseUrl, String botId) {
    return new UiProbePlan(
        BrowserLocator.locate(settings.browserExecutable()),
        baseUrl,
        botId,
        settings.uiHistoryMessages(),
        settings.uiRenderMessages(),
        settings.uiScroll(),
        settings.replyTimeout(),
        settings.uiSelectors());
  }

  /** An upper bound of the whole probe: every step and every reply at its timeout. */
  public Duration budget() {
    return STEP_TIMEOUT
        .multipliedBy(4)
        .plus(scroll.multipliedBy(2))
        .plus(replyTimeout.plusSeconds(1).multipliedBy(renderMessages));
  }
}
