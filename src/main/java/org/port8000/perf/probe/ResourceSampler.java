package org.port8000.perf.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.port8000.perf.config.Settings;
import org.port8000.perf.config.TargetInstance;
import org.port8000.perf.results.ResourceFacts;
import org.port8000.perf.results.ResourceFacts.Checkpoint;
import org.port8000.perf.results.ResourceFacts.Sample;
import org.port8000.perf.target.RunningTarget;

/**
 * Samples the target's resident memory and CPU on a daemon thread for the whole simulation: from
 * its PID and that process's descendants when it runs here (OSHI, {@link ProcessTree}), else from
 * its {@code /metrics} (one process). A target of several instances ({@code -Dtarget.instances})
 * has each instance read at every tick, kept per instance, and its figures are their sum. The
 * simulation marks named checkpoints as it goes; each gets a fresh reading. Sampling ends on {@link
 * #stop()}, after {@code maxRun}, or when the target (any of its instances) dies or stops answering
 * (recorded with its time).
 *
 * <p>All readings happen on the one sampler thread, so a checkpoint marked from a Gatling action
 * never blocks Gatling's threads: the reading is queued and its future completes when taken.
 */
public final class ResourceSampler implements AutoCloseable {
  private final ScheduledExecutorService thread;

  /** Empty when nothing can be read; one for a target of one process; one per instance. */
  private final List<SampledSource> sources;

  private final boolean perInstance;
  private final String source;
  private final String sourceReason;
  private final long intervalMs;
  private final long t0 = System.nanoTime();
  private final Instant startedAt = Instant.now();
  private final List<Sample> samples = new ArrayList<>();
  private final List<Checkpoint> checkpoints = new ArrayList<>();
  private ScheduledFuture<?> periodic;
  private Long lostAtMs;
  private String lostReason;
  private Long endedMs;

  private ResourceSampler(
      List<SampledSource> sources,
      boolean perInstance,
      String source,
      String sourceReason,
      Duration interval) {
    this.sources = List.copyOf(sources);
    this.perInstance = perInstance;
    this.source = source;
    this.sourceReason = sourceReason;
    this.intervalMs = interval.toMillis();
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "resource-sampler");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts sampling {@code target} every {@code interval}; stops by itself after {@code maxRun} at
   * the latest, so a forgotten sampler cannot run on. The target's instances come from the run's
   * settings ({@code -Dtarget.instances}).
   */
  public static ResourceSampler start(RunningTarget target, Duration interval, Duration maxRun) {
    return start(target, Settings.load().targetInstances(), interval, maxRun);
  }

  /** The same, for a target of these instances (none: the target's own PID or /metrics). */
  public static ResourceSampler start(
      RunningTarget target, List<TargetInstance> instances, Duration interval, Duration maxRun) {
    ResourceSampler s =
        instances.isEmpty() ? choose(target, interval) : InstanceSources.open(instances, interval);
    synchronized (s) {
      if (!s.sources.isEmpty()) {
        s.periodic =
            s.thread.scheduleAtFixedRate(s::sample, 0, s.intervalMs, TimeUnit.MILLISECONDS);
      }
      s.thread.schedule(s::stopNow, maxRun.toMillis(), TimeUnit.MILLISECONDS);
    }
    return s;
  }

  /** Samples these instances, whose sum is the target. */
  static ResourceSampler ofInstances(
      List<SampledSource> instances, String source, String reason, Duration interval) {
    return new ResourceSampler(instances, true, source, reason, interval);
  }

  /** Samples nothing: {@code why} says why nothing can be read. */
  static ResourceSampler none(String why, Duration interval) {
    return new ResourceSampler(List.of(), false, ResourceFacts.NONE, why, interval);
  }

  private static ResourceSampler choose(RunningTarget target, Duration interval) {
    String pidProblem;
    if (target.pid().isPresent()) {
      long pid = target.pid().getAsLong();
      Optional<PidReader> pr = PidReader.open(pid);
      if (pr.isPresent()) {
        return one(pr.get(), "read on this machine", interval);
      }
      pidProblem = "no process has the target's PID " + pid;
    } else {
      pidProblem = "the target's PID is not known (not started by this run; -Dtarget.pid not set)";
    }
    MetricsReader mr = MetricsReader.of(target.baseUrl());
    if (mr.read().isPresent()) {
      return one(
          mr,
          "read from "
              + target.baseUrl()
              + "/metrics because "
              + pidProblem
              + "; the figure"
              + " covers the one process that exports it, not any child processes",
          interval);
    }
    return none(
        pidProblem + ", and " + mr.lastFailure() + ": set -Dtarget.pid to the server's process id",
        interval);
  }

  private static ResourceSampler one(ProcessReader reader, String reason, Duration interval) {
    return new ResourceSampler(
        List.of(new SampledSource(null, reader, reason)), false, reader.source(), reason, interval);
  }

  /** How results name where the readings came from: "pid", "metrics" or "none". */
  public String source() {
    return source;
  }

  /**
   * Marks a named moment now; its reading is taken on the sampler thread at once. The future
   * completes with the checkpoint (memory null if it could not be read).
   */
  public CompletableFuture<Checkpoint> checkpoint(String label) {
    long t = now();
    CompletableFuture<Checkpoint> done = new CompletableFuture<>();
    try {
      thread.execute(() -> done.complete(takeCheckpoint(label, t, true)));
    } catch (RejectedExecutionException e) {
      // sampling already stopped: the moment is still recorded, without a reading
      done.complete(takeCheckpoint(label, t, false));
    }
    return done;
  }

  /** A reading of every source; the target's memory is their sum, null if any is missing. */
  private synchronized Checkpoint takeCheckpoint(String label, long t, boolean read) {
    boolean reading = read && lostAtMs == null && endedMs == null;
    Long sum = sources.isEmpty() ? null : 0L;
    for (SampledSource src : sources) {
      Long rss = src.checkpoint(label, t, reading).rssBytes();
      sum = sum == null || rss == null ? null : sum + rss;
    }
    Checkpoint c = new Checkpoint(label, t, reading ? sum : null);
    checkpoints.add(c);
    return c;
  }

  /** One tick: every source read; the target's sample is their sum when all were read. */
  private synchronized void sample() {
    if (endedMs != null || lostAtMs != null) {
      return;
    }
    long t = now();
    long rss = 0;
    Double cpu = 0.0;
    boolean all = true;
    for (SampledSource src : sources) {
      Optional<Sample> s = src.sample(t);
      if (s.isEmpty()) {
        all = false;
        if (src.lost() && lostAtMs == null) {
          lostAtMs = t;
          lostReason = src.name() == null ? src.lostReason() : src.name() + ": " + src.lostReason();
        }
        continue;
      }
      rss += s.get().rssBytes();
      cpu = cpu == null || s.get().cpuPercent() == null ? null : cpu + s.get().cpuPercent();
    }
    if (lostAtMs != null && periodic != null) {
      periodic.cancel(false);
    }
    if (all) {
      samples.add(new Sample(t, rss, cpu));
    }
  }

  private synchronized void stopNow() {
    if (endedMs == null) {
      endedMs = now();
    }
    if (periodic != null) {
      periodic.cancel(false);
    }
    thread.shutdown();
  }

  /** Stops sampling (idempotent) and returns everything measured. */
  public ResourceFacts stop() {
    // queued checkpoints are taken before the stop, so none is lost
    try {
      thread.submit(this::stopNow).get(10, TimeUnit.SECONDS);
    } catch (RejectedExecutionException e) {
      // already stopped
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopNow();
    } catch (Exception e) {
      stopNow();
    }
    return result();
  }

  /** What has been measured so far (a copy). */
  public synchronized ResourceFacts result() {
    // the trees' processes are known only as they appear: named when the result is taken
    String reason =
        perInstance
            ? sourceReason
                + ": "
                + sources.stream()
                    .map(s -> s.name() + " = " + s.describe())
                    .collect(Collectors.joining("; "))
            : sources.isEmpty() ? sourceReason : sources.get(0).describe();
    return new ResourceFacts(
        source,
        reason,
        intervalMs,
        startedAt,
        endedMs == null ? now() : endedMs,
        lostAtMs,
        lostReason,
        samples,
        checkpoints.stream().sorted((a, b) -> Long.compare(a.t(), b.t())).toList(),
        perInstance ? sources.stream().map(SampledSource::result).toList() : List.of());
  }

  @Override
  public void close() {
    stop();
  }

  private long now() {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
