package org.port8000.perf.app;

import java.nio.file.Path;
import org.port8000.perf.results.GatlingLogReader;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.PhaseFacts;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.RequestStats;
import org.port8000.perf.results.RunFolder;

/**
 * For {@code bench/generator.sh}: prints how many chat replies the newest run of a simulation
 * answered, from Gatling's own stats (the OK count of every request named "reply" or "reply …"; for
 * runs of revisions before round trips were Gatling requests, the message probe's count), so the
 * script can divide the generator's CPU by answered messages. Arguments: the Gatling results folder
 * and the simulation's class name.
 */
public final class GeneratorBench {
  private GeneratorBench() {}

  public static void main(String[] args) throws ClassNotFoundException {
    if (args.length != 2) {
      System.err.println("usage: GeneratorBench <gatling results folder> <simulation class>");
      System.exit(2);
    }
    Path results = Path.of(args[0]);
    Class<?> simulation = Class.forName(args[1]);
    Path run = RunFolder.current(results, simulation).orElse(null);
    if (run == null) {
      System.err.println("No run of " + args[1] + " under " + results);
      System.exit(1);
    }
    GatlingRun stats = GatlingLogReader.read(run);
    long answered =
        stats.requests().values().stream()
            .filter(r -> r.name().equals("reply") || r.name().startsWith("reply "))
            .mapToLong(RequestStats::ok)
            .sum();
    if (answered == 0) {
      // A revision from before round trips were Gatling requests: its probe counted replies.
      answered =
          ProbeFiles.read(run, PhaseFacts.PROBE, PhaseFacts.class)
              .map(t -> t.phases().stream().mapToLong(PhaseFacts.Phase::replied).sum())
              .orElse(0L);
    }
    System.out.println(answered + " " + run.getFileName());
  }
}
