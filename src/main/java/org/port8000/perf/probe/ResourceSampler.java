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
import org.port8000.perf.results.ResourceSamples;
import org.port8000.perf.results.ResourceSamples.Checkpoint;
import org.port8000.perf.results.ResourceSamples.Sample;
import org.port8000.perf.target.RunningTarget;

/**
 * Samples the target's resident memory and CPU on a daemon thread for the whole simulation: from
 * its PID and that process's descendants when it runs here (OSHI, {@link ProcessTree}), else from
 * its {@code /metrics} (one process). The simulation marks named checkpoints as it goes; each gets
 * a fresh reading. Sampling ends on {@link #stop()}, after {@code maxRun}, or when the target dies
 * or stops answering (recorded with its time).
 *
 * <p>All readings happen on the one sampler thread, so a checkpoint marked from a Gatling action
 * never blocks Gatling's threads: the reading is queued and its future completes when taken.
 */
public final class ResourceSampler implements AutoCloseable {
  /** Consecutive unanswered {@code /metrics} reads after which the target counts as lost. */
  private static final int METRICS_FAILURES_FOR_LOST = 3;

  private final ScheduledExecutorService thread;
  private final ProcessReader reader;
  private final String source;
  private final String sourceReason;
  private final long intervalMs;
  private final long t0 = System.nanoTime();
  private final Instant startedAt = Instant.now();
  private final List<Sample> samples = new ArrayList<>();
  private final List<Checkpoint> checkpoints = new ArrayList<>();
  private ScheduledFuture<?> periodic;
  private ProcessReading previous;
  private long previousT;
  private int failures;
  private Long lostAtMs;
  private String lostReason;
  private Long endedMs;

  private ResourceSampler(
      ProcessReader reader, String source, String sourceReason, Duration interval) {
    this.reader = reader;
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
   * the latest, so a forgotten sampler cannot run on.
   */
  public static ResourceSampler start(RunningTarget target, Duration interval, Duration maxRun) {
    ResourceSampler s = choose(target, interval);
    synchronized (s) {
      if (s.reader != null) {
        s.periodic =
            s.thread.scheduleAtFixedRate(s::sample, 0, s.intervalMs, TimeUnit.MILLISECONDS);
      }
      s.thread.schedule(s::stopNow, maxRun.toMillis(), TimeUnit.MILLISECONDS);
    }
    return s;
  }

  private static ResourceSampler choose(RunningTarget target, Duration interval) {
    String pidProblem;
    if (target.pid().isPresent()) {
      long pid = target.pid().getAsLong();
      Optional<PidReader> pr = PidReader.open(pid);
      if (pr.isPresent()) {
        return new ResourceSampler(pr.get(), ResourceSamples.PID, "read on this machine", interval);
      }
      pidProblem = "no process has the target's PID " + pid;
    } else {
      pidProblem = "the target's PID is not known (not started by this run; -Dtarget.pid not set)";
    }
    MetricsReader mr = new MetricsReader(target.baseUrl());
    if (mr.read().isPresent()) {
      return new ResourceSampler(
          mr,
          ResourceSamples.METRICS,
          "read from "
              + target.baseUrl()
              + "/metrics because "
              + pidProblem
              + "; the figure"
              + " covers the one process that exports it, not any child processes",
          interval);
    }
    return new ResourceSampler(
        null,
        ResourceSamples.NONE,
        pidProblem + ", and " + mr.lastFailure() + ": set -Dtarget.pid to the server's process id",
        interval);
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
      thread.execute(() -> done.complete(takeCheckpoint(label, t)));
    } catch (RejectedExecutionException e) {
      // sampling already stopped: the moment is still recorded, without a reading
      done.complete(record(new Checkpoint(label, t, null)));
    }
    return done;
  }

  private synchronized Checkpoint takeCheckpoint(String label, long t) {
    Long rss = null;
    if (reader != null && lostAtMs == null && endedMs == null) {
      Optional<ProcessReading> r = reader.read();
      if (r.isPresent()) {
        rss = r.get().rssBytes();
      }
    }
    return record(new Checkpoint(label, t, rss));
  }

  private synchronized Checkpoint record(Checkpoint c) {
    checkpoints.add(c);
    return c;
  }

  private synchronized void sample() {
    if (endedMs != null || lostAtMs != null) {
      return;
    }
    long t = now();
    Optional<ProcessReading> r = reader.read();
    if (r.isEmpty()) {
      failures++;
      // a dead PID is final; a silent /metrics may be a hiccup, so it needs a few in a row
      if (ResourceSamples.PID.equals(source) || failures >= METRICS_FAILURES_FOR_LOST) {
        lostAtMs = t;
        lostReason = reader.lastFailure();
        if (periodic != null) {
          periodic.cancel(false);
        }
      }
      return;
    }
    failures = 0;
    ProcessReading now = r.get();
    Double cpu = null;
    if (previous != null && now.cpuMillis() >= 0 && previous.cpuMillis() >= 0 && t > previousT) {
      cpu = Math.max(0, (now.cpuMillis() - previous.cpuMillis()) * 100.0 / (t - previousT));
    }
    samples.add(new Sample(t, now.rssBytes(), cpu));
    previous = now;
    previousT = t;
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
  public ResourceSamples stop() {
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
  public synchronized ResourceSamples result() {
    // the tree's processes are known only as they appear: named when the result is taken
    String reason =
        reader instanceof PidReader p ? sourceReason + " (" + p.counted() + ")" : sourceReason;
    return new ResourceSamples(
        source,
        reason,
        intervalMs,
        startedAt,
        endedMs == null ? now() : endedMs,
        lostAtMs,
        lostReason,
        samples,
        checkpoints.stream().sorted((a, b) -> Long.compare(a.t(), b.t())).toList());
  }

  @Override
  public void close() {
    stop();
  }

  private long now() {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
