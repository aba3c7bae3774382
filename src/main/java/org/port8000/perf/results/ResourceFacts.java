package org.port8000.perf.results;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The target's memory and CPU over one simulation ({@code probe-resources.json}), as the resource
 * sampler measured them.
 *
 * @param source "pid" (read from the local process), "metrics" (the target's {@code /metrics}) or
 *     "none" (nothing could be read; {@code sourceReason} says why)
 * @param sourceReason why this source was chosen, or why there was none
 * @param intervalMs the sampling interval asked for
 * @param startedAt wall-clock time of t = 0
 * @param endedMs when sampling ended (ms since start)
 * @param targetLostAtMs when the target was found dead or stopped answering; null if it never was
 * @param targetLostReason what was seen then; null if the target was never lost
 * @param instances a target of several instances ({@code -Dtarget.instances}): each one's own
 *     readings, while {@code samples} and {@code checkpoints} hold their sum; empty for a target of
 *     one process
 */
public record ResourceFacts(
    String source,
    String sourceReason,
    long intervalMs,
    Instant startedAt,
    long endedMs,
    Long targetLostAtMs,
    String targetLostReason,
    List<Sample> samples,
    List<Checkpoint> checkpoints,
    List<Instance> instances) {

  public static final String PROBE = "resources";
  public static final String PID = "pid";
  public static final String METRICS = "metrics";
  public static final String NONE = "none";

  public ResourceFacts {
    samples = samples == null ? List.of() : List.copyOf(samples);
    checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
    instances = instances == null ? List.of() : List.copyOf(instances);
  }

  /** A target of one process. */
  public ResourceFacts(
      String source,
      String sourceReason,
      long intervalMs,
      Instant startedAt,
      long endedMs,
      Long targetLostAtMs,
      String targetLostReason,
      List<Sample> samples,
      List<Checkpoint> checkpoints) {
    this(
        source,
        sourceReason,
        intervalMs,
        startedAt,
        endedMs,
        targetLostAtMs,
        targetLostReason,
        samples,
        checkpoints,
        List.of());
  }

  /**
   * One instance of a target of several, on the same time axis as the sum.
   *
   * @param name the instance as {@code -Dtarget.instances} names it, e.g. {@code pid:1234}
   * @param source "pid" or "metrics"
   * @param sourceReason what was read, e.g. the processes counted
   * @param lostAtMs when this instance was found dead or stopped answering; null if never
   */
  public record Instance(
      String name,
      String source,
      String sourceReason,
      Long lostAtMs,
      String lostReason,
      List<Sample> samples,
      List<Checkpoint> checkpoints) {
    public Instance {
      samples = samples == null ? List.of() : List.copyOf(samples);
      checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
    }

    public Optional<Checkpoint> checkpoint(String label) {
      return checkpoints.stream().filter(c -> c.label().equals(label)).findFirst();
    }

    /** The samples taken from {@code fromMs} to {@code toMs} (inclusive). */
    public List<Sample> between(long fromMs, long toMs) {
      return samples.stream().filter(s -> s.t() >= fromMs && s.t() <= toMs).toList();
    }
  }

  /** True for a target of several instances, each with its own readings. */
  public boolean perInstance() {
    return !instances.isEmpty();
  }

  /**
   * One reading.
   *
   * @param t ms since the sampler started
   * @param rssBytes resident set size of the target
   * @param cpuPercent CPU used since the previous reading, in % of one core; null for the first
   */
  public record Sample(long t, long rssBytes, Double cpuPercent) {}

  /**
   * A named moment the simulation marked, with a reading taken for it.
   *
   * @param rssBytes null when no reading could be taken (no source, or the target was gone)
   */
  public record Checkpoint(String label, long t, Long rssBytes) {}

  public boolean measured() {
    return !NONE.equals(source) && !samples.isEmpty();
  }

  public boolean targetLost() {
    return targetLostAtMs != null;
  }

  public Optional<Checkpoint> checkpoint(String label) {
    return checkpoints.stream().filter(c -> c.label().equals(label)).findFirst();
  }

  /** Highest resident memory seen, if anything was measured. */
  public Optional<Long> peakRssBytes() {
    return samples.stream().map(Sample::rssBytes).max(Long::compare);
  }

  /** The samples taken from {@code fromMs} to {@code toMs} (inclusive). */
  public List<Sample> between(long fromMs, long toMs) {
    return samples.stream().filter(s -> s.t() >= fromMs && s.t() <= toMs).toList();
  }
}
