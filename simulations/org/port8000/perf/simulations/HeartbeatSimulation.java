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
import org.port8000.perf.analysis.Thresholds;
import org.port8000.perf.config.Settings;
import org.port8000.perf.probe.MonotonicClock;
import org.port8000.perf.probe.PingProbe;
import org.port8000.perf.probe.ResourceSampler;
import org.port8000.perf.results.HeartbeatFacts;
import org.port8000.perf.results.PingPongResult;
import org.port8000.perf.results.RequestNames;
import org.port8000.perf.results.ResourceSamples;
import org.port8000.perf.results.TargetCapabilities;

/**
 * WebSocket heartbeat soak (assignment §2). First, on the quiet target, a footprint step: quiet
 * memory readings, {@code footprint.connections} idle connections opened over a ramp, readings with
 * them open, then they close (memory per connection with a count that noise cannot swamp, before
 * the soak grows the target's memory). Then {@code heartbeat.clients} clients connect over a ramp,
 * each says hello (a client whose hello gets no reply is lost), and once every client has settled
 * they all send an app-level heartbeat every {@code heartbeat.intervalMs} for {@code
 * heartbeat.durationSeconds}, expecting its ack when the target acks heartbeats (found before the
 * load), so all soak together; the window they really overlapped is recorded. A target without an
 * ack still gets the heartbeats (connection survival, closes, reconnects), and liveness is measured
 * by a ping/pong probe beside the soak on the same schedule (Gatling cannot send pings). The
 * resource sampler runs throughout.
 */
public class HeartbeatSimulation extends Simulation {

  /** Reconnects a client may make after its connection dropped (counted in the report). */
  private static final int MAX_RECONNECTS = 3;

  /** Longest the footprint connections wait for their reading before closing anyway. */
  private static final Duration FOOTPRINT_HOLD_MAX = Duration.ofSeconds(60);

  /** Quiet time before a memory reading, so the server has finished reacting to the step. */
  private static final Duration SETTLE = Duration.ofSeconds(1);

  /** Readings per footprint phase, so their spread shows what the step can resolve. */
  private static final int FOOTPRINT_READINGS = 3;

  private static final Duration FOOTPRINT_READING_GAP = Duration.ofMillis(500);

  /** How often a settled client looks whether every client has settled. */
  private static final Duration SETTLED_POLL = Duration.ofMillis(50);

  /**
   * The soak starts this long after the last client settled, on a schedule every client knows, so
   * the time each takes to notice (up to one poll) does not shorten the shared window.
   */
  private static final Duration SOAK_START_MARGIN = SETTLED_POLL.multipliedBy(5);

  // parameters, read once
  private final SimulationSupport support = SimulationSupport.start(getClass());
  private final Settings settings = support.settings;
  private final int clients = settings.heartbeatClients();
  private final Duration interval = settings.heartbeatInterval();
  private final int perClient =
      (int) (settings.heartbeatDuration().toMillis() / settings.heartbeatInterval().toMillis());
  // An ack later than the next heartbeat counts as lost; waiting longer would break the cadence.
  private final Duration ackTimeout =
      settings.replyTimeout().compareTo(interval) < 0 ? settings.replyTimeout() : interval;
  // clients connect over a ramp (at most 200 connects/s, at least one interval or 1 s)
  private final Duration clientRamp =
      Collections.max(List.of(Duration.ofSeconds(1), interval, Duration.ofMillis(clients * 5L)));
  // the soak starts when every client has said hello (or was lost), so all soak together
  private final Duration allConnectedMax =
      clientRamp.plus(settings.replyTimeout()).plus(Duration.ofSeconds(10));
  private final int footprintConnections = settings.footprintConnections();
  private final Duration footprintRamp =
      Duration.ofMillis(Math.max(1000, footprintConnections * 5L)); // 200 connects/s
  private final Duration footprintQuiet =
      SETTLE.plus(FOOTPRINT_READING_GAP.multipliedBy(FOOTPRINT_READINGS));
  private final Duration maxDuration =
      footprintQuiet
          .plus(footprintRamp)
          .plus(FOOTPRINT_HOLD_MAX)
          .plus(SETTLE)
          .plus(allConnectedMax)
          .plus(interval.multipliedBy(perClient + 1L))
          .plus(settings.replyTimeout().multipliedBy(2))
          .plus(Duration.ofSeconds(30));
  private final ResourceSampler sampler =
      ResourceSampler.start(
          support.target, settings.samplerInterval(), maxDuration.plus(Duration.ofMinutes(1)));
  // acks are awaited unless the target is known not to ack; ping/pong runs unless it is known
  // to ack: an unknown capability gets both, and the report shows both
  private final Boolean ackCapability = support.capabilities.heartbeatAck();
  private final boolean ackSupported = !TargetCapabilities.lacks(ackCapability);
  private final boolean pingPong = !TargetCapabilities.has(ackCapability);
  private volatile PingProbe pingProbe;

  {
    // the soak's clients (and the ping probe's) or the footprint's connections, never both at
    // once: the footprint's close before the soak starts
    // a refusal is a finding of this area: the other simulations still run
    try {
      FileLimit.check(
          Math.max(clients * (pingPong ? 2L : 1L), footprintConnections),
          FileLimit.HEARTBEAT_PLAN,
          FileLimit.HEARTBEAT_FIX);
    } catch (IllegalStateException e) {
      sampler.stop();
      support.couldNotStart(e.getMessage());
    }
  }

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
  // the soak window (MonotonicClock ms): the latest first heartbeat and the earliest end
  private final AtomicInteger soakClients = new AtomicInteger();
  private final AtomicLong latestFirstMs = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong earliestEndMs = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong soakStartsAtMs = new AtomicLong(-1);
  private final AtomicLong earliestFirstMs = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong latestEndMs = new AtomicLong(Long.MIN_VALUE);
  private final AtomicInteger helloesDone = new AtomicInteger();

  // protocol
  private final HttpProtocolBuilder protocol =
      http.baseUrl(support.target.baseUrl().toString())
          .wsBaseUrl(support.target.wsBaseUrl())
          .wsMaxReconnects(MAX_RECONNECTS);

  // scenarios
  private final ChainBuilder heartbeats =
      repeat(perClient, "seq")
          .on(
              pace(interval)
                  .exec(
                      exec(this::stampHeartbeat),
                      heartbeatSend(),
                      exec(this::countSent),
                      exec(this::countLoss)))
          .exec(this::soakedToTheEnd);

  private final ScenarioBuilder soak =
      scenario("heartbeat soak")
          .exec(
              ws("connect")
                  .connect("/ws")
                  .onConnected(
                      exec(
                          s -> {
                            connectionsOpened.incrementAndGet();
                            return s;
                          })))
          .exec(this::clientSettled)
          .doIf(s -> !s.isFailed())
          .then(
              // one chat message per client, so a crash-after-N-messages fault fires during the
              // soak
              exec(ws("hello send")
                      .sendText("{\"type\":\"message\",\"content\":\"hello\"}")
                      .await(settings.replyTimeout())
                      .on(ws.checkTextMessage("hello").matching(jsonPath("$.type").is("response"))))
                  .exec(this::helloSettled)
                  .asLongAsDuring(s -> clientsSettled.get() < clients, allConnectedMax)
                  .on(pause(SETTLED_POLL))
                  .pause(this::untilMyStart)
                  // a client whose hello got no reply is lost: its heartbeats count as lost
                  .doIf(s -> !s.contains("lost"))
                  .then(exec(heartbeats))
                  .exec(this::clientDone)
                  .exec(ws("close").close()))
          .doIf(s -> s.contains("connectFailed"))
          .then(exec(this::clientDone));

  // quiet readings before the footprint connections open; their spread is the step's noise
  private final ScenarioBuilder footprintBaseline =
      scenario("footprint baseline")
          .pause(SETTLE)
          .repeat(FOOTPRINT_READINGS, "reading")
          .on(
              exec(s -> {
                    sampler.checkpoint(
                        HeartbeatFacts.footprintBeforeLabel(s.getInt("reading") + 1));
                    return s;
                  })
                  .pause(FOOTPRINT_READING_GAP));

  // after the footprint connections closed: a reading of the quiet target, then the soak
  private final ScenarioBuilder soakStart =
      scenario("soak start")
          .pause(SETTLE)
          .exec(
              s -> {
                sampler.checkpoint(HeartbeatFacts.SOAK_START);
                if (pingPong) {
                  pingProbe =
                      PingProbe.start(
                          support.target.wsUrl(), clients, interval, perClient, ackTimeout);
                }
                return s;
              });

  private final ScenarioBuilder footprint =
      scenario("footprint")
          .exec(ws("footprint connect").connect("/ws"))
          .exec(this::footprintSettled)
          .doIf(s -> !s.isFailed())
          .then(
              asLongAsDuring(s -> !footprintReleased.get(), FOOTPRINT_HOLD_MAX)
                  .on(pause(Duration.ofMillis(200)))
                  .exec(ws("footprint close").close()));

  {
    if (support.refused()) {
      setUp(support.couldNotStartPopulation())
          .protocols(protocol)
          .assertions(SimulationSupport.couldNotStartAssertion());
    } else {
      setUpSoak();
    }
  }

  private void setUpSoak() {
    support.probe(ResourceSamples.PROBE, sampler::stop);
    support.probe(
        HeartbeatFacts.PROBE,
        () ->
            new HeartbeatFacts(
                clients,
                interval.toMillis(),
                settings.heartbeatDuration().toSeconds(),
                perClient,
                (long) clients * perClient,
                ackTimeout.toMillis(),
                clientsConnected.get(),
                connectionsOpened.get(),
                clientsWithLoss.get(),
                footprintConnections,
                footprintOpenAtReading.get(),
                footprintMeasured.get(),
                ackSupported,
                heartbeatsSent.get(),
                helloFailed.get(),
                soakClients.get(),
                soakOverlapMs(),
                interval.toMillis() * perClient,
                TargetCapabilities.state(ackCapability)));
    if (pingPong) {
      support.probe(
          PingPongResult.PROBE,
          () -> {
            if (pingProbe == null) {
              throw new IllegalStateException(
                  "the soak never started, so the ping/pong probe" + " did not run");
            }
            return pingProbe.awaitResult(
                interval.multipliedBy(perClient + 2L).plus(Duration.ofSeconds(30)));
          });
    }

    // assertions: the Gatling-side gate of the stability target (the report also counts the
    // heartbeats of clients that never connected or dropped as lost)
    // clients connect over at least one interval (and 1 s: shorter ramps inject nobody in
    // Gatling 3.15); the footprint step first, on the quiet target; the soak after its connections
    // closed
    var soakPhase =
        soakStart
            .injectOpen(atOnceUsers(1))
            .andThen(soak.injectOpen(rampUsers(clients).during(clientRamp)));
    var populations =
        footprintConnections > 0
            ? footprintBaseline
                .injectOpen(atOnceUsers(1))
                .andThen(
                    footprint
                        .injectOpen(rampUsers(footprintConnections).during(footprintRamp))
                        .andThen(soakPhase))
            : soakPhase;
    setUp(populations)
        .protocols(protocol)
        // without acks the ping/pong probe measures stability; Gatling gates the connects
        // (an unknown ack is gated by the report, which judges acks or ping/pong as measured)
        .assertions(
            details(TargetCapabilities.has(ackCapability) ? RequestNames.HEARTBEAT_ACK : "connect")
                .successfulRequests()
                .percent()
                .gte(Thresholds.STABILITY.limit()))
        .maxDuration(maxDuration);
  }

  @Override
  public void before() {
    support.awaitStart();
    if (!support.refused()) {
      sampler.checkpoint(HeartbeatFacts.INITIAL);
    }
  }

  @Override
  public void after() {
    if (soakClients.get() > 0) {
      // where the shared window went, for whoever tunes the start schedule
      System.out.println(
          "[perf] heartbeat soak: "
              + soakClients.get()
              + " clients to the end;"
              + " first heartbeats spread over "
              + (latestFirstMs.get() - earliestFirstMs.get())
              + " ms, ends over "
              + (latestEndMs.get() - earliestEndMs.get())
              + " ms; window "
              + soakOverlapMs()
              + " ms of "
              + interval.toMillis() * perClient
              + " ms");
    }
    support.finish();
  }

  private Session clientSettled(Session s) {
    if (s.isFailed()) {
      settled();
      return s.set("connectFailed", true);
    }
    clientsConnected.incrementAndGet();
    return s;
  }

  /**
   * A client is settled once its hello was answered (or it was lost): the soak starts when all are,
   * so no client is still in its hello while the others heartbeat.
   */
  private void settled() {
    if (clientsSettled.incrementAndGet() == clients) {
      soakStartsAtMs.set(MonotonicClock.nowMillis() + SOAK_START_MARGIN.toMillis());
      sampler.checkpoint(HeartbeatFacts.clientsConnectedLabel(clients));
    }
  }

  /** One heartbeat, awaiting its ack when the target acks heartbeats. */
  private WsSendTextActionBuilder heartbeatSend() {
    WsSendTextActionBuilder send =
        ws(RequestNames.HEARTBEAT_SEND).sendText("{\"type\":\"heartbeat\",\"seq\":#{seq}}");
    // no ack to wait for: the frames still go out, on the same schedule
    return !ackSupported
        ? send
        : send.await(ackTimeout)
            .on(
                ws.checkTextMessage(RequestNames.HEARTBEAT_ACK)
                    .matching(
                        jsonPath("$.type").is("heartbeat_ack"),
                        jsonPath("$.seq").ofInt().is(s -> s.getInt("seq"))));
  }

  private Session helloSettled(Session s) {
    settled();
    // clients start spread over half an interval, in the order their hello settled, so their
    // heartbeats do not arrive in lockstep and all still overlap for all but half an interval
    s =
        s.set(
            "startOffsetMs",
            helloesDone.getAndIncrement() * (interval.toMillis() / 2) / Math.max(1, clients));
    if (s.isFailed()) {
      helloFailed.incrementAndGet();
      clientsWithLoss.incrementAndGet();
      return s.set("lost", true).markAsSucceeded();
    }
    return s;
  }

  /** The wait until this client's first heartbeat is due (none when not all settled in time). */
  private Duration untilMyStart(Session s) {
    long at = soakStartsAtMs.get();
    return at < 0
        ? Duration.ZERO
        : Duration.ofMillis(
            Math.max(0, at + s.getLong("startOffsetMs") - MonotonicClock.nowMillis()));
  }

  /** Remembers when this client's first and latest heartbeats went out. */
  private Session stampHeartbeat(Session s) {
    long now = MonotonicClock.nowMillis();
    Session stamped = s.set("lastHeartbeatMs", now);
    return s.getInt("seq") == 0 ? stamped.set("firstHeartbeatMs", now) : stamped;
  }

  /**
   * A client whose last heartbeat was answered soaked to the end: its window (first heartbeat to
   * one interval after its last) narrows the window all such clients share.
   */
  private Session soakedToTheEnd(Session s) {
    if (s.contains("firstHeartbeatMs") && !s.contains("lastHeartbeatLost")) {
      soakClients.incrementAndGet();
      long first = s.getLong("firstHeartbeatMs");
      long end = s.getLong("lastHeartbeatMs") + interval.toMillis();
      latestFirstMs.accumulateAndGet(first, Math::max);
      earliestFirstMs.accumulateAndGet(first, Math::min);
      earliestEndMs.accumulateAndGet(end, Math::min);
      latestEndMs.accumulateAndGet(end, Math::max);
    }
    return s;
  }

  private long soakOverlapMs() {
    return soakClients.get() == 0 ? -1 : Math.max(0, earliestEndMs.get() - latestFirstMs.get());
  }

  private Session countSent(Session s) {
    heartbeatsSent.incrementAndGet();
    return s;
  }

  private Session countLoss(Session s) {
    boolean last = s.getInt("seq") == perClient - 1;
    Session marked = last && s.isFailed() ? s.set("lastHeartbeatLost", true) : s;
    if (s.isFailed() && !s.contains("lost")) {
      clientsWithLoss.incrementAndGet();
      return marked.set("lost", true).markAsSucceeded();
    }
    return marked.markAsSucceeded();
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
      CompletableFuture.runAsync(
          this::readFootprint,
          CompletableFuture.delayedExecutor(SETTLE.toMillis(), TimeUnit.MILLISECONDS));
    }
    return s;
  }

  /** The readings with every footprint connection open, spaced like the quiet ones. */
  private void readFootprint() {
    try {
      int open = footprintOpen.get();
      boolean all = true;
      for (int i = 1; i <= FOOTPRINT_READINGS; i++) {
        if (i > 1) {
          Thread.sleep(FOOTPRINT_READING_GAP.toMillis());
        }
        all &=
            sampler
                    .checkpoint(HeartbeatFacts.footprintOpenLabel(open, i))
                    .get(10, TimeUnit.SECONDS)
                    .rssBytes()
                != null;
      }
      if (all && open > 0) {
        footprintOpenAtReading.set(open);
        footprintMeasured.set(true);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      support.note("The footprint step's readings failed: " + e);
    } finally {
      footprintReleased.set(true);
    }
  }
}
