package org.port8000.perf.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.WsSendTextActionBuilder;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.port8000.perf.analysis.Targets;
import org.port8000.perf.config.Settings;
import org.port8000.perf.probe.PingProbe;
import org.port8000.perf.probe.ResourceSampler;
import org.port8000.perf.results.HeartbeatFacts;
import org.port8000.perf.results.PingPongResult;
import org.port8000.perf.results.RequestNames;
import org.port8000.perf.results.ResourceSamples;
import org.port8000.perf.results.TargetCapabilities;

/**
 * WebSocket heartbeat soak (assignment §2): {@code heartbeat.clients} clients each send an
 * app-level heartbeat every {@code heartbeat.intervalMs} for {@code heartbeat.durationSeconds}
 * and expect its ack when the target acks heartbeats (found before the load). A target without
 * an ack still gets the heartbeats (connection survival, closes, reconnects), and liveness is
 * measured by a ping/pong probe beside the soak on the same schedule (Gatling cannot send
 * pings). Then a footprint step holds
 * {@code footprint.connections} idle connections open, so memory per connection is measured with
 * a count that RSS noise cannot swamp. The resource sampler runs throughout.
 */
public class HeartbeatSimulation extends Simulation {

  /** Reconnects a client may make after its connection dropped (counted in the report). */
  private static final int MAX_RECONNECTS = 3;
  /** Longest the footprint connections wait for their reading before closing anyway. */
  private static final Duration FOOTPRINT_HOLD_MAX = Duration.ofSeconds(60);
  /** Quiet time before a memory reading, so the server has finished reacting to the step. */
  private static final Duration SETTLE = Duration.ofSeconds(1);

  // parameters, read once
  private final SimulationSupport support = SimulationSupport.start(getClass());
  private final Settings settings = support.settings;
  private final int clients = settings.heartbeatClients();
  private final Duration interval = settings.heartbeatInterval();
  private final int perClient =
      (int) (settings.heartbeatDuration().toMillis() / settings.heartbeatInterval().toMillis());
  // An ack later than the next heartbeat counts as lost; waiting longer would break the cadence.
  private final Duration ackTimeout = settings.replyTimeout().compareTo(interval) < 0
      ? settings.replyTimeout() : interval;
  // clients connect over a ramp (at most 200 connects/s, at least one interval or 1 s)
  private final Duration clientRamp = Collections.max(List.of(Duration.ofSeconds(1), interval,
      Duration.ofMillis(clients * 5L)));
  // the soak starts when every client has connected (or failed to), so all soak together
  private final Duration allConnectedMax = clientRamp.plus(settings.replyTimeout())
      .plus(Duration.ofSeconds(10));
  private final int footprintConnections = settings.footprintConnections();
  private final Duration footprintRamp =
      Duration.ofMillis(Math.max(1000, footprintConnections * 5L)); // 200 connects/s
  private final Duration maxDuration = allConnectedMax.plus(interval.multipliedBy(perClient + 1L))
      .plus(settings.replyTimeout().multipliedBy(2)).plus(footprintRamp)
      .plus(FOOTPRINT_HOLD_MAX).plus(Duration.ofSeconds(30));
  private final ResourceSampler sampler = ResourceSampler.start(support.target,
      settings.samplerInterval(), maxDuration.plus(Duration.ofMinutes(1)));
  private final boolean ackSupported = TargetCapabilities.has(support.capabilities.heartbeatAck());
  private volatile PingProbe pingProbe;

  // what the run counts, written to probe-heartbeat.json
  private final AtomicInteger clientsSettled = new AtomicInteger();
  private final AtomicInteger clientsConnected = new AtomicInteger();
  private final AtomicInteger connectionsOpened = new AtomicInteger();
  private final AtomicInteger clientsWithLoss = new AtomicInteger();
  private final AtomicInteger clientsDone = new AtomicInteger();
  private final AtomicInteger footprintSettled = new AtomicInteger();
  private final AtomicInteger footprintOpen = new AtomicInteger();
  private final AtomicInteger footprintOpenAtReading = new AtomicInteger();
  private final AtomicBoolean footprintMeasured = new AtomicBoolean();
  private final AtomicBoolean footprintReleased = new AtomicBoolean();
  private final AtomicLong heartbeatsSent = new AtomicLong();
  private final AtomicInteger helloFailed = new AtomicInteger();

  // protocol
  private final HttpProtocolBuilder protocol = http
      .baseUrl(support.target.baseUrl().toString())
      .wsBaseUrl(support.target.wsBaseUrl())
      .wsMaxReconnects(MAX_RECONNECTS);

  // scenarios
  private final ChainBuilder heartbeats = repeat(perClient, "seq").on(
      pace(interval).exec(heartbeatSend(), exec(this::countSent), exec(this::countLoss)));

  private final ScenarioBuilder soak = scenario("heartbeat soak")
      .exec(ws("connect").connect("/ws").onConnected(exec(s -> {
        connectionsOpened.incrementAndGet();
        return s;
      })))
      .exec(this::clientSettled)
      .doIf(s -> !s.isFailed()).then(
          // one chat message per client, so a crash-after-N-messages fault fires during the soak
          exec(ws("hello send").sendText("{\"type\":\"message\",\"content\":\"hello\"}")
              .await(settings.replyTimeout()).on(ws.checkTextMessage("hello")
                  .matching(jsonPath("$.type").is("response"))))
          .exec(this::helloSettled)
          .asLongAsDuring(s -> clientsSettled.get() < clients, allConnectedMax)
              .on(pause(Duration.ofMillis(50)))
          // a client whose hello got no reply is lost: its heartbeats count as lost
          .doIf(s -> !s.contains("lost")).then(exec(heartbeats))
          .exec(this::clientDone)
          .exec(ws("close").close()))
      .doIf(s -> s.contains("connectFailed")).then(exec(this::clientDone));

  private final ScenarioBuilder footprintBaseline = scenario("footprint baseline")
      .pause(SETTLE)
      .exec(s -> {
        sampler.checkpoint(HeartbeatFacts.FOOTPRINT_BEFORE);
        return s;
      })
      .pause(SETTLE);

  private final ScenarioBuilder footprint = scenario("footprint")
      .exec(ws("footprint connect").connect("/ws"))
      .exec(this::footprintSettled)
      .doIf(s -> !s.isFailed()).then(
          asLongAsDuring(s -> !footprintReleased.get(), FOOTPRINT_HOLD_MAX)
              .on(pause(Duration.ofMillis(200)))
          .exec(ws("footprint close").close()));

  {
    support.probe(ResourceSamples.PROBE, sampler::stop);
    support.probe(HeartbeatFacts.PROBE, () -> new HeartbeatFacts(clients, interval.toMillis(),
        settings.heartbeatDuration().toSeconds(), perClient, (long) clients * perClient,
        ackTimeout.toMillis(), clientsConnected.get(), connectionsOpened.get(),
        clientsWithLoss.get(), footprintConnections, footprintOpenAtReading.get(),
        footprintMeasured.get(), ackSupported, heartbeatsSent.get(), helloFailed.get()));
    if (!ackSupported) {
      support.probe(PingPongResult.PROBE, () -> pingProbe.awaitResult(
          interval.multipliedBy(perClient + 2L).plus(Duration.ofSeconds(30))));
    }

    // assertions: the Gatling-side gate of the stability target (the report also counts the
    // heartbeats of clients that never connected or dropped as lost)
    // clients start spread over at least one interval (and 1 s: shorter ramps inject nobody in
    // Gatling 3.15), so their heartbeats do not arrive in lockstep
    var soakInjection = soak.injectOpen(rampUsers(clients).during(clientRamp));
    var populations = footprintConnections > 0
        ? soakInjection.andThen(footprintBaseline.injectOpen(atOnceUsers(1))
            .andThen(footprint.injectOpen(rampUsers(footprintConnections).during(footprintRamp))))
        : soakInjection;
    setUp(populations)
        .protocols(protocol)
        // without acks the ping/pong probe measures stability; Gatling gates the connects
        .assertions(details(ackSupported ? RequestNames.HEARTBEAT_ACK : "connect")
            .successfulRequests().percent().gte(Targets.STABILITY.limit()))
        .maxDuration(maxDuration);
  }

  @Override
  public void before() {
    sampler.checkpoint(HeartbeatFacts.INITIAL);
    if (!ackSupported) {
      pingProbe = PingProbe.start(support.target.wsUrl(), clients, interval, perClient,
          ackTimeout);
    }
  }

  @Override
  public void after() {
    support.finish();
  }

  private Session clientSettled(Session s) {
    boolean ok = !s.isFailed();
    if (ok) {
      clientsConnected.incrementAndGet();
    }
    if (clientsSettled.incrementAndGet() == clients) {
      sampler.checkpoint(HeartbeatFacts.clientsConnectedLabel(clients));
    }
    return ok ? s : s.set("connectFailed", true);
  }

  /** One heartbeat, awaiting its ack when the target acks heartbeats. */
  private WsSendTextActionBuilder heartbeatSend() {
    WsSendTextActionBuilder send = ws(RequestNames.HEARTBEAT_SEND)
        .sendText("{\"type\":\"heartbeat\",\"seq\":#{seq}}");
    // no ack to wait for: the frames still go out, on the same schedule
    return !ackSupported ? send : send.await(ackTimeout).on(
        ws.checkTextMessage(RequestNames.HEARTBEAT_ACK).matching(
            jsonPath("$.type").is("heartbeat_ack"),
            jsonPath("$.seq").ofInt().is(s -> s.getInt("seq"))));
  }

  private Session helloSettled(Session s) {
    if (s.isFailed()) {
      helloFailed.incrementAndGet();
      clientsWithLoss.incrementAndGet();
      return s.set("lost", true).markAsSucceeded();
    }
    return s;
  }

  private Session countSent(Session s) {
    heartbeatsSent.incrementAndGet();
    return s;
  }

  private Session countLoss(Session s) {
    if (s.isFailed() && !s.contains("lost")) {
      clientsWithLoss.incrementAndGet();
      return s.set("lost", true).markAsSucceeded();
    }
    return s.markAsSucceeded();
  }

  private Session clientDone(Session s) {
    if (clientsDone.incrementAndGet() == clients) {
      sampler.checkpoint(HeartbeatFacts.SOAK_END);
    }
    return s;
  }

  private Session footprintSettled(Session s) {
    if (!s.isFailed()) {
      footprintOpen.incrementAndGet();
    }
    if (footprintSettled.incrementAndGet() == footprintConnections) {
      // read once every connection is open and the server had a moment; then let them close
      CompletableFuture.runAsync(() -> {
        int open = footprintOpen.get();
        sampler.checkpoint(HeartbeatFacts.footprintOpenLabel(open)).thenAccept(c -> {
          if (c.rssBytes() != null) {
            footprintOpenAtReading.set(open);
            footprintMeasured.set(true);
          }
          footprintReleased.set(true);
        });
      }, CompletableFuture.delayedExecutor(SETTLE.toMillis(), TimeUnit.MILLISECONDS));
    }
    return s;
  }
}
