package org.port8000.perf.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.port8000.perf.results.ResourceFacts;
import org.port8000.perf.results.ResourceFacts.Instance;
import org.port8000.perf.results.ResourceFacts.Sample;

/**
 * The memory and CPU of a target of several instances ({@code -Dtarget.instances}): one row per
 * instance, the sum (the target: the summed series the sampler recorded, whose figures are every
 * memory figure of the section) and the max (the largest instance, column by column). A peak of the
 * sum is the peak of the summed readings, not the sum of each instance's peak.
 */
public final class InstanceTable {
  static final List<String> COLUMNS =
      List.of(
          "Instance",
          "Memory at start",
          "Memory peak",
          "Memory at end",
          "CPU mean",
          "CPU peak",
          "Samples");

  private InstanceTable() {}

  /**
   * The figures of one series.
   *
   * @param cpuMean mean of the CPU readings in % of one core; empty when none
   */
  record Figures(
      String name,
      Optional<Long> startBytes,
      Optional<Long> peakBytes,
      Optional<Long> endBytes,
      OptionalDouble cpuMean,
      OptionalDouble cpuPeak,
      int samples) {

    static Figures of(String name, List<Sample> series) {
      return new Figures(
          name,
          series.stream().findFirst().map(Sample::rssBytes),
          series.stream().map(Sample::rssBytes).max(Long::compare),
          series.isEmpty()
              ? Optional.empty()
              : Optional.of(series.get(series.size() - 1).rssBytes()),
          cpu(series).average(),
          cpu(series).max(),
          series.size());
    }

    private static java.util.stream.DoubleStream cpu(List<Sample> series) {
      return series.stream()
          .map(Sample::cpuPercent)
          .filter(c -> c != null)
          .mapToDouble(Double::doubleValue);
    }
  }

  /** Each instance's figures, in the order the setting names them. */
  static List<Figures> perInstance(ResourceFacts s) {
    return s.instances().stream().map(i -> Figures.of(i.name(), i.samples())).toList();
  }

  /** The target's figures: the summed series. */
  static Figures sum(ResourceFacts s) {
    return Figures.of("Sum (the target)", s.samples());
  }

  /** The largest instance, column by column (the rows may be different instances). */
  static Figures max(List<Figures> instances) {
    return new Figures(
        "Max (largest instance)",
        maxBytes(instances, Figures::startBytes),
        maxBytes(instances, Figures::peakBytes),
        maxBytes(instances, Figures::endBytes),
        maxDouble(instances, Figures::cpuMean),
        maxDouble(instances, Figures::cpuPeak),
        -1);
  }

  /** The table, or empty for a target of one process (no per-instance readings). */
  public static Optional<Table> of(ResourceFacts s) {
    if (!s.perInstance()) {
      return Optional.empty();
    }
    List<Figures> each = perInstance(s);
    List<List<String>> rows = new ArrayList<>();
    each.forEach(f -> rows.add(row(f)));
    rows.add(row(sum(s)));
    rows.add(row(max(each)));
    return Optional.of(
        new Table(
            "Target instances (" + s.instances().size() + ", `target.instances`)",
            COLUMNS,
            rows,
            "Memory is resident memory; CPU is % of one core between readings. Every memory"
                + " figure of this section (memory per connection too, where it has one) is the"
                + " sum's: the instances' readings at the same tick added up."
                + lost(s)));
  }

  /**
   * The same figures as rows of the benchmark's resource table (no target: figures only); empty for
   * a target of one process.
   */
  static List<BenchmarkResult.Row> rows(ResourceFacts s) {
    if (!s.perInstance()) {
      return List.of();
    }
    List<Figures> all = new ArrayList<>(perInstance(s));
    all.add(sum(s));
    all.add(max(perInstance(s)));
    return all.stream()
        .map(
            f ->
                new BenchmarkResult.Row(
                    "Server memory and CPU, " + f.name(),
                    "peak "
                        + mb(f.peakBytes())
                        + ", end "
                        + mb(f.endBytes())
                        + "; CPU mean "
                        + percent(f.cpuMean())
                        + ", peak "
                        + percent(f.cpuPeak()),
                    "–",
                    "–",
                    "figure only: no target (`target.instances`, whole benchmark)"))
        .toList();
  }

  private static String lost(ResourceFacts s) {
    StringBuilder b = new StringBuilder();
    for (Instance i : s.instances()) {
      if (i.lostAtMs() != null) {
        b.append(" Instance ")
            .append(i.name())
            .append(" was lost at ")
            .append(MemorySeries.seconds(i.lostAtMs()))
            .append(" (")
            .append(i.lostReason())
            .append(").");
      }
    }
    return b.toString();
  }

  private static List<String> row(Figures f) {
    return List.of(
        f.name(),
        mb(f.startBytes()),
        mb(f.peakBytes()),
        mb(f.endBytes()),
        percent(f.cpuMean()),
        percent(f.cpuPeak()),
        f.samples() < 0 ? "–" : String.valueOf(f.samples()));
  }

  static String mb(Optional<Long> bytes) {
    return bytes.map(b -> Format.mb(b) + " MB").orElse("not measured");
  }

  static String percent(OptionalDouble cpu) {
    return cpu.isPresent() ? Format.number(cpu.getAsDouble()) + " %" : "not measured";
  }

  private static Optional<Long> maxBytes(List<Figures> all, Function<Figures, Optional<Long>> f) {
    return all.stream().map(f).flatMap(Optional::stream).max(Long::compare);
  }

  private static OptionalDouble maxDouble(List<Figures> all, Function<Figures, OptionalDouble> f) {
    return all.stream()
        .map(f)
        .filter(OptionalDouble::isPresent)
        .mapToDouble(OptionalDouble::getAsDouble)
        .max();
  }
}
