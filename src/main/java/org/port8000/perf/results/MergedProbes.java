package org.port8000.perf.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The probe files a merged run sums over its injectors instead of taking injector 0's: each counts
 * one injector's share of the load. A file only some injectors wrote cannot be summed (the sum
 * would count part of the load as the whole): it is left out of the merged run, so the report says
 * it is not measured, and the note says why.
 */
final class MergedProbes {
  private final MergedRun merged;
  private final Path folder;
  private final List<String> summed = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private MergedProbes(MergedRun merged, Path folder) {
    this.merged = merged;
    this.folder = folder;
  }

  /**
   * What the merge did: the files that are no longer injector 0's copies (summed, or left out), and
   * one note per such file.
   */
  record Summed(List<String> files, List<String> notes) {
    Summed {
      files = List.copyOf(files);
      notes = List.copyOf(notes);
    }
  }

  /** Writes the summed files into {@code folder}, over the copies of injector 0's. */
  static Summed write(MergedRun merged, Path folder) {
    MergedProbes p = new MergedProbes(merged, folder);
    p.sum(
        PhaseFacts.PROBE,
        PhaseFacts.class,
        all -> PhaseFactsMerge.of(List.copyOf(all.values())),
        all -> "the message phases' counts are summed over the injectors");
    p.sum(
        HeartbeatFacts.PROBE,
        HeartbeatFacts.class,
        HeartbeatFactsMerge::of,
        all ->
            "the soak's counts are summed over the injectors, the footprint step is injector 0's;"
                + " "
                + HeartbeatFactsMerge.windowNote(all));
    p.sum(
        PingPongFacts.PROBE,
        PingPongFacts.class,
        HeartbeatFactsMerge::pings,
        all -> "the ping/pong probe's counts are summed over the injectors");
    p.sum(LeakFacts.PROBE, LeakFacts.class, LeakFactsMerge::of, LeakFactsMerge::alignmentNote);
    return new Summed(p.summed, p.notes);
  }

  private <T> void sum(
      String probe,
      Class<T> type,
      Function<Map<Path, T>, Object> merge,
      Function<Map<Path, T>, String> note) {
    Map<Path, T> all = new LinkedHashMap<>();
    for (MergedRun.Injector i : merged.injectors()) {
      ProbeFiles.read(i.run().folder(), probe, type).ifPresent(f -> all.put(i.run().folder(), f));
    }
    String file = ProbeFiles.path(Path.of(""), probe).toString();
    if (merged.injectors().size() < 2 || all.isEmpty()) {
      return;
    }
    // the message phases of the injectors that wrote them are summed, as they always were
    if (all.size() < merged.injectors().size() && !PhaseFacts.PROBE.equals(probe)) {
      leaveOut(file, all.size());
      return;
    }
    if (all.size() < 2) {
      return;
    }
    ProbeFiles.write(folder, probe, merge.apply(all));
    summed.add(file);
    notes.add(file + ": " + note.apply(all));
  }

  private void leaveOut(String file, int wrote) {
    try {
      Files.deleteIfExists(folder.resolve(file));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    notes.add(
        file
            + " is not measured: "
            + wrote
            + " of "
            + merged.injectors().size()
            + " injectors wrote it, and a sum over some injectors would count part of the load as"
            + " the whole");
    summed.add(file);
  }
}
