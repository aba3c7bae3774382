package org.port8000.perf.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of the last invocation: Gatling's Maven plugin lists their folders in
 * {@code lastRun.txt} (written with {@code failOnError=false}). Reads each run, keeping the
 * newest per simulation.
 */
public final class LastRun {
  public static final String FILE = "lastRun.txt";

  private LastRun() {}

  /** Runs by simulation simple name. */
  public static Map<String, GatlingRun> read(Path resultsFolder) {
    Path list = resultsFolder.resolve(FILE);
    if (!Files.isRegularFile(list)) {
      throw new ResultsException("No results to report: " + list + " does not exist. Run the"
          + " suite first (`mvn verify`, or `mvn gatling:test` for one simulation); earlier"
          + " reports were left untouched.");
    }
    List<String> names;
    try {
      names = Files.readAllLines(list);
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
      runs.add(GatlingLogReader.read(folder));
    }
    if (runs.isEmpty()) {
      throw new ResultsException(list + " lists no run: the last invocation ran no simulation."
          + " Earlier reports were left untouched.");
    }
    Map<String, GatlingRun> bySimulation = new LinkedHashMap<>();
    runs.stream().sorted((a, b) -> a.start().compareTo(b.start()))
        .forEach(r -> bySimulation.put(r.simulationName(), r));
    return bySimulation;
  }
}
