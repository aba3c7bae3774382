package org.port8000.perf.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.http.WsFrameCheck;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.port8000.perf.analysis.Thresholds;
import org.port8000.perf.probe.MessageTimings;
import org.port8000.perf.probe.MonotonicClock;
import org.port8000.perf.results.CapabilityFacts;
import org.port8000.perf.results.RequestNames;

/**
 * Chat round trips in Gatling's idiom, for every simulation that sends chat messages: one message
 * in flight per connection, {@code sendText(…).await(replyTimeout).on(checks)}. The reply check
 * matches the next {@code response} or {@code error} frame (in order: the socket is replaced after
 * any KO, so no id is needed) and skips {@code stream} frames; an error frame, a reply matching
 * {@code reply.errorPattern}, a timeout or a closed socket is a KO with its reason. When the target
 * streams, "first token" is a check of its own before it in the same sequence, so both are timed
 * from the send. The paced step pools are {@link ThroughputStep}s, the verdicts {@link Verdicts}.
 */
final class RoundTrips {

  /** A step connection sends one message at most this often: twice the latency target. */
  static final Duration PACE = Duration.ofMillis(2 * (long) Thresholds.LATENCY.limit());

  /** A round trip's chat message: one is in flight per connection, so it needs no id. */
  private static final String CHAT = Bodies.chat("perf");

  /** A frame's {@code type} (its first {@code "type"} member), without parsing the JSON. */
  private static final String TYPE = "\"type\"\\s*:\\s*\"([a-z_]+)\"";

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

  /** Round trips on the target of {@code support}, by its settings and capabilities. */
  static RoundTrips of(SimulationSupport support) {
    return new RoundTrips(
        support.settings.replyErrorPattern(),
        support.settings.replyTimeout(),
        CapabilityFacts.has(support.capabilities.streams()),
        support.target::isAlive);
  }

  /** Connections a step needs so that each sends at most one message per {@link #PACE}. */
  static int poolSize(double ratePerSecond) {
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
}
