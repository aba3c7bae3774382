package org.port8000.perf.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.http.WsFrameCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.port8000.perf.analysis.StepRule;
import org.port8000.perf.analysis.Thresholds;
import org.port8000.perf.probe.MessageTimings;
import org.port8000.perf.probe.MonotonicClock;
import org.port8000.perf.results.PhaseTimings;
import org.port8000.perf.results.RequestNames;

/**
 * Chat round trips in Gatling's idiom, for every simulation that sends chat messages: one message
 * in flight per connection, {@code sendText(…).await(replyTimeout).on(checks)}. The reply check
 * matches the next {@code response} or {@code error} frame (in order: the socket is replaced after
 * any KO, so no id is needed) and skips {@code stream} frames; an error frame, a reply matching
 * {@code reply.errorPattern}, a timeout or a closed socket is a KO with its reason. When the target
 * streams, "first token" is a check of its own before it in the same sequence, so both are timed
 * from the send. Also the paced step pools, and the Gatling assertions and verdicts, each from the
 * analysis' own {@link Thresholds} and {@link StepRule}.
 */
final class RoundTrips {

  /** A step connection sends one message at most this often: twice the latency target. */
  static final Duration PACE = Duration.ofMillis(2 * (long) Thresholds.LATENCY.limit());

  /** A chat message with an id, for the one-client burst, whose replies the probe matches. */
  static final String MESSAGE =
      "{\"type\":\"message\",\"content\":\"perf #{id}\",\"id\":\"#{id}\"}";

  /** A round trip's chat message: one is in flight per connection, so it needs no id. */
  static final String CHAT = "{\"type\":\"message\",\"content\":\"perf\"}";

  /** A frame's {@code type} (its first {@code "type"} member), without parsing the JSON. */
  private static final String TYPE = "\"type\"\\s*:\\s*\"([a-z_]+)\"";

  /** The verdict requests' expected value: anything else is the KO's reason. */
  static final String PASS = "PASS";

  private static final String SENT_AT = "sentAt";
  private static final String LAST_RT = "lastRt";

  /** Set after every round trip: true when it was a KO. */
  static final String LOST = "lost";

  private final Pattern errorPattern;
  private final Duration replyTimeout;
  private final boolean streams;
  private final BooleanSupplier targetAlive;

  RoundTrips(
      Pattern errorPattern, Duration replyTimeout, boolean streams, BooleanSupplier targetAlive) {
    this.errorPattern = errorPattern;
    this.replyTimeout = replyTimeout;
    this.streams = streams;
    this.targetAlive = targetAlive;
  }

  /** Connections a step needs so that each sends at most one message per {@link #PACE}. */
  static int poolSize(int ratePerSecond) {
    return (int) Math.max(1, Math.ceil(ratePerSecond * PACE.toMillis() / 1000.0));
  }

  /**
   * One round trip on the user's open socket: the reply (and first token) checks, the paced send's
   * lateness and the outcome to {@code recorder} (none for the warm-up). {@code pace}: the user's
   * pace, or null when it sends once. One message is in flight per connection, so its reply is the
   * next final frame: no id is needed. After any KO the socket is replaced, so a late reply cannot
   * be taken for the next message's; a dead target (checked only then: it makes every message a KO)
   * stops the load.
   */
  ChainBuilder roundTrip(String phase, MessageTimings.Recorder recorder, Duration pace) {
    long paceMs = pace == null ? -1 : pace.toMillis();
    return exec(session -> {
          long now = MonotonicClock.nowMillis();
          if (recorder != null) {
            long last = paceMs < 0 || !session.contains(LAST_RT) ? -1 : session.getLong(LAST_RT);
            recorder.pacedSend(now, last < 0 ? 0 : last - paceMs);
          }
          return session.set(SENT_AT, now);
        })
        .exec(ws(RequestNames.send(phase)).sendText(CHAT).await(replyTimeout).on(checks(phase)))
        .exec(
            session -> {
              long now = MonotonicClock.nowMillis();
              long rt = now - session.getLong(SENT_AT);
              boolean ok = !session.isFailed();
              if (recorder != null) {
                recorder.roundTrip(now, rt, ok);
              }
              // LOST stays readable after the round trip (the memory simulation counts by it).
              return ok
                  ? session.set(LAST_RT, rt).set(LOST, false)
                  : session.set(LAST_RT, rt).set(LOST, true).markAsSucceeded();
            })
        .doIf(session -> session.getBoolean(LOST))
        .then(
            // A dead target would otherwise make every later message wait out its timeout.
            stopLoadGeneratorIf(
                s -> "the target stopped running", s -> !targetAlive.getAsBoolean()),
            exec(ws(RequestNames.close(phase)).close()),
            exec(ws(RequestNames.connect(phase)).connect("/ws")));
  }

  /**
   * The reply (and first token) checks. Frames are told apart by a regex on their {@code type} (no
   * JSON parse of every stream frame); the matched frames' checks are strict JSON, so a frame the
   * regex took for a reply or a first token by mistake is a KO, never a silent pass.
   */
  private WsFrameCheck[] checks(String phase) {
    WsFrameCheck reply =
        ws.checkTextMessage(RequestNames.reply(phase))
            .matching(frameOf("response", "error"))
            .check(
                jsonPath("$.type").is("response"),
                jsonPath("$.content")
                    .transform(
                        c -> errorPattern.matcher(c).find() ? "an error reply: " + c : "a reply")
                    .is("a reply"));
    if (!streams) {
      return new WsFrameCheck[] {reply};
    }
    // Matches the final frames too: the reply without any stream frame is a KO here, not a
    // frame this check swallows silently while the reply check waits out its timeout.
    WsFrameCheck firstToken =
        ws.checkTextMessage(RequestNames.firstToken(phase))
            .matching(frameOf("stream", "response", "error"))
            .check(jsonPath("$.type").is("stream"));
    return new WsFrameCheck[] {firstToken, reply};
  }

  private static CheckBuilder frameOf(String... types) {
    return regex(TYPE).in(types);
  }

  /**
   * One try of a throughput step (or the warm-up): {@code users} connections, each sending {@code
   * perUser} messages one per {@code pace}, their first sends spread over one pace.
   */
  static final class Step {
    final String name;
    final int rate;
    final int users;
    final Duration pace;
    final int perUser;
    private final Duration stepDuration;
    private final Duration wait;
    private final MessageTimings.Recorder recorder;
    private final Step first;
    private final SimulationSupport support;
    private final AtomicLong startMs = new AtomicLong();
    private final AtomicInteger nextUser = new AtomicInteger();
    private final AtomicInteger usersDone = new AtomicInteger();
    private volatile Step retry;
    private volatile Boolean runs;

    private Step(
        String name,
        int rate,
        Duration duration,
        Duration wait,
        MessageTimings timings,
        Step first,
        SimulationSupport support) {
      this.name = name;
      this.rate = rate;
      this.users = poolSize(rate);
      // Exactly `rate` msg/s from whole users: each paces at users / rate.
      this.pace = Duration.ofMillis(Math.round(users * 1000.0 / rate));
      this.perUser = (int) Math.max(1, Math.round(duration.toMillis() / (double) pace.toMillis()));
      this.stepDuration = duration;
      this.wait = wait;
      this.first = first;
      this.support = support;
      this.recorder =
          timings == null ? null : timings.gatlingTimed(name, users * perUser, rate, users);
    }

    static Step warmup(int rate, Duration duration) {
      return new Step(RequestNames.WARMUP, rate, duration, Duration.ZERO, null, null, null);
    }

    static Step first(
        MessageTimings timings, int rate, Duration duration, SimulationSupport support) {
      return new Step(
          RequestNames.step(rate), rate, duration, Duration.ZERO, timings, null, support);
    }

    static Step retry(
        MessageTimings timings, Step first, Duration coolDown, SimulationSupport support) {
      Step r =
          new Step(
              RequestNames.stepRetry(first.rate),
              first.rate,
              first.stepDuration,
              coolDown,
              timings,
              first,
              support);
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
    Step finalTry() {
      Step r = retry;
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

    long start() {
      startMs.compareAndSet(
          0,
          MonotonicClock.nowMillis()
              + wait.toMillis()
              + MessageThroughputSimulation.LEAD.toMillis());
      return startMs.get();
    }

    /** User k's first send: the users' slots spread evenly over one pace. */
    long slotMs(int k) {
      return start() + Math.round((k % users) * pace.toMillis() / (double) users);
    }

    /** No send starts after this: a target that stops answering cannot stretch a step. */
    long deadlineMs(Duration replyTimeout) {
      return start() + stepDuration.toMillis() + pace.toMillis() + replyTimeout.toMillis();
    }

    void userDone() {
      if (usersDone.incrementAndGet() == users && recorder != null) {
        recorder.finished();
        if (support != null) {
          support.writeProbe(PhaseTimings.PROBE);
        }
      }
    }
  }

  /** A step's connection users: connect during the lead, then paced round trips, then close. */
  PopulationBuilder step(Step step) {
    ChainBuilder user =
        exec(session -> session.set("slot", step.slotMs(step.nextUser.getAndIncrement())))
            .exec(ws(RequestNames.connect(step.name)).connect("/ws"))
            .doIf(session -> !session.isFailed())
            .then(
                pause(
                    session ->
                        Duration.ofMillis(
                            Math.max(0, session.getLong("slot") - MonotonicClock.nowMillis()))),
                asLongAs(
                        session ->
                            session.getInt("n") < step.perUser
                                && MonotonicClock.nowMillis() < step.deadlineMs(replyTimeout),
                        "n")
                    .on(pace(step.pace), roundTrip(step.name, step.recorder, step.pace)),
                exec(ws(RequestNames.close(step.name)).close()))
            .exec(
                session -> {
                  step.userDone();
                  return session;
                });
    return scenario(step.name)
        .doIf(session -> step.runs())
        .then(user)
        .injectOpen(rampUsers(step.users).during(MessageThroughputSimulation.LEAD));
  }

  /** The one-client burst as the report judges it (p95, average, none dropped). */
  static String burstVerdict(long planned, long replied, PhaseTimings.Latency latency) {
    if (latency == null) {
      return "FAIL: no reply arrived";
    }
    List<String> w = new ArrayList<>();
    if (!Thresholds.LATENCY.met(latency.p95())) {
      w.add("p95 " + latency.p95() + " ms (needs " + Thresholds.LATENCY.prose() + ")");
    }
    if (!Thresholds.LATENCY.met(latency.mean())) {
      w.add("average " + latency.mean() + " ms (needs " + Thresholds.LATENCY.prose() + ")");
    }
    if (planned > replied) {
      w.add((planned - replied) + " of " + planned + " messages not answered");
    }
    return w.isEmpty() ? PASS : "FAIL: " + String.join(", ", w);
  }

  /** The sustained rate as the report judges it: the highest step that held, by its rate. */
  static String sustainedVerdict(Optional<Double> highestHeldAchieved) {
    if (highestHeldAchieved.isEmpty()) {
      return "FAIL: no throughput step held";
    }
    double a = highestHeldAchieved.get();
    return Thresholds.THROUGHPUT.met(a)
        ? PASS
        : "FAIL: sustained "
            + Math.round(a)
            + " msg/s (needs "
            + Thresholds.THROUGHPUT.prose()
            + ")";
  }

  /**
   * The message simulation's Gatling assertions: the many-client burst's reply p95 and replies, and
   * the verdicts of the one-client burst (the probe's) and of the knee rule, each as the report
   * judges them, from the same {@link Thresholds}.
   */
  static List<Assertion> assertions(int burstMessages) {
    String burst = RequestNames.reply(RequestNames.BURST);
    List<Assertion> a = new ArrayList<>();
    a.add(details(burst).responseTime().percentile(95.0).lte((int) Thresholds.LATENCY.limit()));
    a.add(details(burst).successfulRequests().count().gte((long) burstMessages));
    a.add(details(RequestNames.VERDICT_ONE_CLIENT_BURST).successfulRequests().count().is(1L));
    a.add(details(RequestNames.VERDICT_SUSTAINED).successfulRequests().count().is(1L));
    return a;
  }
}
