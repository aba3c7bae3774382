package org.port8000.perf.baseline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.port8000.perf.results.AtomicFiles;
import org.port8000.perf.results.ProbeFiles;

/**
 * The baselines: one folder per target and profile under {@code baseline.dir} ({@code
 * <dir>/<target>/<profile>/}), each holding the promoted run's snapshot ({@code baseline.json}) and
 * its {@code summary.json}. The history file lives beside them.
 */
public final class BaselineStore {
  public static final String BASELINE_FILE = "baseline.json";
  public static final String SUMMARY_FILE = "summary.json";

  private final Path dir;

  public BaselineStore(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  public Path folder(String target, String profile) {
    return dir.resolve(target).resolve(profile);
  }

  /** The baseline kept for this target and profile, if one was promoted. */
  public Optional<RunSnapshot> load(String target, String profile) {
    Path file = folder(target, profile).resolve(BASELINE_FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(ProbeFiles.JSON.readValue(file.toFile(), RunSnapshot.class));
    } catch (IOException e) {
      throw new BaselineException(
          "Cannot read the baseline "
              + file
              + " ("
              + e.getMessage()
              + "). Promote a new one with `mvn exec:java@baseline` after a run, or delete it.",
          e);
    }
  }

  /** Keeps the snapshot (and the run's summary.json, when given) as the new baseline. */
  public Path save(RunSnapshot snapshot, Optional<byte[]> summaryJson) {
    Path folder = folder(snapshot.target(), snapshot.profile());
    try {
      AtomicFiles.write(folder.resolve(BASELINE_FILE), ProbeFiles.JSON.writeValueAsBytes(snapshot));
    } catch (IOException e) {
      throw new BaselineException(
          "Cannot write the baseline in " + folder + ": " + e.getMessage(), e);
    }
    summaryJson.ifPresent(bytes -> AtomicFiles.write(folder.resolve(SUMMARY_FILE), bytes));
    return folder;
  }

  /**
   * Why the baseline cannot be compared with this run, naming both sides; empty when it can. Never
   * compare silently across profiles, targets, suite versions or load parameters: the figures would
   * differ for reasons that are not the target's.
   */
  public static Optional<String> refusal(RunSnapshot baseline, RunSnapshot now, Path folder) {
    String where = "The baseline in " + folder;
    if (!baseline.profile().equals(now.profile())) {
      return Optional.of(
          where
              + " was recorded with profile '"
              + baseline.profile()
              + "', but this run used profile '"
              + now.profile()
              + "'. Runs are compared only with"
              + " a baseline of their own profile: promote a run of profile '"
              + now.profile()
              + "' with `mvn exec:java@baseline -Dperf.profile="
              + now.profile()
              + "`.");
    }
    if (!baseline.target().equals(now.target())) {
      return Optional.of(
          where
              + " was recorded against target '"
              + baseline.target()
              + "', but this run measured target '"
              + now.target()
              + "'. Promote a run of this"
              + " target with `mvn exec:java@baseline`.");
    }
    if (!baseline.suiteVersion().equals(now.suiteVersion())) {
      return Optional.of(
          where
              + " was measured by suite version "
              + baseline.suiteVersion()
              + ", this run by suite version "
              + now.suiteVersion()
              + ", which measures"
              + " differently. Promote a run of this version with `mvn exec:java@baseline`.");
    }
    List<String> differ = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(baseline.parameters().keySet());
    keys.addAll(now.parameters().keySet());
    for (String key : keys) {
      String b = baseline.parameters().get(key);
      String n = now.parameters().get(key);
      if (!java.util.Objects.equals(b, n)) {
        differ.add(key + " " + b + " → " + n);
      }
    }
    if (!differ.isEmpty()) {
      return Optional.of(
          where
              + " was measured with other load parameters (baseline → this"
              + " run: "
              + String.join(", ", differ)
              + "). Run with the baseline's parameters, or"
              + " promote a run with these with `mvn exec:java@baseline`.");
    }
    return Optional.empty();
  }
}
