package org.port8000.perf.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.http.action.ws.WsInboundMessage;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import org.port8000.perf.probe.MessageTimings;
import org.port8000.perf.probe.MonotonicClock;
import org.port8000.perf.probe.ReplyMatcher;
import org.port8000.perf.results.PhaseFacts;
import org.port8000.perf.results.RequestNames;

/**
 * The assignment's burst as written: {@code messages} chat messages on one connection, one every
 * {@code interval} whatever the replies do. Gatling cannot await replies while the connection keeps
 * sending, so the probe ({@link ReplyMatcher}) matches and times them; this class owns its
 * recorder.
 */
final class OneClientBurst {
  /** How often the connection looks at what arrived. */
  private static final Duration DRAIN_POLL = Duration.ofMillis(20);

  private static final String SOCKET = "one-client";

  private final SimulationSupport support;
  private final int messages;
  private final double rate;
  private final MessageTimings.Recorder recorder;
  private final ReplyMatcher replies;
  private volatile long startMs;

  OneClientBurst(SimulationSupport support, MessageTimings timings, int messages, double rate) {
    this.support = support;
    this.messages = messages;
    this.rate = rate;
    this.recorder = timings.plan(RequestNames.ONE_CLIENT_BURST, messages, rate, 1, true);
    this.replies =
        new ReplyMatcher(
            recorder,
            support.settings.replyErrorPattern(),
            support.settings.replyTimeout().toMillis());
  }

  /** The burst on its own protocol: only it reads unmatched frames (a buffer of 1 000). */
  PopulationBuilder population(HttpProtocolBuilder protocol) {
    return scenario(RequestNames.ONE_CLIENT_BURST)
        .exec(
            Phases.checkpoint(
                () -> startMs = MonotonicClock.nowMillis() + ThroughputStep.LEAD.toMillis()))
        .exec(ws(RequestNames.connect(RequestNames.ONE_CLIENT_BURST)).wsName(SOCKET).connect("/ws"))
        .doIf(session -> !session.isFailed())
        .then(
            repeat(messages, "m").on(sendOne()),
            asLongAs(session -> replies.waiting() > 0 && support.target.isAlive())
                .on(pause(DRAIN_POLL), exec(ws.processUnmatchedMessages(SOCKET, this::match))),
            exec(ws(RequestNames.close(RequestNames.ONE_CLIENT_BURST)).wsName(SOCKET).close()))
        .exec(Phases.checkpoint(this::finished))
        .injectOpen(atOnceUsers(1))
        .protocols(protocol.wsUnmatchedInboundMessageBufferSize(1_000));
  }

  /**
   * What an injector other than injector 0 runs in the burst's place: it waits about as long as the
   * burst takes (its lead, then one interval per message), so every injector's later phases load
   * the target at the same time and their merged step is one step, not two halves in turn.
   */
  static PopulationBuilder waitElsewhere(int messages, Duration interval) {
    return scenario(RequestNames.ONE_CLIENT_BURST + " (runs on injector 0: this one waits as long)")
        .pause(ThroughputStep.LEAD.plus(interval.multipliedBy(messages)))
        .injectOpen(atOnceUsers(1));
  }

  /** Waits for message m's slot, takes what arrived, then sends it with its id. */
  private ChainBuilder sendOne() {
    return pause(
            session ->
                Duration.ofMillis(
                    Math.max(0, dueMs(session.getInt("m")) - MonotonicClock.nowMillis())))
        // Gatling clears a socket's frame buffer on every send: take what arrived first.
        .exec(ws.processUnmatchedMessages(SOCKET, this::match))
        .exec(this::sent)
        .exec(ws(RequestNames.ONE_CLIENT_BURST_SEND).wsName(SOCKET).sendText(Bodies.CHAT_WITH_ID));
  }

  private Session sent(Session session) {
    int m = session.getInt("m");
    if (replies.waiting() > 0) {
      recorder.queuedSend();
    }
    String id = "one-client-" + m;
    replies.sent(id, m, dueMs(m), MonotonicClock.nowMillis());
    return session.set(Bodies.ID, id);
  }

  private void finished() {
    replies.abandon();
    recorder.finished();
    support.writeProbe(PhaseFacts.PROBE);
  }

  private long dueMs(int message) {
    return startMs + Math.round(message * 1000.0 / rate);
  }

  private Session match(List<WsInboundMessage> frames, Session session) {
    for (WsInboundMessage frame : frames) {
      if (frame instanceof WsInboundMessage.Text text) {
        replies.frame(text.message(), text.timestamp());
      }
    }
    replies.expire(MonotonicClock.nowMillis());
    return session;
  }

  /** The report's judgement of the burst, on the same probe figures. */
  String verdict() {
    PhaseFacts.Phase b = recorder.phase();
    return Verdicts.burstVerdict(b.planned(), b.replied(), b.latency());
  }
}
