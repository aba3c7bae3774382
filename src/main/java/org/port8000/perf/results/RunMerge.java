package org.port8000.perf.results;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Merges the runs of several injectors of one distributed run: refuses folders that do not belong
 * together (different run ids, simulations or injector counts; an injector missing or twice), then
 * pools each simulation's requests. Gatling OSS cannot merge its logs itself, so the pooled figures
 * are recomputed here from every request of every log.
 */
public final class RunMerge {
  private RunMerge() {}

  /** Reads each injector's output root and merges them, by simulation simple name. */
  public static Map<String, MergedRun> merge(List<Path> inputs, String gatlingVersion) {
    Map<Path, Map<String, InjectorRun>> byInput = new LinkedHashMap<>();
    for (Path input : inputs) {
      byInput.put(input, InjectorRun.readAll(input, gatlingVersion));
    }
    return merge(byInput);
  }

  /** Merges injectors' runs already read, by input folder then simulation simple name. */
  public static Map<String, MergedRun> merge(Map<Path, Map<String, InjectorRun>> byInput) {
    if (byInput.isEmpty()) {
      throw new MergeRefused("Nothing to merge: give the injectors' output roots.");
    }
    checkFacts(byInput);
    checkSameRun(byInput);
    checkSameSimulations(byInput);
    checkInjectors(byInput);
    Map<String, MergedRun> merged = new LinkedHashMap<>();
    for (String simulation : new TreeSet<>(byInput.values().iterator().next().keySet())) {
      List<InjectorRun> runs =
          byInput.values().stream()
              .map(m -> m.get(simulation))
              .sorted(Comparator.comparingInt(r -> r.facts().index()))
              .toList();
      merged.put(simulation, pool(runs));
    }
    return merged;
  }

  private static void checkFacts(Map<Path, Map<String, InjectorRun>> byInput) {
    List<String> without =
        byInput.values().stream()
            .flatMap(m -> m.values().stream())
            .filter(r -> r.facts() == null)
            .map(r -> r.folder().toString())
            .toList();
    if (!without.isEmpty()) {
      throw new MergeRefused(
          "Refusing to merge: "
              + String.join(", ", without)
              + " ha"
              + (without.size() == 1 ? "s" : "ve")
              + " no "
              + ProbeFiles.path(Path.of(""), InjectorFacts.PROBE)
              + ", so nothing says which run and injector produced "
              + (without.size() == 1 ? "it" : "them")
              + ". Run the injectors with a suite whose"
              + " simulations record their injector (probe.InjectorRecorder).");
    }
  }

  private static void checkSameRun(Map<Path, Map<String, InjectorRun>> byInput) {
    Map<String, List<Path>> foldersByRunId = new TreeMap<>();
    byInput.values().stream()
        .flatMap(m -> m.values().stream())
        .forEach(
            r ->
                foldersByRunId
                    .computeIfAbsent(r.facts().runId(), k -> new ArrayList<>())
                    .add(r.folder()));
    if (foldersByRunId.size() > 1) {
      throw new MergeRefused(
          "Refusing to merge results of different runs: "
              + foldersByRunId.entrySet().stream()
                  .map(
                      e ->
                          "run id '"
                              + e.getKey()
                              + "' in "
                              + e.getValue().stream()
                                  .map(Path::toString)
                                  .collect(Collectors.joining(", ")))
                  .collect(Collectors.joining("; "))
              + ". Give only the folders of one run (every"
              + " injector of a run gets the same -Dinjector.runId).");
    }
  }

  private static void checkSameSimulations(Map<Path, Map<String, InjectorRun>> byInput) {
    Map<Names, List<Path>> inputsBySimulations = new LinkedHashMap<>();
    byInput.forEach(
        (input, runs) ->
            inputsBySimulations
                .computeIfAbsent(new Names(new TreeSet<>(runs.keySet())), k -> new ArrayList<>())
                .add(input));
    if (inputsBySimulations.size() > 1) {
      throw new MergeRefused(
          "Refusing to merge injectors that ran different simulations: "
              + inputsBySimulations.entrySet().stream()
                  .map(
                      e ->
                          e.getValue().stream()
                                  .map(Path::toString)
                                  .collect(Collectors.joining(", "))
                              + " ran "
                              + e.getKey())
                  .collect(Collectors.joining("; "))
              + ". Every injector of a run runs the same"
              + " simulations; merge those that did.");
    }
  }

  private record Names(TreeSet<String> names) {
    @Override
    public String toString() {
      return String.join(", ", names);
    }
  }

  private static void checkInjectors(Map<Path, Map<String, InjectorRun>> byInput) {
    for (String simulation : byInput.values().iterator().next().keySet()) {
      List<InjectorRun> runs = byInput.values().stream().map(m -> m.get(simulation)).toList();
      Map<Integer, List<InjectorRun>> counts =
          runs.stream()
              .collect(
                  Collectors.groupingBy(r -> r.facts().count(), TreeMap::new, Collectors.toList()));
      if (counts.size() > 1) {
        throw new MergeRefused(
            "Refusing to merge "
                + simulation
                + ": the injectors disagree on"
                + " their number: "
                + counts.entrySet().stream()
                    .map(e -> "injector.count " + e.getKey() + " in " + folders(e.getValue()))
                    .collect(Collectors.joining("; "))
                + ".");
      }
      int count = counts.keySet().iterator().next();
      Map<Integer, List<InjectorRun>> byIndex =
          runs.stream()
              .collect(
                  Collectors.groupingBy(r -> r.facts().index(), TreeMap::new, Collectors.toList()));
      for (Map.Entry<Integer, List<InjectorRun>> e : byIndex.entrySet()) {
        if (e.getValue().size() > 1) {
          throw new MergeRefused(
              "Refusing to merge "
                  + simulation
                  + ": injector "
                  + e.getKey()
                  + " appears more than once, in "
                  + folders(e.getValue())
                  + ".");
        }
      }
      List<Integer> missing = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        if (!byIndex.containsKey(i)) {
          missing.add(i);
        }
      }
      if (!missing.isEmpty()) {
        throw new MergeRefused(
            "Refusing to merge "
                + simulation
                + ": the run had "
                + count
                + " injectors and injector"
                + (missing.size() == 1 ? " " : "s ")
                + missing.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " "
                + (missing.size() == 1 ? "is" : "are")
                + " missing from the inputs ("
                + folders(runs)
                + "); a merge of part of the load would report part of it as the whole.");
      }
    }
  }

  private static String folders(List<InjectorRun> runs) {
    return runs.stream().map(r -> r.folder().toString()).collect(Collectors.joining(", "));
  }

  /** One simulation's runs, sorted by injector index, pooled on a common time line. */
  static MergedRun pool(List<InjectorRun> runs) {
    long start = runs.stream().mapToLong(r -> r.log().runStart()).min().orElseThrow();
    Map<String, List<Integer>> okTimes = new LinkedHashMap<>();
    Map<String, long[]> counts = new LinkedHashMap<>();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    List<MergedRun.Injector> injectors = new ArrayList<>();
    for (InjectorRun r : runs) {
      long offset = r.log().runStart() - start;
      long ok = 0;
      long ko = 0;
      long own0 = Long.MAX_VALUE;
      long own1 = Long.MIN_VALUE;
      for (GatlingLog.Sample s : r.log().samples()) {
        long[] c = counts.computeIfAbsent(s.name(), n -> new long[2]);
        if (s.ok()) {
          okTimes.computeIfAbsent(s.name(), n -> new ArrayList<>()).add(s.duration());
          c[0]++;
          ok++;
        } else {
          c[1]++;
          ko++;
        }
        // Aligned: each injector's offsets count from its own start; shift to the earliest.
        own0 = Math.min(own0, offset + s.start());
        own1 = Math.max(own1, offset + s.end());
      }
      first = Math.min(first, own0);
      last = Math.max(last, own1);
      injectors.add(
          new MergedRun.Injector(
              r, offset, r.log().usersStarted(), ok, ko, rate(ok + ko, own0, own1)));
    }
    Map<String, RequestStats> requests = new LinkedHashMap<>();
    long total = 0;
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      long[] c = e.getValue();
      total += c[0] + c[1];
      requests.put(
          e.getKey(), stats(e.getKey(), c[0], c[1], okTimes.getOrDefault(e.getKey(), List.of())));
    }
    return new MergedRun(
        runs.get(0).facts().runId(),
        runs.get(0).log().simulationClass(),
        Instant.ofEpochMilli(start),
        requests,
        rate(total, first, last),
        last >= first ? last - first : 0,
        injectors);
  }

  private static double rate(long requests, long from, long to) {
    return to > from ? requests * 1000.0 / (to - from) : 0;
  }

  /** Figures over the pooled samples; percentiles by nearest rank, as {@link Distribution}. */
  static RequestStats stats(String name, long ok, long ko, List<Integer> times) {
    if (times.isEmpty()) {
      return new RequestStats(name, ok, ko, 0, 0, 0, 0, 0, 0);
    }
    List<Integer> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    long sum = 0;
    for (int t : sorted) {
      sum += t;
    }
    return new RequestStats(
        name,
        ok,
        ko,
        sorted.get(0),
        sorted.get(sorted.size() - 1),
        (int) Math.round((double) sum / sorted.size()),
        rank(sorted, 50),
        rank(sorted, 95),
        rank(sorted, 99));
  }

  private static int rank(List<Integer> sorted, double percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
