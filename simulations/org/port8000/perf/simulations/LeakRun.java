package org.port8000.perf.simulations;

import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.port8000.perf.analysis.LeakDetector;
import org.port8000.perf.analysis.LeakSeries;
import org.port8000.perf.probe.MonotonicClock;
import org.port8000.perf.probe.ResourceSampler;
import org.port8000.perf.results.LeakFacts;
import org.port8000.perf.results.ResourceFacts;

/**
 * The memory simulation's bookkeeping: what it planned and counted ({@link LeakFacts}), when each
 * measured message was answered (the leak series' axis), and the target's memory readings with
 * their checkpoints. The readings are taken once, by injector 0: {@code sampler} is null on the
 * others, whose checkpoints are then nothing.
 */
final class LeakRun {
  private final SimulationSupport support;
  private final ResourceSampler sampler;
  private final int messages;
  private final Duration duration;
  private final int cycles;
  private final int warmUpMessages;
  private final Duration warmUp;

  private final AtomicInteger warmUpAnswered = new AtomicInteger();
  private final AtomicInteger messagesStarted = new AtomicInteger();
  private final AtomicInteger messagesSettled = new AtomicInteger();
  private final AtomicInteger messagesAnswered = new AtomicInteger();
  private final AtomicInteger cyclesCompleted = new AtomicInteger();

  /** When each measured message was answered, ms after "initial": the leak series' axis. */
  private final List<Long> answeredAtMs = new ArrayList<>();

  /** When each cycle ended, ms after "initial": a merge counts every injector's cycles by it. */
  private final List<Long> cycleDoneAtMs = new ArrayList<>();

  private volatile long initialNs;
  // "initial" on the clock every injector shares (epoch ms): a merge aligns the injectors by it
  private volatile Long initialAtMs;

  /** {@code maxRun}: how long the sampler may run (on injector 0 only). */
  LeakRun(
      SimulationSupport support,
      int messages,
      int cycles,
      int warmUpMessages,
      Duration warmUp,
      Duration maxRun) {
    this.support = support;
    this.messages = messages;
    this.duration = support.settings.leakDuration();
    this.cycles = cycles;
    this.warmUpMessages = warmUpMessages;
    this.warmUp = warmUp;
    this.sampler =
        support.injector.isFirst()
            ? ResourceSampler.start(
                support.target, support.settings.samplerInterval(), support.samplingLimit(maxRun))
            : null;
    if (sampler != null) {
      support.probe(ResourceFacts.PROBE, sampler::stop);
    }
    support.probe(LeakFacts.PROBE, this::facts);
  }

  /** Whether this injector reads the target's memory. */
  boolean samples() {
    return sampler != null;
  }

  /**
   * Whether this injector judges the leak in its run: it reads the memory and is the only injector.
   * With several, injector 0's memory is the whole target's while its messages are its share, so
   * its own slope would be too steep: the merge judges the leak on every injector's messages.
   */
  boolean judgesLeak() {
    return samples() && support.injector.count() == 1;
  }

  void checkpoint(String label) {
    if (sampler != null) {
      sampler.checkpoint(label);
    }
  }

  LeakFacts facts() {
    List<Long> at;
    synchronized (answeredAtMs) {
      at = List.copyOf(answeredAtMs);
    }
    List<Long> cyclesAt;
    synchronized (cycleDoneAtMs) {
      cyclesAt = List.copyOf(cycleDoneAtMs);
    }
    return new LeakFacts(
        messages,
        duration.toSeconds(),
        cycles,
        support.target.startedByThisRun(),
        messagesAnswered.get(),
        cyclesCompleted.get(),
        warmUpMessages,
        warmUp.toSeconds(),
        warmUpAnswered.get(),
        at,
        initialAtMs,
        cyclesAt,
        1,
        0,
        0,
        null,
        null);
  }

  /**
   * The leak verdict as the report computes it (the same series and detector, on the samples so
   * far: the series ends at the "after messages" checkpoint, before the cycles): FAIL when a leak
   * is detected; PASS too when there is no verdict (the report says "not measured").
   */
  String verdict() {
    Optional<LeakDetector.Verdict> v =
        LeakSeries.of(facts(), sampler.result()).flatMap(LeakDetector::analyze);
    return v.filter(LeakDetector.Verdict::leak)
        .map(x -> "FAIL: leak detected, " + x.statistic())
        .orElse(Verdicts.PASS);
  }

  Session warmUpSettled(Session s) {
    if (!s.getBoolean(RoundTrips.LOST)) {
      warmUpAnswered.incrementAndGet();
    }
    return s;
  }

  /** The first measured message marks "initial": the warm-up phase has ended (inSequence). */
  Session messageStarted(Session s) {
    if (messagesStarted.getAndIncrement() == 0) {
      initialNs = System.nanoTime();
      initialAtMs = MonotonicClock.nowMillis();
      checkpoint(LeakFacts.INITIAL);
    }
    return s;
  }

  Session messageSettled(Session s) {
    if (!s.getBoolean(RoundTrips.LOST)) {
      messagesAnswered.incrementAndGet();
      synchronized (answeredAtMs) {
        answeredAtMs.add((System.nanoTime() - initialNs) / 1_000_000);
      }
    }
    if (messagesSettled.incrementAndGet() == messages) {
      checkpoint(LeakFacts.afterMessagesLabel(messages));
    }
    return s;
  }

  /** {@code cycle} counts from this injector's first cycle id + 1. */
  Session cycleDone(Session s, int cycle) {
    if (!s.isFailed()) {
      cyclesCompleted.incrementAndGet();
    }
    synchronized (cycleDoneAtMs) {
      cycleDoneAtMs.add((System.nanoTime() - initialNs) / 1_000_000);
    }
    checkpoint(LeakFacts.afterCycleLabel(cycle));
    return s;
  }
}
