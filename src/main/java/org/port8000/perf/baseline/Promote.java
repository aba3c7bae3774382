package org.port8000.perf.baseline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.port8000.perf.results.ProbeFiles;

/**
 * Promotion ({@code mvn exec:java@baseline}, entry point in {@code app/}): makes the latest run
 * (its {@code run-snapshot.json} and {@code summary.json}, written by the report step) the baseline
 * of its target and profile. Refuses a run that did not PASS unless {@code -Dbaseline.force=true}.
 */
public final class Promote {
  private Promote() {}

  /** Returns the folder the baseline was written to. */
  public static Path promote(BaselineSettings settings) {
    Path file = settings.perfOutputFolder().resolve(RunSnapshot.FILE);
    if (!Files.isRegularFile(file)) {
      throw new BaselineException(
          "No run to promote: "
              + file
              + " does not exist. Run the"
              + " suite first (`mvn verify`, or a simulation then `mvn exec:java@report`).");
    }
    RunSnapshot run;
    try {
      run = ProbeFiles.JSON.readValue(file.toFile(), RunSnapshot.class);
    } catch (IOException e) {
      throw new BaselineException(
          "Cannot read "
              + file
              + " ("
              + e.getMessage()
              + "): re-run"
              + " the report step with `mvn exec:java@report`.",
          e);
    }
    if (!"PASS".equals(run.verdict()) && !settings.force()) {
      throw new BaselineException(
          "The latest run's verdict is "
              + run.verdict()
              + ", not PASS:"
              + " it is not promoted to the baseline. Fix: promote a passing run, or"
              + " -Dbaseline.force=true to promote it anyway.");
    }
    Path summary = settings.perfOutputFolder().resolve(BaselineStore.SUMMARY_FILE);
    Optional<byte[]> summaryBytes;
    try {
      summaryBytes =
          Files.isRegularFile(summary)
              ? Optional.of(Files.readAllBytes(summary))
              : Optional.empty();
    } catch (IOException e) {
      throw new BaselineException("Cannot read " + summary + ": " + e.getMessage(), e);
    }
    return new BaselineStore(settings.dir()).save(run, summaryBytes);
  }
}
