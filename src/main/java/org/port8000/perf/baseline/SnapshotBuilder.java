package org.port8000.perf.baseline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.port8000.perf.analysis.Area;
import org.port8000.perf.analysis.AreaResult;
import org.port8000.perf.analysis.Targets;
import org.port8000.perf.probe.MessageTimings;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.LeakRunFacts;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.RawResponseTimes;
import org.port8000.perf.results.RequestStats;
import org.port8000.perf.results.ResourceSamples;

/** Builds this run's {@link RunSnapshot} from its result files and the analysis' checks. */
public final class SnapshotBuilder {
  private SnapshotBuilder() {}

  public static RunSnapshot build(BaselineSettings settings, Map<String, GatlingRun> runs,
      List<AreaResult> areas, String verdict) {
    Map<String, Double> figures = new LinkedHashMap<>();
    areas.forEach(a -> a.checks().stream().filter(c -> c.value() != null)
        .forEach(c -> figures.put(c.metric(), c.value())));
    Map<String, List<Integer>> latencies = new LinkedHashMap<>();
    for (GatlingRun run : runs.values()) {
      Map<String, List<Integer>> raw = null;
      for (BaselineComparator.LatencyMetric m : BaselineComparator.LATENCIES) {
        if (run.request(m.request()).isPresent()) {
          raw = raw == null ? RawResponseTimes.read(run.folder()) : raw;
          List<Integer> times = raw.getOrDefault(m.request(), List.of());
          latencies.put(m.request(), times);
          if (!times.isEmpty()) {
            figures.put(m.metric(), BaselineComparator.median(times));
          }
        }
      }
    }
    Optional<GatlingRun> throughput = Optional.ofNullable(runs.get(Area.THROUGHPUT.simulation()));
    Optional<GatlingRun> memory = Optional.ofNullable(runs.get(Area.MEMORY.simulation()));
    Instant started = runs.values().stream().map(GatlingRun::start).min(Comparator.naturalOrder())
        .orElse(Instant.EPOCH);
    return new RunSnapshot(RunSnapshot.SUITE_VERSION, settings.target(), settings.profile(),
        settings.parameters(), started, gitCommit(), verdict, figures, latencies,
        throughput.map(SnapshotBuilder::steps).orElse(List.of()),
        memory.flatMap(SnapshotBuilder::memory).orElse(null));
  }

  /** Each throughput step judged as the throughput analysis judges it. */
  static List<RunSnapshot.Step> steps(GatlingRun run) {
    Optional<MessageTimings.Result> timings =
        ProbeFiles.read(run.folder(), "timings", MessageTimings.Result.class);
    List<RunSnapshot.Step> steps = new ArrayList<>();
    timings.ifPresent(t -> t.phases().stream().filter(p -> !p.name().equals("burst"))
        .forEach(p -> {
          Optional<RequestStats> reply = run.request("reply " + p.name());
          long ok = reply.map(RequestStats::ok).orElse(0L);
          int p95 = reply.map(RequestStats::p95).orElse(0);
          double ratio = p.planned() == 0 ? 0 : (double) ok / p.planned();
          boolean held = ok > 0 && ratio >= Targets.STEP_REPLY_RATIO && p95 <= Targets.LATENCY_MS;
          steps.add(new RunSnapshot.Step(p.name(), p.planned(), ok, p95, p.achievedPerSecond(),
              held));
        }));
    return steps;
  }

  /**
   * The leak soak's measured phase on the leak verdict's axis: messages sent so far (injected at
   * a constant rate from the "initial" reading) against resident memory.
   */
  static Optional<List<RunSnapshot.MemoryPoint>> memory(GatlingRun run) {
    Optional<LeakRunFacts> facts = ProbeFiles.read(run.folder(), LeakRunFacts.PROBE,
        LeakRunFacts.class);
    Optional<ResourceSamples> samples = ProbeFiles.read(run.folder(), ResourceSamples.PROBE,
        ResourceSamples.class);
    if (facts.isEmpty() || samples.isEmpty() || !samples.get().measured()) {
      return Optional.empty();
    }
    LeakRunFacts f = facts.get();
    ResourceSamples s = samples.get();
    Optional<Long> start = s.checkpoint(LeakRunFacts.MESSAGES_START)
        .or(() -> s.checkpoint(LeakRunFacts.INITIAL)).map(ResourceSamples.Checkpoint::t);
    Optional<Long> end = s.checkpoint(LeakRunFacts.afterMessagesLabel(f.messages()))
        .map(ResourceSamples.Checkpoint::t);
    if (start.isEmpty() || end.isEmpty()) {
      return Optional.empty();
    }
    double durationMs = Math.max(1, f.durationSeconds() * 1000.0);
    List<RunSnapshot.MemoryPoint> points = new ArrayList<>();
    for (ResourceSamples.Sample x : s.between(start.get(), end.get())) {
      double sent = Math.min(f.messages(), f.messages() * (x.t() - start.get()) / durationMs);
      points.add(new RunSnapshot.MemoryPoint(sent, x.rssBytes()));
    }
    return Optional.of(points);
  }

  /** The project's git commit (CI's GITHUB_SHA, else git itself), or null when not known. */
  static String gitCommit() {
    String sha = System.getenv("GITHUB_SHA");
    if (sha != null && !sha.isBlank()) {
      return sha.trim();
    }
    try {
      Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true)
          .start();
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
