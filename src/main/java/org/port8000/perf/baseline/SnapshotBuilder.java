package org.port8000.perf.baseline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.port8000.perf.analysis.Area;
import org.port8000.perf.analysis.AreaResult;
import org.port8000.perf.analysis.LeakSeries;
import org.port8000.perf.analysis.ThroughputAnalyzer;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.LeakFacts;
import org.port8000.perf.results.PhaseFacts;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.RawResponseTimes;
import org.port8000.perf.results.RequestNames;
import org.port8000.perf.results.ResourceFacts;

/** Builds this run's {@link RunSnapshot} from its result files and the analysis' checks. */
public final class SnapshotBuilder {
  private SnapshotBuilder() {}

  public static RunSnapshot build(
      BaselineSettings settings,
      Map<String, GatlingRun> runs,
      List<AreaResult> areas,
      String verdict) {
    Map<String, Double> figures = new LinkedHashMap<>();
    areas.forEach(
        a ->
            a.checks().stream()
                .filter(c -> c.value() != null)
                .forEach(c -> figures.put(c.metric(), c.value())));
    Map<String, List<Integer>> latencies = new LinkedHashMap<>();
    // Read once: the judged burst's latencies and the throughput steps both come from it.
    Optional<GatlingRun> throughput = Optional.ofNullable(runs.get(Area.THROUGHPUT.simulation()));
    Optional<PhaseFacts> timings =
        throughput.flatMap(r -> ProbeFiles.read(r.folder(), PhaseFacts.PROBE, PhaseFacts.class));
    for (BaselineComparator.LatencyMetric m : BaselineComparator.LATENCIES) {
      Optional<List<Integer>> times =
          m.request().equals(RequestNames.reply(RequestNames.BURST))
              // The judged burst is the assignment's one client; its latencies are the message
              // probe's (replies matched on a long-lived connection), Gatling logs only connects.
              ? timings
                  .flatMap(
                      t ->
                          t.phases().stream()
                              .filter(p -> p.name().equals(RequestNames.ONE_CLIENT_BURST))
                              .findFirst())
                  .map(SnapshotBuilder::answeredLatencies)
              : gatlingTimes(runs, m.request());
      times.ifPresent(
          t -> {
            latencies.put(m.request(), t);
            if (!t.isEmpty()) {
              figures.put(m.metric(), BaselineComparator.median(t));
            }
          });
    }
    Optional<GatlingRun> memory = Optional.ofNullable(runs.get(Area.MEMORY.simulation()));
    Instant started =
        runs.values().stream()
            .map(GatlingRun::start)
            .min(Comparator.naturalOrder())
            .orElse(Instant.EPOCH);
    return new RunSnapshot(
        RunSnapshot.SUITE_VERSION,
        settings.target(),
        settings.profile(),
        settings.parameters(),
        started,
        gitCommit(),
        verdict,
        figures,
        latencies,
        timings.map(t -> steps(ThroughputAnalyzer.measured(throughput.get(), t))).orElse(List.of()),
        memory.flatMap(SnapshotBuilder::memory).orElse(null));
  }

  /** Each answered message's latency in send order (-1 marks one that was not answered). */
  private static List<Integer> answeredLatencies(PhaseFacts.Phase p) {
    return p.perMessageMs() == null
        ? List.of()
        : p.perMessageMs().stream().filter(v -> v >= 0).toList();
  }

  /** The OK response times of a Gatling request, from the run that logged it. */
  private static Optional<List<Integer>> gatlingTimes(
      Map<String, GatlingRun> runs, String request) {
    for (GatlingRun run : runs.values()) {
      if (run.request(request).isPresent()) {
        return Optional.of(RawResponseTimes.read(run.folder()).getOrDefault(request, List.of()));
      }
    }
    return Optional.empty();
  }

  /** Each throughput step's try (Gatling's figures), judged by the throughput analysis' rule. */
  static List<RunSnapshot.Step> steps(List<PhaseFacts.Phase> phases) {
    return phases.stream()
        .filter(p -> RequestNames.isStep(p.name()))
        .map(
            p ->
                new RunSnapshot.Step(
                    p.name(),
                    p.planned(),
                    p.replied(),
                    p.latency() == null ? 0 : p.latency().p95(),
                    p.achievedPerSecond(),
                    ThroughputAnalyzer.stepHeld(p)))
        .toList();
  }

  /** The leak soak's measured phase on the leak verdict's own axis ({@link LeakSeries}). */
  static Optional<List<RunSnapshot.MemoryPoint>> memory(GatlingRun run) {
    Optional<LeakFacts> facts = ProbeFiles.read(run.folder(), LeakFacts.PROBE, LeakFacts.class);
    Optional<ResourceFacts> samples =
        ProbeFiles.read(run.folder(), ResourceFacts.PROBE, ResourceFacts.class);
    if (facts.isEmpty() || samples.isEmpty() || !samples.get().measured()) {
      return Optional.empty();
    }
    return LeakSeries.of(facts.get(), samples.get())
        .map(
            points ->
                points.stream()
                    .map(p -> new RunSnapshot.MemoryPoint(p.messages(), p.bytes()))
                    .toList());
  }

  /** The project's git commit (CI's GITHUB_SHA, else git itself), or null when not known. */
  static String gitCommit() {
    String sha = System.getenv("GITHUB_SHA");
    if (sha != null && !sha.isBlank()) {
      return sha.trim();
    }
    try {
      Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
