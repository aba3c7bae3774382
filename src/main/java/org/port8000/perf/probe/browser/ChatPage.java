package org.port8000.perf.probe.browser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.port8000.perf.config.Settings.UiSelectors;
import org.port8000.perf.results.ProbeFiles;

/**
 * The chat page as the probe uses it, through the configured selectors only, so the same code
 * drives the reference UI and the original Port 8000 UI.
 */
final class ChatPage {
  private static final String INSTRUMENTS = "probe/browser/page-instruments.js";
  private static final ObjectMapper JSON = ProbeFiles.JSON;

  private final Page page;
  private final UiSelectors selectors;

  ChatPage(Page page, UiSelectors selectors) {
    this.page = page;
    this.selectors = selectors;
  }

  /** The init script: the page instruments with the selectors they watch. */
  static String initScript(UiSelectors s) {
    Map<String, String> sel = new LinkedHashMap<>();
    sel.put("messages", s.messages());
    sel.put("message", s.message());
    sel.put("input", s.input());
    sel.put("send", s.send());
    try (InputStream in = ChatPage.class.getClassLoader().getResourceAsStream(INSTRUMENTS)) {
      if (in == null) {
        throw new IllegalStateException(INSTRUMENTS + " is missing from the classpath");
      }
      return "const PORT8000_PROBE_SELECTORS = "
          + JSON.writeValueAsString(sel)
          + ";\n"
          + new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens the page; a wrong answer or a missing element says the URL, status and setting. */
  String open(URI baseUrl) {
    String url = baseUrl + "/";
    Response r = page.navigate(url);
    if (r != null && r.status() != 200) {
      throw new IllegalStateException(
          "the chat page "
              + url
              + " answered HTTP "
              + r.status()
              + " (expected 200 with the chat UI)");
    }
    await(url, "ui.selector.messages", selectors.messages());
    await(url, "ui.selector.input", selectors.input());
    return url;
  }

  /** Waits for the element to be in the DOM: an empty list is there, though not visible. */
  private void await(String url, String setting, String selector) {
    try {
      page.waitForSelector(
          selector, new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
    } catch (PlaywrightException e) {
      throw new IllegalStateException(
          "the chat page "
              + url
              + " (HTTP 200) has no element "
              + selector
              + " (set by -D"
              + setting
              + "): "
              + PlaywrightMessage.readable(e.getMessage()));
    }
  }

  String botSelector(String botId) {
    // bot ids are [A-Za-z0-9_-]; the quotes are escaped anyway so no id can break the selector
    String id = botId.replace("\\", "\\\\").replace("\"", "\\\"");
    return selectors.botList() + " " + selectors.selectBot() + "[data-bot-id=\"" + id + "\"]";
  }

  void selectBot(String botId) {
    page.locator(botSelector(botId)).first().click();
  }

  /**
   * The page has its elements but one step failed: what the probe then tried as a user would (type
   * a message and press Enter, click send) and what followed each, so the report says what the page
   * did, not only where the probe stopped.
   */
  String cannotDrive(String url, String failedStep, PageActivity activity) {
    StringBuilder s =
        new StringBuilder(
            "the chat page "
                + url
                + " has "
                + String.join(", ", present())
                + " but could not be driven: "
                + failedStep);
    int[] mark = activity.mark();
    String typed = "typed a message into " + selectors.input() + " and pressed Enter";
    try {
      page.fill(selectors.input(), "probe message", new Page.FillOptions().setTimeout(5000));
      page.press(selectors.input(), "Enter", new Page.PressOptions().setTimeout(5000));
      page.waitForTimeout(2000);
      s.append("; then ").append(typed).append(": ").append(activity.since(mark));
    } catch (PlaywrightException e) {
      s.append("; then could not type into ")
          .append(selectors.input())
          .append(": ")
          .append(PlaywrightMessage.readable(e.getMessage()));
    }
    mark = activity.mark();
    try {
      page.click(selectors.send(), new Page.ClickOptions().setTimeout(5000));
      page.waitForTimeout(2000);
      s.append("; clicked ").append(selectors.send()).append(": ").append(activity.since(mark));
    } catch (PlaywrightException e) {
      s.append("; could not click ")
          .append(selectors.send())
          .append(": ")
          .append(PlaywrightMessage.readable(e.getMessage()));
    }
    return s.append(" (").append(activity.overall()).append(")").toString();
  }

  /** The configured selectors the page has in its DOM. */
  private List<String> present() {
    List<String> found = new java.util.ArrayList<>();
    for (String sel :
        List.of(selectors.messages(), selectors.input(), selectors.send(), selectors.botList())) {
      if (page.locator(sel).count() > 0) {
        found.add(sel);
      }
    }
    return found;
  }

  int messageCount() {
    return page.locator(selectors.message()).count();
  }

  /**
   * Waits until the message list has messages and their count held still for a second (the history
   * arrived and was rendered), at most {@code timeout}. Returns the count.
   */
  int awaitHistory(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int last = -1;
    int stablePolls = 0;
    while (System.nanoTime() < deadline) {
      int n = messageCount();
      stablePolls = n > 0 && n == last ? stablePolls + 1 : 0;
      if (stablePolls >= 5) {
        return n;
      }
      last = n;
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "the history did not load within "
            + timeout.toSeconds()
            + " s ("
            + Math.max(last, 0)
            + " messages in "
            + selectors.message()
            + ")");
  }

  /** Scrolls the message list to its end, where a chatting user is and new messages appear. */
  void scrollToBottom() {
    page.evaluate("() => window.__port8000Probe.scrollToBottom()");
    settle();
  }

  /** Waits for two animation frames, so work queued by the last step is done. */
  void settle() {
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
  }

  /** The smooth scroll of the message list, in the page (see page-instruments.js). */
  ScrollTrace smoothScroll(Duration duration) {
    Object raw =
        page.evaluate(
            "ms => window.__port8000Probe.smoothScroll(ms)",
            (int) duration.toMillis()); // Playwright passes int, not long
    ScrollTrace t = JSON.convertValue(raw, ScrollTrace.class);
    if (t.error() != null) {
      throw new IllegalStateException(t.error());
    }
    return t;
  }

  record ScrollTrace(
      List<Double> frames, double scrollRange, int messages, boolean timedOut, String error) {}

  /** Types the message, presses Enter and waits until the reply's final text is painted. */
  boolean sendAndAwaitReply(String text, int replyNumber, Duration timeout) {
    page.fill(selectors.input(), text);
    page.press(selectors.input(), "Enter");
    try {
      page.waitForFunction(
          "n => { const r = window.__port8000Probe.replies;"
              + " return r.length >= n && r[n - 1].final !== null && r[n - 1].final.paintedAt != null; }",
          replyNumber,
          new Page.WaitForFunctionOptions().setTimeout(timeout.toMillis()).setPollingInterval(20));
      return true;
    } catch (PlaywrightException e) {
      if (e.getMessage() != null && e.getMessage().contains("Timeout")) {
        return false;
      }
      throw e;
    }
  }

  /** One timestamped step of a reply (page clock, ms); null fields were not observed. */
  record Mark(double at, Double domAt, Double paintedAt) {}

  /** One reply as the instruments saw it; {@code sendAt} is null when no send preceded it. */
  record Reply(Double sendAt, Mark first, Mark last) {}

  List<Reply> replies() {
    String json =
        (String)
            page.evaluate(
                "() => JSON.stringify(window.__port8000Probe.replies"
                    + ".map(r => ({sendAt: r.sendAt, first: r.first, last: r.final})))");
    try {
      return JSON.readValue(json, new TypeReference<List<Reply>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable probe data from the page: " + e.getMessage());
    }
  }

  byte[] screenshot() {
    return page.screenshot();
  }
}
