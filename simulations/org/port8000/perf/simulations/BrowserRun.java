package org.port8000.perf.simulations;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.port8000.perf.analysis.AreaResult;
import org.port8000.perf.analysis.Status;
import org.port8000.perf.analysis.UiAnalyzer;
import org.port8000.perf.probe.browser.BackgroundBrowserProbe;
import org.port8000.perf.probe.browser.ProbeOutcome;
import org.port8000.perf.probe.browser.UiProbePlan;
import org.port8000.perf.results.AtomicFiles;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.RunFolder;
import org.port8000.perf.results.UiFacts;

/**
 * The UI simulation's browser probe (headless Chromium on its own thread) and what becomes of it:
 * its result file, its screenshot and its verdict as the report's analyzer judges it.
 */
final class BrowserRun {
  /** How long the end waits for a probe that is still running when the load ends. */
  private static final Duration GRACE = Duration.ofSeconds(30);

  private final SimulationSupport support;
  private final Class<?> simulation;
  private final BackgroundBrowserProbe probe;
  private volatile ProbeOutcome outcome;

  BrowserRun(SimulationSupport support, Class<?> simulation, String botId) {
    this.support = support;
    this.simulation = simulation;
    this.probe =
        new BackgroundBrowserProbe(
            UiProbePlan.of(support.settings, support.target.baseUrl(), botId));
    support.probe(UiFacts.PROBE, () -> outcome().result());
  }

  Duration budget() {
    return probe.plan().budget();
  }

  /** Returns at once; Playwright runs on the probe's own thread. */
  void start() {
    probe.start();
  }

  boolean isDone() {
    return probe.isDone();
  }

  /**
   * "" unless the UI section, judged now from the probe's file by the report's own analyzer, FAILs;
   * then its status and result (Gatling shows them as this request's error).
   */
  String failedVerdict() {
    outcome();
    support.writeProbe(UiFacts.PROBE);
    Optional<Path> folder = RunFolder.current(support.settings.gatlingResultsFolder(), simulation);
    if (folder.isEmpty()) {
      return "";
    }
    AreaResult r =
        new UiAnalyzer()
            .analyze(new GatlingRun(folder.get(), simulation.getName(), Instant.now(), Map.of()));
    return r.status() == Status.FAIL ? "UI section FAIL: " + r.result() : "";
  }

  /** Writes the screenshot beside the run (a probe that measured nothing says why in its file). */
  void writeScreenshot() {
    ProbeOutcome o = outcome();
    Optional<Path> folder = RunFolder.current(support.settings.gatlingResultsFolder(), simulation);
    if (o.screenshot() != null && folder.isPresent()) {
      AtomicFiles.write(folder.get().resolve(UiFacts.SCREENSHOT), o.screenshot());
    }
  }

  private ProbeOutcome outcome() {
    if (outcome == null) {
      outcome = probe.await(GRACE);
    }
    return outcome;
  }
}
