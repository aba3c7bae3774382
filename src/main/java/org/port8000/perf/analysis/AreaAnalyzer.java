package org.port8000.perf.analysis;

import java.util.Locale;
import java.util.Optional;
import org.port8000.perf.results.CouldNotStartFacts;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.ResourceFacts;
import org.port8000.perf.results.RunFacts;

/** Judges one area from the run of its simulation; each area's own rules are in a subclass. */
public abstract class AreaAnalyzer {
  private final Area area;
  private final String gatlingReport;

  /** {@code gatlingReport} names the run in its link, e.g. "heartbeat soak". */
  protected AreaAnalyzer(Area area, String gatlingReport) {
    this.area = area;
    this.gatlingReport = gatlingReport;
  }

  public final Area area() {
    return area;
  }

  /** The area's section; "not run" when its simulation did not run in this invocation. */
  public final AreaResult analyze(Optional<GatlingRun> run) {
    return run.map(this::analyze).orElseGet(() -> AreaResult.notRun(area));
  }

  /**
   * The section of a run that happened: its Gatling report linked and the run's own notes first,
   * then the area's rules.
   */
  public final AreaResult analyze(GatlingRun run) {
    AreaResult.Builder section =
        AreaResult.builder(area)
            .link(new Link("Gatling report (" + gatlingReport + ")", run.htmlReport(), false));
    Optional<RunFacts> meta = probe(run, RunFacts.PROBE, RunFacts.class);
    Optional<ResourceFacts> samples = probe(run, ResourceFacts.PROBE, ResourceFacts.class);
    meta.ifPresent(m -> section.notes(m.notes()));
    Optional<CouldNotStartFacts> refused =
        probe(run, CouldNotStartFacts.PROBE, CouldNotStartFacts.class);
    if (refused.isPresent()) {
      return couldNotStart(area, refused.get(), section);
    }
    targetStopped(
            area.name().toLowerCase(Locale.ROOT) + ".target.answering",
            gatlingReport,
            meta,
            samples)
        .ifPresent(section::check);
    return analyze(run, meta, samples, section);
  }

  /** A simulation that refused to start its load: a failed finding naming the reason. */
  static AreaResult couldNotStart(
      Area area, CouldNotStartFacts refused, AreaResult.Builder section) {
    String why = "could not start: " + refused.reason();
    section.check(
        new Check(
            area.name().toLowerCase(Locale.ROOT) + ".started",
            null,
            "",
            "the simulation starts its load",
            Status.FAIL,
            why));
    section.note("The simulation " + refused.simulation().replaceFirst(".*\\.", "") + " " + why);
    return section.build(why);
  }

  /**
   * A target that died or stopped answering is a failed check of its own (not "not measured"),
   * naming the phase (the last checkpoint the run had reached) and the time.
   */
  static Optional<Check> targetStopped(
      String metric, String runName, Optional<RunFacts> meta, Optional<ResourceFacts> samples) {
    Optional<ResourceFacts> lost = samples.filter(ResourceFacts::targetLost);
    if (lost.isPresent()) {
      ResourceFacts s = lost.get();
      long at = s.targetLostAtMs();
      String phase =
          s.checkpoints().stream()
              .filter(c -> c.t() <= at)
              .reduce((a, b) -> b)
              .map(c -> "after the run reached '" + c.label() + "'")
              .orElse("before the first checkpoint");
      String when =
          s.startedAt() == null
              ? Format.number(at / 1000.0) + " s into the run"
              : Format.time(s.startedAt().plusMillis(at))
                  + " ("
                  + Format.number(at / 1000.0)
                  + " s into the run)";
      return Optional.of(
          stopped(
              metric,
              runName,
              " "
                  + phase
                  + ", at "
                  + when
                  + (s.targetLostReason() == null ? "" : ": " + s.targetLostReason())));
    }
    if (meta.isPresent() && !meta.get().targetAnsweredAtEnd()) {
      RunFacts m = meta.get();
      return Optional.of(
          stopped(
              metric,
              runName,
              ": no answer from /api/health at the end of the run ("
                  + (m.endedAt() == null ? "end time unknown" : Format.time(m.endedAt()))
                  + ")"));
    }
    return Optional.empty();
  }

  /** The failed check of a target that stopped during {@code runName}; {@code how} says when. */
  private static Check stopped(String metric, String runName, String how) {
    return new Check(
        metric,
        null,
        "",
        "answers throughout the run",
        Status.FAIL,
        "the target stopped during the " + runName + how);
  }

  /** A probe file of the run, when the run wrote it. */
  protected static <T> Optional<T> probe(GatlingRun run, String name, Class<T> type) {
    return ProbeFiles.read(run.folder(), name, type);
  }

  /**
   * @param meta what the simulation wrote about its run, when it wrote it
   * @param samples the target's memory and CPU ({@code probe-resources.json}), when written; read
   *     once here for the target-stopped check and the areas that report memory
   */
  protected abstract AreaResult analyze(
      GatlingRun run,
      Optional<RunFacts> meta,
      Optional<ResourceFacts> samples,
      AreaResult.Builder section);
}
