package org.port8000.perf.baseline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.port8000.perf.analysis.AreaResult;
import org.port8000.perf.analysis.Chart;
import org.port8000.perf.analysis.CheckIds;
import org.port8000.perf.results.AtomicFiles;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.ProbeFiles;

/**
 * The report step's baseline work: {@link #compare} before the reports are rendered (it writes
 * nothing), {@link #record} after they were written (this run's snapshot for a later promotion, and
 * its history line).
 */
public final class BaselineStep {
  private BaselineStep() {}

  public static BaselineOutcome compare(
      BaselineSettings settings,
      Map<String, GatlingRun> runs,
      List<AreaResult> areas,
      String verdict) {
    RunSnapshot now = SnapshotBuilder.build(settings, runs, areas, verdict);
    BaselineStore store = new BaselineStore(settings.dir());
    Path folder = store.folder(now.target(), now.profile());
    History history = new History(settings.dir());
    List<History.Line> recent = history.recent(History.lineOf(now), settings.trendRuns());
    List<History.Line> earlier = recent.subList(0, recent.size() - 1);
    Outcomes outcome = new Outcomes(settings, now, folder, Trends.of(recent));
    Optional<RunSnapshot> baseline = store.load(now.target(), now.profile());
    if (baseline.isEmpty()) {
      return outcome.of(
          BaselineOutcome.State.NO_BASELINE,
          "No baseline yet for target"
              + " '"
              + now.target()
              + "' and profile '"
              + now.profile()
              + "' (in `"
              + folder
              + "`): nothing to compare with. Promote a run with `mvn exec:java@baseline`"
              + " (add -Dperf.profile="
              + now.profile()
              + " for this profile).",
          null,
          List.of(),
          List.of());
    }
    Optional<String> refusal = BaselineStore.refusal(baseline.get(), now, folder);
    if (refusal.isPresent()) {
      return outcome.of(
          BaselineOutcome.State.REFUSED, refusal.get(), baseline.get(), List.of(), List.of());
    }
    List<Comparison> rows =
        new BaselineComparator(settings.minChangePercent()).compare(baseline.get(), now, earlier);
    return outcome.of(
        BaselineOutcome.State.COMPARED, "", baseline.get(), rows, notCompared(baseline.get(), now));
  }

  /** The outcomes this run can have, once its snapshot, baseline folder and trends are known. */
  private record Outcomes(
      BaselineSettings settings, RunSnapshot now, Path folder, List<Chart> trends) {
    BaselineOutcome of(
        BaselineOutcome.State state,
        String message,
        RunSnapshot baseline,
        List<Comparison> rows,
        List<String> notes) {
      return new BaselineOutcome(
          state,
          message,
          now,
          baseline,
          folder,
          rows,
          notes,
          trends,
          settings.failOnRegression(),
          settings.minChangePercent());
    }
  }

  /** Writes this run's snapshot beside summary.json and appends its history line. */
  public static void record(BaselineSettings settings, BaselineOutcome outcome) {
    try {
      AtomicFiles.write(
          settings.perfOutputFolder().resolve(RunSnapshot.FILE),
          ProbeFiles.JSON.writeValueAsBytes(outcome.now()));
    } catch (IOException e) {
      throw new BaselineException("Cannot write " + RunSnapshot.FILE + ": " + e.getMessage(), e);
    }
    new History(settings.dir()).append(History.lineOf(outcome.now()));
  }

  /** Figures both runs have but that are not compared statistically, and why. */
  private static List<String> notCompared(RunSnapshot baseline, RunSnapshot now) {
    List<String> notes = new ArrayList<>();
    if (both(baseline, now, CheckIds.UI_DISPLAY)) {
      notes.add(
          "Not compared: UI display time. The browser probe keeps percentiles, not"
              + " per-message samples, so no test can tell a change from noise; see its trend.");
    }
    if (both(baseline, now, CheckIds.MEMORY_PER_CONNECTION)) {
      notes.add(
          "Not compared: memory per connection. It is one reading per run, with no"
              + " sample to test against noise; see its trend.");
    }
    return notes;
  }

  private static boolean both(RunSnapshot a, RunSnapshot b, String metric) {
    return a.figures().containsKey(metric) && b.figures().containsKey(metric);
  }
}
