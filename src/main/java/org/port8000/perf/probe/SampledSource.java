package org.port8000.perf.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.port8000.perf.results.ResourceFacts;
import org.port8000.perf.results.ResourceFacts.Checkpoint;
import org.port8000.perf.results.ResourceFacts.Instance;
import org.port8000.perf.results.ResourceFacts.Sample;

/**
 * One source the resource sampler reads at each tick — the target, or one instance of a target of
 * several — with its own series: CPU from its own previous reading, and its own lost state (a dead
 * PID at once; a silent {@code /metrics} after a few unanswered reads in a row, as one may be a
 * hiccup). Used only on the sampler's thread.
 */
final class SampledSource {
  /** Consecutive unanswered {@code /metrics} reads after which the source counts as lost. */
  static final int METRICS_FAILURES_FOR_LOST = 3;

  private final String name;
  private final ProcessReader reader;
  private final String reason;
  private final List<Sample> samples = new ArrayList<>();
  private final List<Checkpoint> checkpoints = new ArrayList<>();
  private ProcessReading previous;
  private long previousT;
  private int failures;
  private Long lostAtMs;
  private String lostReason;

  SampledSource(String name, ProcessReader reader, String reason) {
    this.name = name;
    this.reader = reader;
    this.reason = reason;
  }

  String name() {
    return name;
  }

  String source() {
    return reader.source();
  }

  boolean lost() {
    return lostAtMs != null;
  }

  String lostReason() {
    return lostReason;
  }

  /** What is read, naming the processes a PID's tree counted so far. */
  String describe() {
    return reader instanceof PidReader p ? reason + " (" + p.counted() + ")" : reason;
  }

  /** Reads at tick {@code t}: the sample, or empty when the read failed (see {@link #lost()}). */
  Optional<Sample> sample(long t) {
    Optional<ProcessReading> r = reader.read();
    if (r.isEmpty()) {
      failures++;
      if (ResourceFacts.PID.equals(reader.source()) || failures >= METRICS_FAILURES_FOR_LOST) {
        lostAtMs = t;
        lostReason = reader.lastFailure();
      }
      return Optional.empty();
    }
    failures = 0;
    ProcessReading now = r.get();
    Double cpu = null;
    if (previous != null && now.cpuMillis() >= 0 && previous.cpuMillis() >= 0 && t > previousT) {
      cpu = Math.max(0, (now.cpuMillis() - previous.cpuMillis()) * 100.0 / (t - previousT));
    }
    Sample s = new Sample(t, now.rssBytes(), cpu);
    samples.add(s);
    previous = now;
    previousT = t;
    return Optional.of(s);
  }

  /** A reading for a checkpoint (memory null when it could not be taken), recorded here too. */
  Checkpoint checkpoint(String label, long t, boolean read) {
    Long rss = null;
    if (read && !lost()) {
      rss = reader.read().map(ProcessReading::rssBytes).orElse(null);
    }
    Checkpoint c = new Checkpoint(label, t, rss);
    checkpoints.add(c);
    return c;
  }

  Instance result() {
    return new Instance(
        name,
        reader.source(),
        describe(),
        lostAtMs,
        lostReason,
        samples,
        checkpoints.stream().sorted((a, b) -> Long.compare(a.t(), b.t())).toList());
  }
}
