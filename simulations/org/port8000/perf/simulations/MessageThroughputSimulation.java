package org.port8000.perf.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.http.action.ws.WsInboundMessage;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.port8000.perf.analysis.Targets;
import org.port8000.perf.probe.ConnectionPool;
import org.port8000.perf.probe.MessageTimings;
import org.port8000.perf.probe.MonotonicClock;
import org.port8000.perf.probe.ReplyMatcher;
import org.port8000.perf.results.PhaseTimings;
import org.port8000.perf.results.RequestNames;

/**
 * Assignment §1, message throughput, as chat clients do it: long-lived connections that send on
 * a schedule whatever the replies do (open model), each reply matched to its message in order
 * (or by echoed id) from the frames Gatling buffers with their arrival times. Phases, one after
 * another: a warm-up at the first step's rate (not counted), the assignment's burst from one
 * client (100 messages, one every 100 ms, on one connection), the same burst from many clients
 * (one connection per message), then steps of rising rate over a pool of connections each
 * sending at most one message per {@link #CONNECTION_PACE}, so per-connection queueing cannot
 * dominate a step's latency. A target slower than that pace gets more connections rather than
 * messages queued behind its replies: when every connection of a pool member still waits for a
 * reply as its next message falls due, the member opens one more ({@link ConnectionPool}), up to
 * a bound the open-file limit sets; the bursts never grow.
 */
public class MessageThroughputSimulation extends Simulation {

  /** A pool connection sends at most one message this often: twice the latency target. */
  public static final Duration CONNECTION_PACE =
      Duration.ofMillis(2 * (long) Targets.LATENCY.limit());
  /** Connections of a phase open during this lead, before the phase's first message is due. */
  static final Duration LEAD = Duration.ofMillis(1500);
  /** The counter of loops over a member's sockets (a loop counter needs a name of its own). */
  private static final String EACH = "eachSocket";
  /** How often a connection waiting for its last replies looks at what arrived. */
  private static final Duration DRAIN_POLL = Duration.ofMillis(20);

  // Parameters, read once.
  private final SimulationSupport support = SimulationSupport.start(getClass());
  private final int burstMessages = support.settings.burstMessages();
  private final Duration burstInterval = support.settings.burstInterval();
  private final Duration replyTimeout = support.settings.replyTimeout();
  private final List<Integer> steps = support.settings.throughputSteps();
  private final Duration stepDuration = support.settings.throughputStep();
  private final Duration warmupDuration = support.settings.throughputWarmup();
  private final Pattern errorPattern = support.settings.replyErrorPattern();
  private final MessageTimings timings = new MessageTimings();
  // Our times must compare with the frames' Gatling timestamps: load the clock now, while built.
  private final long builtAtMs = MonotonicClock.nowMillis();
  private final List<Phase> phases = plan();

  {
    FileLimit.check(phases.stream().mapToInt(p -> p.inFlightConnections).max().orElse(0));
  }

  // Protocol: frames are buffered for the probe to match (a message's frames fit many times).
  private final HttpProtocolBuilder protocol = http
      .wsBaseUrl(support.target.wsBaseUrl())
      .wsUnmatchedInboundMessageBufferSize(1_000);

  /**
   * One phase: {@code total} messages due every {@code 1/rate} s from a start time, message m
   * from member m mod {@code connections}, on whichever of its connections is free.
   */
  private final class Phase {
    final String name;
    final int total;
    final double rate;
    final int connections;
    final int inFlightConnections;
    final ConnectionPool pool;
    final MessageTimings.Recorder recorder;
    final AtomicInteger nextConnection = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();
    final AtomicLong startMs = new AtomicLong();

    Phase(String name, int total, double rate, int connections, boolean measured,
        boolean keepEach, boolean grows) {
      this.name = name;
      this.total = total;
      this.rate = rate;
      this.connections = connections;
      // One connection per message holds each until its reply: rate x (lead + reply timeout).
      this.inFlightConnections = connections < total ? connections : (int) Math.min(total,
          Math.ceil(rate * (LEAD.plus(replyTimeout).toMillis() / 1000.0)));
      if (grows) {
        FileLimit.Bound bound = FileLimit.growthBound(connections, rate, replyTimeout.toMillis());
        this.pool = new ConnectionPool(connections, bound.connections(), bound.why());
      } else {
        this.pool = ConnectionPool.fixed(connections);
      }
      this.recorder = measured
          ? timings.plan(name, total, rate, pool, keepEach)
          : timings.unmeasured(name);
    }

    /** The phase starts a lead after its first connection begins. */
    long start() {
      startMs.compareAndSet(0, MonotonicClock.nowMillis() + LEAD.toMillis());
      return startMs.get();
    }

    long dueMs(int message) {
      return startMs.get() + Math.round(message * 1000.0 / rate);
    }

    /** How the connections arrive: all within the lead, or (one per message) just in time. */
    PopulationBuilder inject() {
      Duration spread = connections < total ? Duration.ofSeconds(1)
          : Duration.ofMillis(Math.max(1000, Math.round(total * 1000.0 / rate)));
      return scenario(name).exec(connection(this))
          .injectOpen(rampUsers(connections).during(spread));
    }

    void connectionClosed() {
      if (closed.incrementAndGet() == connections) {
        recorder.finished();
        support.writeProbe(PhaseTimings.PROBE);
      }
    }
  }

  private List<Phase> plan() {
    List<Phase> p = new ArrayList<>();
    int first = steps.get(0);
    p.add(new Phase(RequestNames.WARMUP, (int) (first * warmupDuration.toSeconds()), first,
        poolSize(first), false, false, true));
    double burstRate = 1000.0 / burstInterval.toMillis();
    // The bursts never grow: one client by definition, or already one connection per message.
    p.add(new Phase(RequestNames.ONE_CLIENT_BURST, burstMessages, burstRate, 1, true, true,
        false));
    p.add(new Phase(RequestNames.BURST, burstMessages, burstRate, burstMessages, true, false,
        false));
    for (int rate : steps) {
      p.add(new Phase(RequestNames.step(rate), (int) (rate * stepDuration.toSeconds()), rate,
          poolSize(rate), true, false, true));
    }
    return p;
  }

  /** Enough connections that each sends at most one message per {@link #CONNECTION_PACE}. */
  static int poolSize(int ratePerSecond) {
    return (int) Math.max(1, Math.ceil(ratePerSecond * CONNECTION_PACE.toMillis() / 1000.0));
  }

  /**
   * One member of a phase's pool: connect, send its messages when they are due (never waiting
   * for a reply) on a connection that waits for none, opening one more when all of them do;
   * match the frames as they come, wait for the last replies up to the timeout, close.
   */
  private ChainBuilder connection(Phase phase) {
    return exec(session -> {
      phase.start();
      int k = phase.nextConnection.getAndIncrement();
      return session.set("next", k).set("socket", 0).set("member", phase.pool.member(
          () -> new ReplyMatcher(phase.recorder, errorPattern, replyTimeout.toMillis())));
    })
        .exec(ws(RequestNames.connect(phase.name)).wsName(MessageThroughputSimulation::socket)
            .connect("/ws"))
        .doIf(session -> !session.isFailed()).then(
            exec(session -> {
              member(session).opened();
              return session;
            }),
            asLongAs(session -> session.getInt("next") < phase.total).on(
                pause(session -> Duration.ofMillis(Math.max(0,
                    phase.dueMs(session.getInt("next")) - MonotonicClock.nowMillis()))),
                // Gatling clears a socket's frame buffer on every send: take what arrived
                // first. The user and its sockets share one event loop, so nothing arrives in
                // between.
                matchAll(),
                exec(session -> {
                  ConnectionPool.Member m = member(session);
                  int socket = m.dispatch();
                  return socket == m.count() ? session.set("socket", socket).set("open", true)
                      : sent(phase, session.set("socket", socket).set("open", false));
                }),
                doIf(session -> session.getBoolean("open")).then(
                    exec(ws(RequestNames.connect(phase.name))
                        .wsName(MessageThroughputSimulation::socket).connect("/ws")),
                    exec(session -> {
                      if (!session.isFailed()) {
                        member(session).opened();
                        return sent(phase, session);
                      }
                      // Counted in Gatling's log as a failed connect; the message still goes
                      // out when due, behind a reply on an open connection.
                      return sent(phase, session.markAsSucceeded()
                          .set("socket", member(session).openFailed()));
                    })),
                exec(ws(RequestNames.message(phase.name))
                    .wsName(MessageThroughputSimulation::socket)
                    .sendText("{\"type\":\"message\",\"content\":\"perf #{id}\",\"id\":\"#{id}\"}"))),
            asLongAs(session -> member(session).waiting() > 0 && support.target.isAlive()).on(
                pause(DRAIN_POLL),
                matchAll()),
            repeat(session -> member(session).count(), EACH).on(
                exec(ws(RequestNames.close(phase.name))
                    .wsName(MessageThroughputSimulation::eachSocket).close())))
        .exec(session -> {
          member(session).abandon();
          phase.connectionClosed();
          return session;
        })
        // A dead target would otherwise make every later message wait out its timeout.
        .exec(stopLoadGeneratorIf(s -> "the target stopped running", s -> !support.target.isAlive()));
  }

  /** The Gatling name of the socket a message goes on (the session's {@code socket}). */
  private static String socket(Session session) {
    return "c" + session.getInt("socket");
  }

  /** The Gatling name of the socket a loop over all of them is at. */
  private static String eachSocket(Session session) {
    return "c" + session.getInt(EACH);
  }

  private static ConnectionPool.Member member(Session session) {
    return session.get("member");
  }

  /** Records the member's next message as sent now on the session's socket. */
  private static Session sent(Phase phase, Session session) {
    int m = session.getInt("next");
    String id = phase.name + "-" + m;
    member(session).connection(session.getInt("socket"))
        .sent(id, m, phase.dueMs(m), MonotonicClock.nowMillis());
    return session.set("id", id).set("next", m + phase.connections);
  }

  /**
   * Takes the frames each of the member's sockets received since it last looked: the first
   * directly, the ones it opened since in a loop (a loop costs the common case more).
   */
  private ChainBuilder matchAll() {
    return exec(ws.processUnmatchedMessages("c0", (frames, s) -> match(frames, s, 0)))
        .doIf(session -> member(session).count() > 1).then(
            repeat(session -> member(session).count() - 1, EACH).on(
                exec(ws.processUnmatchedMessages(s -> "c" + (s.getInt(EACH) + 1),
                    (frames, s) -> match(frames, s, s.getInt(EACH) + 1)))));
  }

  private Session match(List<WsInboundMessage> frames, Session session, int socket) {
    ReplyMatcher m = member(session).connection(socket);
    for (WsInboundMessage frame : frames) {
      if (frame instanceof WsInboundMessage.Text text) {
        m.frame(text.message(), text.timestamp());
      }
    }
    m.expire(MonotonicClock.nowMillis());
    return session;
  }

  /** The phases one after another (each after the previous finished). */
  private PopulationBuilder population() {
    // andThen adds children: chain from the last phase back so each has exactly one successor.
    PopulationBuilder chain = phases.get(phases.size() - 1).inject();
    for (int i = phases.size() - 2; i >= 0; i--) {
      chain = phases.get(i).inject().andThen(chain);
    }
    return chain;
  }

  // Assertions: message figures are the probe's and judged by the report step; Gatling gates
  // that the connections the phases need could be opened.
  private List<Assertion> assertions() {
    List<Assertion> a = new ArrayList<>();
    a.add(details(RequestNames.connect(RequestNames.ONE_CLIENT_BURST)).failedRequests().count()
        .is(0L));
    a.add(details(RequestNames.connect(RequestNames.BURST)).failedRequests().count().is(0L));
    return a;
  }

  private Duration maxDuration() {
    Duration total = Duration.ofSeconds(10);
    for (Phase p : phases) {
      total = total.plus(LEAD).plus(replyTimeout).plusSeconds(2)
          .plusMillis(Math.round(p.total * 1000.0 / p.rate));
    }
    return total;
  }

  {
    support.probe(PhaseTimings.PROBE, timings::result);
    setUp(population())
        .protocols(protocol)
        .assertions(assertions())
        .maxDuration(maxDuration());
  }

  @Override
  public void after() {
    support.finish();
  }
}
