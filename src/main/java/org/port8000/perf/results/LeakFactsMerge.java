package org.port8000.perf.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The memory-leak run of several injectors as one run's facts ({@code probe-leak.json}). Each
 * injector sent its share of the messages and cycles, so the counts are summed. The leak verdict
 * puts injector 0's memory readings (it alone samples the target) against the messages answered by
 * then, so every injector's answers must be on injector 0's axis: each injector counts them in ms
 * after its own "initial" instant (its first measured message), and the injectors do not reach it
 * together (each finishes its own warm-up first). Each injector's times are shifted by its
 * "initial" instant minus injector 0's, both on the injectors' clocks (epoch ms: one clock on one
 * machine, as close as NTP keeps them across machines), then sorted; the cycles' times likewise.
 * Files that did not record the instant cannot be aligned and are refused.
 */
public final class LeakFactsMerge {
  private static final String FILE = ProbeFiles.path(Path.of(""), LeakFacts.PROBE).toString();

  private LeakFactsMerge() {}

  /** {@code byFolder}: each injector's facts by its run folder, injector 0 first. */
  public static LeakFacts of(Map<Path, LeakFacts> byFolder) {
    PlanAgreement.require(FILE, byFolder, "durationSeconds", LeakFacts::durationSeconds);
    PlanAgreement.require(FILE, byFolder, "warmUpSeconds", LeakFacts::warmUpSeconds);
    aligned(byFolder);
    List<LeakFacts> all = List.copyOf(byFolder.values());
    LeakFacts first = all.get(0);
    boolean cycleTimes = all.stream().allMatch(f -> f.cycleDoneAtMs() != null);
    return new LeakFacts(
        all.stream().mapToInt(LeakFacts::messages).sum(),
        first.durationSeconds(),
        all.stream().mapToInt(LeakFacts::cycles).sum(),
        all.stream().allMatch(LeakFacts::targetFresh),
        all.stream().mapToInt(LeakFacts::messagesAnswered).sum(),
        all.stream().mapToInt(LeakFacts::cyclesCompleted).sum(),
        all.stream().mapToInt(LeakFacts::warmUpMessages).sum(),
        first.warmUpSeconds(),
        all.stream().mapToInt(LeakFacts::warmUpAnswered).sum(),
        onInjectorZerosClock(all, LeakFacts::answeredAtMs),
        first.initialAtMs(),
        cycleTimes ? onInjectorZerosClock(all, LeakFacts::cycleDoneAtMs) : null,
        all.size(),
        first.messages(),
        first.cycles(),
        measuredFrom(all),
        measuredTo(all));
  }

  /** The latest injector's "initial", ms after injector 0's (0 when injector 0 was the latest). */
  static long measuredFrom(List<LeakFacts> all) {
    long zero = all.get(0).initialAtMs();
    return all.stream().mapToLong(f -> f.initialAtMs() - zero).max().orElse(0);
  }

  /**
   * The earliest last answer of the injectors that had answers, ms after injector 0's "initial";
   * {@code measuredFrom} when none had any (then the span is empty).
   */
  static long measuredTo(List<LeakFacts> all) {
    long zero = all.get(0).initialAtMs();
    return all.stream()
        .filter(f -> !f.answeredAtMs().isEmpty())
        .mapToLong(f -> f.initialAtMs() - zero + java.util.Collections.max(f.answeredAtMs()))
        .min()
        .orElse(measuredFrom(all));
  }

  /** The merged run's note: how the injectors' times were put on injector 0's clock. */
  public static String alignmentNote(Map<Path, LeakFacts> byFolder) {
    List<LeakFacts> all = List.copyOf(byFolder.values());
    long zero = all.get(0).initialAtMs();
    List<String> shifts = new ArrayList<>();
    for (int i = 1; i < all.size(); i++) {
      long d = all.get(i).initialAtMs() - zero;
      shifts.add("injector " + i + " " + (d >= 0 ? "+" : "") + d + " ms");
    }
    return "the counts are summed over the injectors; every injector's answer times are on"
        + " injector 0's axis (ms after its \"initial\" reading), shifted by each injector's"
        + " \"initial\" instant minus injector 0's ("
        + String.join(", ", shifts)
        + "), exact as far as the injectors' clocks agree; the leak series keeps to the span in"
        + " which every injector was in its measured messages, "
        + measuredFrom(all)
        + " to "
        + measuredTo(all)
        + " ms after injector 0's \"initial\" (before it some were still warming the target up);"
        + " the memory checkpoints are injector 0's,"
        + " marked after its own "
        + all.get(0).messages()
        + " messages and "
        + all.get(0).cycles()
        + " cycles"
        + (all.stream().allMatch(f -> f.cycleDoneAtMs() != null)
            ? ""
            : "; an injector recorded no cycle times, so growth per cycle is not measured");
  }

  private static void aligned(Map<Path, LeakFacts> byFolder) {
    byFolder.forEach(
        (folder, f) -> {
          if (f.initialAtMs() == null || f.answeredAtMs() == null) {
            throw new MergeRefused(
                "Refusing to merge "
                    + FILE
                    + " of "
                    + folder
                    + ": it records no \"initial\" instant or no answer times (written by an"
                    + " older suite, or no measured message started there), so its answers cannot"
                    + " be put on injector 0's memory readings. Run the injectors with this suite.");
          }
        });
  }

  private static List<Long> onInjectorZerosClock(
      List<LeakFacts> all, java.util.function.Function<LeakFacts, List<Long>> times) {
    long zero = all.get(0).initialAtMs();
    List<Long> out = new ArrayList<>();
    for (LeakFacts f : all) {
      long shift = f.initialAtMs() - zero;
      times.apply(f).forEach(t -> out.add(t + shift));
    }
    out.sort(null);
    return out;
  }
}
