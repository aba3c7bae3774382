package org.port8000.perf.analysis;

import java.util.Optional;
import org.port8000.perf.results.GatlingRun;

/** Judges one area from the run of its simulation (empty when it did not run). */
public interface AreaAnalyzer {
  Area area();

  AreaResult analyze(Optional<GatlingRun> run);
}
