package org.port8000.perf.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.http.action.ws.WsInboundMessage;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.port8000.perf.probe.MessageTimings;
import org.port8000.perf.probe.MonotonicClock;
import org.port8000.perf.probe.ReplyMatcher;
import org.port8000.perf.results.PhaseTimings;
import org.port8000.perf.results.RequestNames;
import org.port8000.perf.results.TargetCapabilities;

/**
 * Assignment §1, message throughput, one phase after another: a warm-up at the first step's rate
 * (not judged); the assignment's burst from one client (100 messages, one every 100 ms, on one
 * connection, whatever the replies do); the same burst from many clients (one connection per
 * message); then steps of rising rate. Every round trip that one connection carries at a time is a
 * Gatling request with checks ({@link RoundTrips}), so Gatling's HTML report, its assertions and
 * the markdown report show the same figures. A step is a pool of connection users, each sending one
 * message per {@link #CONNECTION_PACE} ({@code pace}) and awaiting its reply; a step that broke is
 * repeated once after {@link #COOL_DOWN}. Only the one-client burst, whose sends do not wait for
 * replies, is timed by the probe ({@link ReplyMatcher}).
 */
public class MessageThroughputSimulation extends Simulation {

  /** A step connection sends one message this often: twice the latency target. */
  public static final Duration CONNECTION_PACE = RoundTrips.PACE;

  /** A step's connections open during this lead, before its first message is due. */
  static final Duration LEAD = Duration.ofMillis(1500);

  /** The pause before a broken step's second try, so its first try's backlog clears. */
  static final Duration COOL_DOWN = Duration.ofSeconds(3);

  /** How often the one-client burst's connection looks at what arrived. */
  private static final Duration DRAIN_POLL = Duration.ofMillis(20);

  private static final String BURST_SOCKET = "one-client";

  // Parameters, read once.
  private final SimulationSupport support = SimulationSupport.start(getClass());
  private final int burstMessages = support.settings.burstMessages();
  private final Duration burstInterval = support.settings.burstInterval();
  private final Duration replyTimeout = support.settings.replyTimeout();
  private final List<Integer> steps = support.settings.throughputSteps();
  private final Duration stepDuration = support.settings.throughputStep();
  private final Duration warmupDuration = support.settings.throughputWarmup();
  private final MessageTimings timings = new MessageTimings();
  private final RoundTrips trips =
      new RoundTrips(
          support.settings.replyErrorPattern(),
          replyTimeout,
          TargetCapabilities.has(support.capabilities.streams()),
          support.target::isAlive);

  {
    FileLimit.check(Math.max(RoundTrips.poolSize(steps.get(steps.size() - 1)), burstMessages));
  }

  private final HttpProtocolBuilder protocol =
      http.baseUrl(support.target.baseUrl().toString()).wsBaseUrl(support.target.wsBaseUrl());
  // Only the one-client burst reads unmatched frames: the round trips' sockets keep no buffer.
  private final HttpProtocolBuilder oneClientProtocol =
      protocol.wsUnmatchedInboundMessageBufferSize(1_000);

  // The one-client burst: the probe matches its replies.
  private final double burstRate = 1000.0 / burstInterval.toMillis();
  private final MessageTimings.Recorder oneClient =
      timings.plan(RequestNames.ONE_CLIENT_BURST, burstMessages, burstRate, 1, true);
  private final ReplyMatcher oneClientReplies =
      new ReplyMatcher(oneClient, support.settings.replyErrorPattern(), replyTimeout.toMillis());
  private volatile long oneClientStartMs;

  private final List<RoundTrips.Step> stepTries = new ArrayList<>();

  private PopulationBuilder oneClientBurst() {
    ChainBuilder burst =
        exec(session -> {
              oneClientStartMs = MonotonicClock.nowMillis() + LEAD.toMillis();
              return session;
            })
            .exec(
                ws(RequestNames.connect(RequestNames.ONE_CLIENT_BURST))
                    .wsName(BURST_SOCKET)
                    .connect("/ws"))
            .doIf(session -> !session.isFailed())
            .then(
                repeat(burstMessages, "m")
                    .on(
                        pause(
                            session ->
                                Duration.ofMillis(
                                    Math.max(
                                        0,
                                        dueMs(session.getInt("m")) - MonotonicClock.nowMillis()))),
                        // Gatling clears a socket's frame buffer on every send: take what arrived
                        // first.
                        exec(ws.processUnmatchedMessages(BURST_SOCKET, this::matchOneClient)),
                        exec(
                            session -> {
                              int m = session.getInt("m");
                              if (oneClientReplies.waiting() > 0) {
                                oneClient.queuedSend();
                              }
                              String id = "one-client-" + m;
                              oneClientReplies.sent(id, m, dueMs(m), MonotonicClock.nowMillis());
                              return session.set("id", id);
                            }),
                        exec(
                            ws(RequestNames.ONE_CLIENT_BURST_SEND)
                                .wsName(BURST_SOCKET)
                                .sendText(RoundTrips.MESSAGE))),
                asLongAs(session -> oneClientReplies.waiting() > 0 && support.target.isAlive())
                    .on(
                        pause(DRAIN_POLL),
                        exec(ws.processUnmatchedMessages(BURST_SOCKET, this::matchOneClient))),
                exec(
                    ws(RequestNames.close(RequestNames.ONE_CLIENT_BURST))
                        .wsName(BURST_SOCKET)
                        .close()))
            .exec(
                session -> {
                  oneClientReplies.abandon();
                  oneClient.finished();
                  support.writeProbe(PhaseTimings.PROBE);
                  return session;
                });
    return scenario(RequestNames.ONE_CLIENT_BURST)
        .exec(burst)
        .injectOpen(atOnceUsers(1))
        .protocols(oneClientProtocol);
  }

  private long dueMs(int message) {
    return oneClientStartMs + Math.round(message * 1000.0 / burstRate);
  }

  private Session matchOneClient(List<WsInboundMessage> frames, Session session) {
    for (WsInboundMessage frame : frames) {
      if (frame instanceof WsInboundMessage.Text text) {
        oneClientReplies.frame(text.message(), text.timestamp());
      }
    }
    oneClientReplies.expire(MonotonicClock.nowMillis());
    return session;
  }

  /** The same burst from many clients: each message on its own connection, awaiting its reply. */
  private PopulationBuilder manyClientBurst() {
    MessageTimings.Recorder r =
        timings.gatlingTimed(RequestNames.BURST, burstMessages, burstRate, burstMessages);
    return scenario(RequestNames.BURST)
        .exec(ws(RequestNames.connect(RequestNames.BURST)).connect("/ws"))
        .doIf(session -> !session.isFailed())
        .then(
            exec(trips.roundTrip(RequestNames.BURST, r, null)),
            exec(ws(RequestNames.close(RequestNames.BURST)).close()))
        .exec(
            session -> {
              r.userDone(burstMessages);
              return session;
            })
        .injectOpen(rampUsers(burstMessages).during(burstInterval.multipliedBy(burstMessages)));
  }

  /** The warm-up (not measured), then per step its try and its conditional retry. */
  private List<PopulationBuilder> phases() {
    List<PopulationBuilder> p = new ArrayList<>();
    int first = steps.get(0);
    p.add(trips.step(RoundTrips.Step.warmup(first, warmupDuration)));
    p.add(oneClientBurst());
    p.add(manyClientBurst());
    for (int rate : steps) {
      RoundTrips.Step step = RoundTrips.Step.first(timings, rate, stepDuration, support);
      RoundTrips.Step retry = RoundTrips.Step.retry(timings, step, COOL_DOWN, support);
      stepTries.add(step);
      stepTries.add(retry);
      p.add(trips.step(step));
      p.add(trips.step(retry));
    }
    p.add(
        scenario("verdicts")
            .exec(
                http(RequestNames.VERDICT_ONE_CLIENT_BURST)
                    .get("/api/health")
                    .check(bodyString().transform(b -> oneClientVerdict()).is(RoundTrips.PASS)))
            .exec(
                http(RequestNames.VERDICT_SUSTAINED)
                    .get("/api/health")
                    .check(bodyString().transform(b -> sustainedVerdict()).is(RoundTrips.PASS)))
            .injectOpen(atOnceUsers(1)));
    return p;
  }

  /** The report's judgement of the one-client burst, on the same probe figures. */
  private String oneClientVerdict() {
    PhaseTimings.Phase b = oneClient.phase();
    return RoundTrips.burstVerdict(b.planned(), b.replied(), b.latency());
  }

  /** The knee rule over the steps' tries, on this run's own round-trip times. */
  private String sustainedVerdict() {
    Optional<RoundTrips.Step> highest = Optional.empty();
    for (RoundTrips.Step s : stepTries) {
      if (!s.isRetry() && s.finalTry().held()) {
        highest = Optional.of(s.finalTry());
      }
    }
    return RoundTrips.sustainedVerdict(highest.map(s -> s.recorder().achievedPerSecond()));
  }

  private PopulationBuilder population() {
    List<PopulationBuilder> p = phases();
    // andThen adds children: chain from the last phase back so each has exactly one successor.
    PopulationBuilder chain = p.get(p.size() - 1);
    for (int i = p.size() - 2; i >= 0; i--) {
      chain = p.get(i).andThen(chain);
    }
    return chain;
  }

  private Duration maxDuration() {
    Duration perTry = LEAD.plus(CONNECTION_PACE).plus(replyTimeout.multipliedBy(2)).plusSeconds(2);
    Duration total =
        Duration.ofSeconds(30)
            .plus(warmupDuration)
            .plus(perTry)
            .plus(burstInterval.multipliedBy(burstMessages).plus(perTry).multipliedBy(2));
    for (int ignored : steps) {
      total = total.plus(stepDuration.plus(perTry).multipliedBy(2)).plus(COOL_DOWN);
    }
    return total;
  }

  {
    support.probe(PhaseTimings.PROBE, timings::result);
    setUp(population())
        .protocols(protocol)
        .assertions(RoundTrips.assertions(burstMessages))
        .maxDuration(maxDuration());
  }

  @Override
  public void before() {
    support.awaitStart();
  }

  @Override
  public void after() {
    support.finish();
  }
}
