package org.port8000.perf.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Writes a merged run as a run folder the report step can read like an injector's: injector 0's
 * probe files (it ran what runs once: the target's sampling, the browser, the footprint step) but
 * those that count each injector's share, summed over them ({@link MergedProbes}), one {@link
 * RunFacts} for all injectors, the injectors' facts ({@code probe-injectors.json}) and an {@code
 * index.html} linking every injector's own Gatling report. Its {@link GatlingRun} carries the
 * pooled request figures.
 */
public final class MergedRunFolder {
  public static final String INJECTORS_PROBE = "injectors";

  private MergedRunFolder() {}

  /** The injectors' rows as the report shows them ({@code probe-injectors.json}). */
  public record Injectors(
      String runId, String simulation, double requestsPerSecond, long windowMs, List<Row> rows) {
    public Injectors {
      rows = List.copyOf(rows);
    }
  }

  /**
   * One injector; {@code facts} as it wrote them, {@code target} the URL it loaded (null when it
   * wrote no run facts), the rest measured from its log.
   */
  public record Row(
      InjectorFacts facts,
      String target,
      String folder,
      long startOffsetMs,
      int usersStarted,
      long ok,
      long ko,
      double requestsPerSecond) {}

  /**
   * Probe records that count one injector's share and that the merge does not sum yet (the message
   * phases, the heartbeat's and the leak's are summed by {@link MergedProbes}).
   */
  private static final List<String> PER_INJECTOR = List.of(BenchmarkFacts.PROBE);

  /**
   * Why a simulation's merged run cannot be judged, if it cannot: with several injectors, a verdict
   * from injector 0's share of counts beside every injector's requests would be wrong (e.g. a
   * benchmark's operation counts of one injector beside every injector's requests).
   */
  public static java.util.Optional<String> notJudgeable(MergedRun merged) {
    if (merged.injectors().size() < 2) {
      return java.util.Optional.empty();
    }
    Path first = merged.injectors().get(0).run().folder();
    return PER_INJECTOR.stream()
        .filter(name -> Files.isRegularFile(ProbeFiles.path(first, name)))
        .findFirst()
        .map(
            name ->
                merged.simulationName()
                    + " is not judged on a merge of "
                    + merged.injectors().size()
                    + " injectors: its "
                    + ProbeFiles.path(Path.of(""), name)
                    + " counts one injector's share, and the merge does not sum it yet. Run it"
                    + " with one injector (each injector's own report judges its share).");
  }

  public static GatlingRun write(MergedRun merged, Path outputRoot) {
    String name = merged.simulationName().toLowerCase(Locale.ROOT) + "-merged-" + merged.runId();
    Path folder = outputRoot.resolve(name);
    MergedRun.Injector first = merged.injectors().get(0);
    List<String> copied = new ArrayList<>();
    try {
      Files.createDirectories(folder);
      try (Stream<Path> s = Files.list(first.run().folder())) {
        for (Path p : s.sorted().toList()) {
          String file = p.getFileName().toString();
          boolean probe = file.startsWith("probe-") && file.endsWith(".json");
          if (probe
              && !file.equals(ProbeFiles.path(Path.of(""), InjectorFacts.PROBE).toString())
              && !file.equals(ProbeFiles.path(Path.of(""), RunFacts.PROBE).toString())) {
            AtomicFiles.write(folder.resolve(file), Files.readAllBytes(p));
            copied.add(file);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the merged run " + folder + ": " + e.getMessage(), e);
    }
    MergedProbes.Summed summed = MergedProbes.write(merged, folder);
    copied.removeAll(summed.files());
    ProbeFiles.write(folder, RunFacts.PROBE, meta(merged, copied, summed));
    ProbeFiles.write(folder, INJECTORS_PROBE, injectors(merged));
    AtomicFiles.write(folder.resolve("index.html"), index(merged, folder));
    return new GatlingRun(folder, merged.simulationClass(), merged.start(), merged.requests());
  }

  public static Injectors injectors(MergedRun merged) {
    return new Injectors(
        merged.runId(),
        merged.simulationName(),
        merged.requestsPerSecond(),
        merged.windowMs(),
        merged.injectors().stream()
            .map(
                i ->
                    new Row(
                        i.facts(),
                        i.run().meta().map(RunFacts::targetUrl).orElse(null),
                        i.run().folder().toString(),
                        i.startOffsetMs(),
                        i.usersStarted(),
                        i.ok(),
                        i.ko(),
                        i.requestsPerSecond()))
            .toList());
  }

  /** Where the merged run's figures come from. */
  private static String mergeNote(
      MergedRun merged, List<String> copied, MergedProbes.Summed summed) {
    return "Merged from "
        + merged.injectors().size()
        + " injectors (run "
        + merged.runId()
        + "): request counts are summed and latencies recomputed from every"
        + " injector's samples; "
        + (copied.isEmpty()
            ? "no probe file"
            : "the probe files (" + String.join(", ", copied) + ")")
        + " are injector 0's"
        + summed.notes().stream().map(n -> "; " + n).reduce("", String::concat)
        + ".";
  }

  /** All injectors' metas in one: the earliest start, the latest end, the target's answer. */
  static RunFacts meta(MergedRun merged, List<String> copied, MergedProbes.Summed summed) {
    List<RunFacts> metas =
        merged.injectors().stream()
            .map(i -> i.run().meta().orElse(null))
            .filter(Objects::nonNull)
            .toList();
    List<String> notes = new ArrayList<>();
    notes.add(mergeNote(merged, copied, summed));
    RunFacts base = metas.isEmpty() ? null : metas.get(0);
    if (base != null) {
      notes.addAll(base.notes());
    }
    for (int i = 1; i < metas.size(); i++) {
      int index = merged.injectors().get(i).facts().index();
      metas.get(i).notes().forEach(n -> notes.add("Injector " + index + ": " + n));
    }
    Instant started =
        metas.stream()
            .map(RunFacts::startedAt)
            .filter(Objects::nonNull)
            .min(Comparator.naturalOrder())
            .orElse(merged.start());
    Instant ended =
        metas.stream()
            .map(RunFacts::endedAt)
            .filter(Objects::nonNull)
            .max(Comparator.naturalOrder())
            .orElse(null);
    boolean answered = !metas.isEmpty() && metas.stream().allMatch(RunFacts::targetAnsweredAtEnd);
    if (metas.size() < merged.injectors().size()) {
      notes.add(
          (merged.injectors().size() - metas.size())
              + " injector(s) wrote no "
              + ProbeFiles.path(Path.of(""), RunFacts.PROBE)
              + ": their end was not recorded.");
    }
    // injectors may load different instances of the target (a client-side balancer): all named
    String targets =
        String.join(
            ", ",
            metas.stream().map(RunFacts::targetUrl).filter(Objects::nonNull).distinct().toList());
    return new RunFacts(
        merged.simulationName(),
        base == null ? null : base.profile(),
        base != null && metas.stream().allMatch(RunFacts::fullAssignment),
        base == null ? null : targets,
        base != null && base.targetStartedByRun(),
        base == null ? null : base.targetPid(),
        started,
        ended,
        answered,
        notes,
        null);
  }

  private static String index(MergedRun merged, Path folder) {
    StringBuilder html =
        new StringBuilder(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                + "<title>"
                + merged.simulationName()
                + " — merged run "
                + merged.runId()
                + "</title></head><body>\n<h1>"
                + merged.simulationName()
                + ": "
                + merged.injectors().size()
                + " injectors, run "
                + merged.runId()
                + "</h1>\n<p>Gatling cannot draw one"
                + " report from several logs; each injector's own report:</p>\n<ul>\n");
    for (MergedRun.Injector i : merged.injectors()) {
      Path report = i.run().folder().resolve("index.html").toAbsolutePath();
      String href = folder.toAbsolutePath().relativize(report).toString().replace('\\', '/');
      html.append("<li><a href=\"")
          .append(href)
          .append("\">injector ")
          .append(i.facts().index())
          .append(" (")
          .append(escape(i.facts().host()))
          .append(")</a></li>\n");
    }
    return html.append("</ul>\n</body></html>\n").toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
