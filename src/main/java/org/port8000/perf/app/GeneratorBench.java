package org.port8000.perf.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.port8000.perf.results.PhaseTimings;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.RequestNames;
import org.port8000.perf.results.RunFolder;

/**
 * The load generator's own cost: reads the newest message-throughput run and prints the CPU
 * seconds the Gatling JVM spent per 10,000 answered step messages, and the rate it achieved.
 * Run by {@code bench/generator.sh} after a short simulation against the reference server, so
 * the figure can be compared across changes of the suite.
 */
public final class GeneratorBench {
  private GeneratorBench() {}

  public static void main(String[] args) {
    Path results = Path.of(args.length > 0 ? args[0] : "target/gatling");
    Path run;
    try {
      run = RunFolder.current(results, Class.forName(
          "org.port8000.perf.simulations.MessageThroughputSimulation")).orElse(null);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the simulations are not on the class path: " + e);
    }
    if (run == null) {
      System.err.println("No message-throughput run under " + results + "; run bench/generator.sh");
      System.exit(1);
    }
    PhaseTimings timings = ProbeFiles.read(run, PhaseTimings.PROBE, PhaseTimings.class)
        .orElseThrow(() -> new IllegalStateException("no message timings in " + run));
    List<PhaseTimings.Phase> steps = timings.phases().stream()
        .filter(p -> RequestNames.isStep(p.name()) && p.generatorCpuSeconds() != null)
        .toList();
    double cpu = steps.stream().mapToDouble(PhaseTimings.Phase::generatorCpuSeconds).sum();
    long replied = steps.stream().mapToLong(PhaseTimings.Phase::replied).sum();
    long planned = steps.stream().mapToLong(PhaseTimings.Phase::planned).sum();
    double seconds = steps.stream()
        .mapToDouble(p -> (p.lastReplyMs() - p.firstSendMs()) / 1000.0).sum();
    if (replied == 0 || seconds <= 0) {
      System.err.println("No step message was answered in " + run + "; nothing to measure");
      System.exit(1);
    }
    System.out.println(String.format(Locale.ROOT,
        "generator: %.2f CPU-s per 10,000 messages (%.2f CPU-s for %d of %d step messages"
            + " answered), achieved %.0f msg/s; run %s",
        cpu * 10_000 / replied, cpu, replied, planned, replied / seconds, run.getFileName()));
  }
}
