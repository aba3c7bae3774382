package org.port8000.perf.baseline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.port8000.perf.results.Distribution;
import org.port8000.perf.results.RequestNames;

/** Hand-made run snapshots for the baseline tests. */
final class Snapshots {
  private Snapshots() {}

  static final Map<String, String> PARAMETERS =
      Map.of("burst.messages", "20", "throughput.steps", "10,25");

  static RunSnapshot run(
      String profile,
      String verdict,
      List<Integer> burst,
      List<RunSnapshot.Step> steps,
      List<RunSnapshot.MemoryPoint> memory) {
    return new RunSnapshot(
        RunSnapshot.SUITE_VERSION,
        "reference-server",
        profile,
        PARAMETERS,
        Instant.parse("2026-12-01T00:00:00Z"),
        null,
        verdict,
        burst.isEmpty()
            ? Map.of()
            : Map.of(
                "message.burst.latency.p95",
                Distribution.rank(burst.stream().map(Integer::doubleValue).sorted().toList(), 95)),
        burst.isEmpty() ? Map.of() : Map.of(RequestNames.reply(RequestNames.BURST), burst),
        steps,
        memory);
  }

  static RunSnapshot smoke(List<Integer> burst) {
    return run("smoke", "PASS", burst, List.of(), null);
  }

  /** n latencies around {@code centre} ms with Gaussian spread {@code sd}. */
  static List<Integer> latencies(long seed, int n, double centre, double sd) {
    Random r = new Random(seed);
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add((int) Math.round(centre + sd * r.nextGaussian()));
    }
    return out;
  }

  static RunSnapshot.Step step(String name, boolean held) {
    return new RunSnapshot.Step(
        name,
        100,
        held ? 100 : 90,
        held ? 48 : 260,
        held ? Double.parseDouble(name.replace("/s", "")) : 20.0,
        held);
  }

  /** A memory series rising {@code bytesPerMessage} per message with GC-like noise. */
  static List<RunSnapshot.MemoryPoint> memory(long seed, double bytesPerMessage) {
    Random r = new Random(seed);
    List<RunSnapshot.MemoryPoint> out = new ArrayList<>();
    for (int i = 0; i <= 80; i++) {
      double messages = i * 2.5;
      out.add(
          new RunSnapshot.MemoryPoint(
              messages, 100e6 + bytesPerMessage * messages + 300_000 * r.nextGaussian()));
    }
    return out;
  }
}
