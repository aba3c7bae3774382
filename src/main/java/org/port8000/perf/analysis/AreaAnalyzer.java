package org.port8000.perf.analysis;

import java.util.Optional;
import org.port8000.perf.results.GatlingRun;

/** Judges one area from the run of its simulation. */
public interface AreaAnalyzer {
  Area area();

  /** The area's section; "not run" when its simulation did not run in this invocation. */
  default AreaResult analyze(Optional<GatlingRun> run) {
    return run.map(this::analyze).orElseGet(() -> AreaResult.notRun(area()));
  }

  /** The section of a run that happened. */
  AreaResult analyze(GatlingRun run);
}
