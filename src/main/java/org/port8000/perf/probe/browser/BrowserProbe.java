package org.port8000.perf.probe.browser;

import com.microsoft.playwright.PlaywrightException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.port8000.perf.results.UiFacts;

/**
 * One probe run on the calling thread: start Chromium, open the chat page, select the bot whose
 * history was seeded, measure the scroll, then the render phase, then take a screenshot. Never
 * throws: anything that stops a measurement becomes a "not measured" reason or a note.
 */
public final class BrowserProbe {
  private BrowserProbe() {}

  public static ProbeOutcome run(UiProbePlan plan) {
    if (plan.browser().executable().isEmpty()) {
      return ProbeOutcome.notMeasured(plan.browser().problem(), BrowserLocator.INSTALL_HINT);
    }
    Path exe = plan.browser().executable().get();
    ChromiumSession session;
    try {
      session =
          ChromiumSession.launch(
              exe, ChatPage.initScript(plan.selectors()), UiProbePlan.STEP_TIMEOUT.toMillis());
    } catch (PlaywrightException e) {
      return ProbeOutcome.notMeasured(
          "Chromium at "
              + exe
              + " could not be started: "
              + PlaywrightMessage.readable(e.getMessage()),
          BrowserLocator.INSTALL_HINT);
    }
    try (session) {
      return measure(plan, exe, session);
    } catch (RuntimeException e) {
      // the probe's own findings are already readable; Playwright's are made so
      return ProbeOutcome.notMeasured(
          "The browser probe failed: "
              + (e instanceof PlaywrightException
                  ? PlaywrightMessage.readable(e.getMessage())
                  : e.getMessage()),
          "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ProbeOutcome.notMeasured("The browser probe was interrupted.", "");
    }
  }

  private static ProbeOutcome measure(UiProbePlan plan, Path exe, ChromiumSession s)
      throws InterruptedException {
    List<String> notes = new ArrayList<>();
    SocketTraffic traffic = SocketTraffic.watch(s.page);
    PageActivity activity = PageActivity.watch(s.page);
    ChatPage chat = new ChatPage(s.page, plan.selectors());
    String url = chat.open(plan.baseUrl());
    selectBot(plan, chat, url, activity);
    int inPage = chat.awaitHistory(UiProbePlan.STEP_TIMEOUT);
    chat.settle();

    RendererMetrics metrics = new RendererMetrics(s.cdp);
    UiFacts.Scroll scroll = scroll(plan, chat, metrics, notes);

    chat.scrollToBottom();
    RenderRun.Outcome render =
        new RenderRun(chat, metrics, new RendererProcess(s.browser), traffic)
            .run(plan.renderMessages(), plan.replyTimeout());
    notes.addAll(render.notes());
    ReplyTimings timings = ReplyTimings.of(chat.replies());
    notes.addAll(timings.notes());
    byte[] png = chat.screenshot();
    notes.add(
        inPage
            + " messages were in the page after the history loaded ("
            + plan.historySeeded()
            + " seeded).");
    UiFacts result =
        new UiFacts(
            true,
            null,
            null,
            exe.toString(),
            s.version(),
            url,
            plan.botId(),
            plan.renderMessages(),
            plan.replyTimeout().toMillis(),
            timings.display(),
            timings.displayDom(),
            timings.sendToPainted(),
            scroll,
            render.memory(),
            render.cpu(),
            UiFacts.SCREENSHOT,
            notes,
            render.displayFailure());
    return new ProbeOutcome(result, png);
  }

  /** Selects the seeded bot; a page the probe cannot drive stops the run with the reason. */
  private static void selectBot(
      UiProbePlan plan, ChatPage chat, String url, PageActivity activity) {
    try {
      chat.selectBot(plan.botId());
    } catch (PlaywrightException e) {
      throw new IllegalStateException(
          chat.cannotDrive(
              url,
              "selecting bot "
                  + plan.botId()
                  + " ("
                  + chat.botSelector(plan.botId())
                  + ") failed: "
                  + PlaywrightMessage.readable(e.getMessage()),
              activity));
    }
  }

  /**
   * The timed smooth scroll over the loaded history, with the page's main-thread busy share; null
   * (and a note) when it could not be measured, so the render phase still runs.
   */
  private static UiFacts.Scroll scroll(
      UiProbePlan plan, ChatPage chat, RendererMetrics metrics, List<String> notes) {
    try {
      RendererMetrics.Sample before = metrics.sample();
      ChatPage.ScrollTrace trace = chat.smoothScroll(plan.scroll());
      RendererMetrics.Sample after = metrics.sample();
      if (trace.timedOut()) {
        notes.add("The scroll did not finish within its time limit; frames up to then are used.");
      }
      return ScrollFrames.summarize(
              trace.frames(), plan.historySeeded(), trace.messages(), trace.scrollRange())
          .withMainThreadBusyPercent(
              100.0
                  * (after.taskDurationS() - before.taskDurationS())
                  * 1e9
                  / (after.wallNanos() - before.wallNanos()));
    } catch (RuntimeException e) {
      notes.add("Scroll not measured: " + PlaywrightMessage.readable(e.getMessage()));
      return null;
    }
  }
}
