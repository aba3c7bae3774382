package org.port8000.perf.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One injector's run of one simulation, as the merge reads it: the injector's output root it came
 * from, its run folder, what the injector wrote about itself, and its log's requests.
 *
 * @param facts null when the run folder has no {@code probe-injector.json}
 */
public record InjectorRun(Path input, Path folder, InjectorFacts facts, GatlingLog.Content log) {

  /** Where an injector's output root may hold its Gatling run folders. */
  static final List<String> RUN_PARENTS = List.of("", "gatling", "target/gatling");

  /**
   * The run folders of an injector's output root, the newest per simulation (by Gatling's folder
   * name, which ends in the run's start time), by simulation simple name; the log's Gatling version
   * is checked before its records are read.
   */
  public static Map<String, InjectorRun> readAll(Path input, String gatlingVersion) {
    if (!Files.isDirectory(input)) {
      throw new ResultsException(
          "Merge input "
              + input
              + " is not a folder: give each"
              + " injector's output root (the folder holding its gatling/ run folders).");
    }
    Map<String, Path> newest = new LinkedHashMap<>();
    for (Path folder : runFolders(input)) {
      String name = folder.getFileName().toString();
      int dash = name.lastIndexOf('-');
      String simulation = dash < 0 ? name : name.substring(0, dash);
      Path known = newest.get(simulation);
      if (known == null || known.getFileName().toString().compareTo(name) < 0) {
        newest.put(simulation, folder);
      }
    }
    if (newest.isEmpty()) {
      throw new ResultsException(
          "Merge input "
              + input
              + " holds no Gatling run folder (a"
              + " folder with simulation.log) in "
              + String.join(
                  ", ", RUN_PARENTS.stream().map(p -> p.isEmpty() ? "itself" : p + "/").toList())
              + ".");
    }
    Map<String, InjectorRun> runs = new LinkedHashMap<>();
    for (Path folder : newest.values()) {
      String version = GatlingLog.version(folder);
      if (!version.equals(gatlingVersion)) {
        throw new MergeRefused(
            "Refusing to merge "
                + folder
                + ": its simulation.log was written"
                + " by Gatling "
                + version
                + ", and this suite reads Gatling "
                + gatlingVersion
                + "'s logs only (the log format is bound to its version). Merge with the suite built"
                + " against Gatling "
                + version
                + ", the one the injectors ran.");
      }
      GatlingLog.Content log = GatlingLog.read(folder);
      agreesWithGatling(folder, log);
      InjectorFacts facts =
          ProbeFiles.read(folder, InjectorFacts.PROBE, InjectorFacts.class).orElse(null);
      InjectorRun run = new InjectorRun(input, folder, facts, log);
      runs.put(run.simulationName(), run);
    }
    return runs;
  }

  /**
   * The merge's decoder must count what Gatling's own reader counts, request by request: a Gatling
   * version whose layout differs is refused here, not merged wrongly.
   */
  static void agreesWithGatling(Path folder, GatlingLog.Content log) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    for (GatlingLog.Sample s : log.samples()) {
      counts.computeIfAbsent(s.name(), n -> new long[2])[s.ok() ? 0 : 1]++;
    }
    for (RequestStats r : GatlingLogReader.read(folder).requests().values()) {
      long[] c = counts.getOrDefault(r.name(), new long[2]);
      if (c[0] != r.ok() || c[1] != r.ko()) {
        throw new ResultsException(
            "The merge reads "
                + c[0]
                + " OK and "
                + c[1]
                + " KO '"
                + r.name()
                + "' requests in "
                + folder
                + " where Gatling's reader counts "
                + r.ok()
                + " and "
                + r.ko()
                + ": results.GatlingLog no longer decodes this Gatling version's"
                + " log. Fix the decoder before merging.");
      }
    }
  }

  static List<Path> runFolders(Path input) {
    List<Path> out = new ArrayList<>();
    for (String parent : RUN_PARENTS) {
      Path dir = parent.isEmpty() ? input : input.resolve(parent);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(p -> Files.isRegularFile(p.resolve("simulation.log"))).sorted().forEach(out::add);
      } catch (IOException e) {
        throw new ResultsException("Cannot list " + dir + ": " + e.getMessage(), e);
      }
      if (!out.isEmpty()) {
        return out;
      }
    }
    return out;
  }

  public String simulationName() {
    String c = log.simulationClass();
    return c.substring(c.lastIndexOf('.') + 1);
  }

  /** What the injector's simulation wrote about its run, when it did. */
  public Optional<RunFacts> meta() {
    return ProbeFiles.read(folder, RunFacts.PROBE, RunFacts.class);
  }
}
