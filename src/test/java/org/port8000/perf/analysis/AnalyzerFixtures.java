package org.port8000.perf.analysis;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.RequestStats;
import org.port8000.perf.results.ResourceFacts;
import org.port8000.perf.results.RunFacts;

/** Hand-made run folders: probe files written as the simulations write them. */
final class AnalyzerFixtures {
  static final long MB = 1024 * 1024;

  private AnalyzerFixtures() {}

  static GatlingRun run(Path folder, String simulation, RequestStats... requests) {
    Map<String, RequestStats> m = new java.util.HashMap<>();
    for (RequestStats r : requests) {
      m.put(r.name(), r);
    }
    return new GatlingRun(folder, "org.port8000.perf.simulations." + simulation, Instant.now(), m);
  }

  static RequestStats ok(String name, long ok, long ko) {
    return new RequestStats(name, ok, ko, 1, 10, 3, 3, 8, 9);
  }

  static void meta(Path folder, boolean answered, String... notes) {
    ProbeFiles.write(
        folder,
        RunFacts.PROBE,
        new RunFacts(
            "x",
            "smoke",
            false,
            "http://127.0.0.1:1",
            true,
            1L,
            Instant.now(),
            Instant.now(),
            answered,
            List.of(notes),
            null));
  }

  /** Samples every 250 ms for {@code ms}, memory = f(t). */
  static List<ResourceFacts.Sample> series(long ms, java.util.function.LongUnaryOperator f) {
    List<ResourceFacts.Sample> s = new ArrayList<>();
    for (long t = 0; t <= ms; t += 250) {
      s.add(new ResourceFacts.Sample(t, f.applyAsLong(t), 5.0));
    }
    return s;
  }

  static ResourceFacts samples(
      List<ResourceFacts.Sample> s, List<ResourceFacts.Checkpoint> checkpoints, Long lostAt) {
    long end = s.isEmpty() ? 0 : s.get(s.size() - 1).t();
    return new ResourceFacts(
        ResourceFacts.PID,
        "read from process 1",
        250,
        Instant.now(),
        end,
        lostAt,
        lostAt == null ? null : "process 1 no longer exists",
        s,
        checkpoints);
  }

  static ResourceFacts.Checkpoint cp(String label, long t, Long rss) {
    return new ResourceFacts.Checkpoint(label, t, rss);
  }

  /** The value of the section's detail with this label. */
  static String detail(AreaResult r, String label) {
    return r.details().stream()
        .filter(d -> d.label().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no detail '" + label + "' in " + r.details()))
        .value();
  }
}
