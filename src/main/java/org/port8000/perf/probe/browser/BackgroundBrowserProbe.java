package org.port8000.perf.probe.browser;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one {@link BrowserProbe} on its own thread (Playwright stays on that one thread, off
 * Gatling's engine threads). Start it once; ask {@link #isDone()} without blocking; collect the
 * outcome with a bounded wait.
 */
public final class BackgroundBrowserProbe {
  private final UiProbePlan plan;
  private final CompletableFuture<ProbeOutcome> outcome = new CompletableFuture<>();
  private volatile Thread thread;

  public BackgroundBrowserProbe(UiProbePlan plan) {
    this.plan = plan;
  }

  public UiProbePlan plan() {
    return plan;
  }

  /** Starts the probe; later calls do nothing. */
  public synchronized void start() {
    if (thread != null) {
      return;
    }
    thread =
        new Thread(
            () -> {
              try {
                outcome.complete(BrowserProbe.run(plan));
              } catch (Throwable e) { // the thread must always leave an outcome behind
                outcome.complete(ProbeOutcome.notMeasured("The browser probe failed: " + e, ""));
              }
            },
            "browser-probe");
    thread.setDaemon(true);
    thread.start();
  }

  public boolean started() {
    return thread != null;
  }

  public boolean isDone() {
    return outcome.isDone();
  }

  /** The outcome, waiting at most {@code max}; "not measured" when it never started or overran. */
  public ProbeOutcome await(Duration max) {
    if (!started()) {
      return ProbeOutcome.notMeasured(
          "The browser probe never started: the run ended before"
              + " the chat history was seeded (see the Gatling report for failed requests).",
          "");
    }
    try {
      return outcome.get(max.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      thread.interrupt();
      return ProbeOutcome.notMeasured(
          "The browser probe did not finish within " + max.toSeconds() + " s.", "");
    } catch (ExecutionException e) {
      return ProbeOutcome.notMeasured("The browser probe failed: " + e.getCause(), "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ProbeOutcome.notMeasured("Interrupted while waiting for the browser probe.", "");
    }
  }
}
