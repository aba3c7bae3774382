package org.port8000.perf.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runs of the last invocation: Gatling's Maven plugin lists their folders in {@code
 * lastRun.txt}, but writes it only with {@code failOnError=false} (the whole suite, {@code mvn
 * verify}). An on-demand {@code mvn gatling:test} fails the build on a missed assertion ({@code
 * failOnError=true}) and writes no list: its runs are the run folders newer than the list (all of
 * them when there is none). Reads each run, keeping the newest per simulation.
 */
public final class LastRun {
  public static final String FILE = "lastRun.txt";

  private LastRun() {}

  /** Runs by simulation simple name. */
  public static Map<String, GatlingRun> read(Path resultsFolder) {
    Path list = resultsFolder.resolve(FILE);
    List<String> names;
    try {
      names = newerRuns(resultsFolder, list);
      if (names.isEmpty() && !Files.isRegularFile(list)) {
        throw new ResultsException(
            "No results to report: "
                + list
                + " does not exist. Run"
                + " the suite first (`mvn verify`, or `mvn gatling:test` for one simulation);"
                + " earlier reports were left untouched.");
      }
      if (names.isEmpty()) {
        names = Files.readAllLines(list);
      }
    } catch (IOException e) {
      throw new ResultsException("Cannot read " + list + ": " + e.getMessage(), e);
    }
    List<GatlingRun> runs = new ArrayList<>();
    for (String name : names) {
      if (name.isBlank()) {
        continue;
      }
      Path folder = resultsFolder.resolve(name.trim());
      // The plugin also writes lines such as "ExecutionError: Gatling simulation assertions
      // failed!" here; only run folders are read (the report judges the targets itself).
      if (!Files.isDirectory(folder)) {
        continue;
      }
      runs.add(readOrDead(folder));
    }
    if (runs.isEmpty()) {
      throw new ResultsException(
          list
              + " lists no run: the last invocation ran no simulation."
              + " Earlier reports were left untouched.");
    }
    Map<String, GatlingRun> bySimulation = new LinkedHashMap<>();
    runs.stream()
        .sorted((a, b) -> a.start().compareTo(b.start()))
        .forEach(r -> bySimulation.put(r.simulationName(), r));
    return bySimulation;
  }

  /** Run folders (with a simulation.log) modified after the list, or all without a list. */
  static List<String> newerRuns(Path resultsFolder, Path list) throws IOException {
    if (!Files.isDirectory(resultsFolder)) {
      return List.of();
    }
    long listed =
        Files.isRegularFile(list) ? Files.getLastModifiedTime(list).toMillis() : Long.MIN_VALUE;
    List<String> out = new ArrayList<>();
    try (var folders = Files.list(resultsFolder)) {
      for (Path f : folders.filter(Files::isDirectory).toList()) {
        Path log = f.resolve("simulation.log");
        if (Files.isRegularFile(log) && Files.getLastModifiedTime(log).toMillis() > listed) {
          out.add(f.getFileName().toString());
        }
      }
    }
    return out;
  }

  /**
   * A run whose JVM died may leave a {@code simulation.log} Gatling cannot read: it is kept as a
   * run without request figures when its simulation wrote {@link RunStartFacts}, so its probes'
   * phases are reported and the missing {@link RunFacts} fails it; otherwise the error stands.
   */
  static GatlingRun readOrDead(Path folder) {
    try {
      return GatlingLogReader.read(folder);
    } catch (ResultsException e) {
      Optional<RunStartFacts> start =
          ProbeFiles.read(folder, RunStartFacts.PROBE, RunStartFacts.class);
      if (start.isEmpty() || ProbeFiles.read(folder, RunFacts.PROBE, RunFacts.class).isPresent()) {
        throw e;
      }
      Instant at;
      try {
        at = Files.getLastModifiedTime(ProbeFiles.path(folder, RunStartFacts.PROBE)).toInstant();
      } catch (IOException io) {
        at = Instant.EPOCH;
      }
      return new GatlingRun(folder, start.get().simulation(), at, Map.of());
    }
  }
}
