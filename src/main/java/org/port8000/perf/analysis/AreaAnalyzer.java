package org.port8000.perf.analysis;

import java.util.Optional;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.RunMeta;

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
   * The section of a run that happened: its Gatling report linked and the run's own notes
   * first, then the area's rules.
   */
  public final AreaResult analyze(GatlingRun run) {
    AreaResult.Builder section = AreaResult.builder(area)
        .link(new Link("Gatling report (" + gatlingReport + ")", run.htmlReport(), false));
    Optional<RunMeta> meta = probe(run, RunMeta.PROBE, RunMeta.class);
    meta.ifPresent(m -> section.notes(m.notes()));
    return analyze(run, meta, section);
  }

  /** A probe file of the run, when the run wrote it. */
  protected static <T> Optional<T> probe(GatlingRun run, String name, Class<T> type) {
    return ProbeFiles.read(run.folder(), name, type);
  }

  /** @param meta what the simulation wrote about its run, when it wrote it */
  protected abstract AreaResult analyze(GatlingRun run, Optional<RunMeta> meta,
      AreaResult.Builder section);
}
