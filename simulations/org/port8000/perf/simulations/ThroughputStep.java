package org.port8000.perf.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.port8000.perf.analysis.StepRule;
import org.port8000.perf.probe.MessageTimings;
import org.port8000.perf.probe.MonotonicClock;
import org.port8000.perf.results.PhaseFacts;
import org.port8000.perf.results.RequestNames;

/**
 * One try of a throughput step (or the warm-up): a pool of connection users, each sending {@code
 * perUser} messages one per {@code pace}, their first sends spread over one pace. The step is named
 * by its full rate; this injector offers its share of it ({@code share}), so several injectors
 * together offer the full rate. A retry runs only when its first try broke.
 */
final class ThroughputStep {
  /** A step's connections open during this lead, before its first message is due. */
  static final Duration LEAD = Duration.ofMillis(1500);

  final String name;
  final int rate;
  final double share;
  final int users;
  final Duration pace;
  final int perUser;
  private final Duration stepDuration;
  private final Duration wait;
  private final MessageTimings.Recorder recorder;
  private final ThroughputStep first;
  private final SimulationSupport support;
  private final AtomicLong startMs = new AtomicLong();
  private final AtomicInteger nextUser = new AtomicInteger();
  private final AtomicInteger usersDone = new AtomicInteger();
  private volatile ThroughputStep retry;
  private volatile Boolean runs;

  private ThroughputStep(
      String name,
      int rate,
      double share,
      Duration duration,
      Duration wait,
      MessageTimings timings,
      ThroughputStep first,
      SimulationSupport support) {
    this.name = name;
    this.rate = rate;
    this.share = share;
    this.users = RoundTrips.poolSize(share);
    // Exactly `share` msg/s from whole users: each paces at users / share.
    this.pace = Duration.ofMillis(Math.round(users * 1000.0 / share));
    this.perUser = (int) Math.max(1, Math.round(duration.toMillis() / (double) pace.toMillis()));
    this.stepDuration = duration;
    this.wait = wait;
    this.first = first;
    this.support = support;
    this.recorder =
        timings == null ? null : timings.gatlingTimed(name, users * perUser, share, users);
  }

  /** The warm-up at {@code share} msg/s (this injector's share of the first step): not recorded. */
  static ThroughputStep warmup(int rate, double share, Duration duration) {
    return new ThroughputStep(
        RequestNames.WARMUP, rate, share, duration, Duration.ZERO, null, null, null);
  }

  static ThroughputStep first(
      MessageTimings timings, int rate, double share, Duration duration, SimulationSupport s) {
    return new ThroughputStep(
        RequestNames.step(rate), rate, share, duration, Duration.ZERO, timings, null, s);
  }

  static ThroughputStep retry(
      MessageTimings timings, ThroughputStep first, Duration coolDown, SimulationSupport s) {
    ThroughputStep r =
        new ThroughputStep(
            RequestNames.stepRetry(first.rate),
            first.rate,
            first.share,
            first.stepDuration,
            coolDown,
            timings,
            first,
            s);
    first.retry = r;
    return r;
  }

  boolean isRetry() {
    return first != null;
  }

  MessageTimings.Recorder recorder() {
    return recorder;
  }

  /** The try that decides this step: its retry when one ran, else this one. */
  ThroughputStep finalTry() {
    ThroughputStep r = retry;
    return r != null && r.recorder.sent() > 0 ? r : this;
  }

  StepRule.Figures figures() {
    return new StepRule.Figures(
        recorder.planned(), recorder.answered(), recorder.ownP95(), recorder.lateSends());
  }

  /** By the report's rule, on this run's own round-trip times. */
  boolean held() {
    return StepRule.held(figures());
  }

  /** A first try always runs; a retry only when its first try broke (decided once). */
  boolean runs() {
    if (first == null) {
      return true;
    }
    if (runs == null) {
      synchronized (this) {
        if (runs == null) {
          runs = !first.held();
          if (runs) {
            System.out.println(
                "[perf] step "
                    + first.name
                    + " broke ("
                    + String.join(", ", StepRule.why(first.figures()))
                    + "): repeating it after "
                    + wait.toSeconds()
                    + " s");
          }
        }
      }
    }
    return runs;
  }

  private long start() {
    startMs.compareAndSet(0, MonotonicClock.nowMillis() + wait.toMillis() + LEAD.toMillis());
    return startMs.get();
  }

  /** User k's first send: the users' slots spread evenly over one pace. */
  private long slotMs(int k) {
    return start() + Math.round((k % users) * pace.toMillis() / (double) users);
  }

  /** No send starts after this: a target that stops answering cannot stretch a step. */
  private long deadlineMs(Duration replyTimeout) {
    return start() + stepDuration.toMillis() + pace.toMillis() + replyTimeout.toMillis();
  }

  private void userDone() {
    if (usersDone.incrementAndGet() == users && recorder != null) {
      recorder.finished();
      if (support != null) {
        support.writeProbe(PhaseFacts.PROBE);
      }
    }
  }

  /** The step's connection users: connect during the lead, paced round trips, then close. */
  PopulationBuilder population(RoundTrips trips, Duration replyTimeout) {
    ChainBuilder user =
        exec(session -> session.set("slot", slotMs(nextUser.getAndIncrement())))
            .exec(ws(RequestNames.connect(name)).connect("/ws"))
            .doIf(session -> !session.isFailed())
            .then(
                pause(
                    session ->
                        Duration.ofMillis(
                            Math.max(0, session.getLong("slot") - MonotonicClock.nowMillis()))),
                asLongAs(
                        session ->
                            session.getInt("n") < perUser
                                && MonotonicClock.nowMillis() < deadlineMs(replyTimeout),
                        "n")
                    .on(pace(pace), trips.roundTrip(name, recorder, pace)),
                exec(ws(RequestNames.close(name)).close()))
            .exec(Phases.checkpoint(this::userDone));
    return scenario(name)
        .doIf(session -> runs())
        .then(user)
        .injectOpen(rampUsers(users).during(LEAD));
  }
}
