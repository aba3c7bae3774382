package org.port8000.perf.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.port8000.perf.analysis.LeakDetector;
import org.port8000.perf.analysis.LeakSeries;
import org.port8000.perf.config.Settings;
import org.port8000.perf.probe.ResourceSampler;
import org.port8000.perf.results.LeakRunFacts;
import org.port8000.perf.results.RequestNames;
import org.port8000.perf.results.ResourceSamples;
import org.port8000.perf.results.TargetCapabilities;

/**
 * Memory and leaks (assignment §4) on a freshly started target: the "fresh start" memory; {@value
 * #WARM_UP_MESSAGES} warm-up chat messages at {@value #WARM_UP_PER_SECOND}/s; the "initial" memory;
 * {@code leak.messages} chat messages spread evenly over {@code leak.durationSeconds} (open model:
 * each on its own connection, waiting for its final reply); then {@code leak.cycles}
 * connect/disconnect cycles (WebSocket connect/close and bot launch/stop), a checkpoint after each.
 * Every chat message is a checked Gatling round trip ({@link RoundTrips}). The resource sampler
 * runs throughout; the leak verdict is computed from its series from "initial" on, over the
 * messages answered so far, and gates the run as a Gatling request ({@link
 * RequestNames#VERDICT_LEAK}).
 */
public class MemoryLeakSimulation extends Simulation {
  /**
   * Chat messages sent before the "initial" reading. A freshly started JVM server grows its
   * resident memory during its first couple of hundred messages without any leak (JIT code,
   * metaspace, malloc arenas, database cache): the reference server measured 90.4 MB fresh, 103.0
   * MB after 100 messages, 108.2 MB after 200 and 108.7 MB after 300. That growth saturates;
   * measured after it, the trend shows what the messages retain, not the warm-up.
   */
  static final int WARM_UP_MESSAGES = 200;

  /** Quick, but each message still on its own connection waiting for its reply. */
  static final int WARM_UP_PER_SECOND = 40;

  // parameters, read once
  private final SimulationSupport support = SimulationSupport.start(getClass());
  private final Settings settings = support.settings;
  private final int messages = settings.leakMessages();
  private final Duration duration = settings.leakDuration();
  private final int cycles = settings.leakCycles();
  private final Duration replyTimeout = settings.replyTimeout();
  // whole seconds, at least one: Gatling injects nobody with a ramp shorter than a second
  private final Duration warmUp =
      Duration.ofSeconds(
          Math.max(1, (WARM_UP_MESSAGES + WARM_UP_PER_SECOND - 1) / WARM_UP_PER_SECOND));
  // at least two samples between cycle checkpoints, so each cycle shows in the series
  private final Duration cyclePause = settings.samplerInterval().multipliedBy(2);
  private final Duration maxDuration =
      warmUp
          .plus(replyTimeout.multipliedBy(2))
          .plus(duration)
          .plus(replyTimeout.multipliedBy(2))
          .plus(cyclePause.plus(replyTimeout.multipliedBy(3)).multipliedBy(cycles))
          .plus(Duration.ofSeconds(30));
  private final ResourceSampler sampler =
      ResourceSampler.start(
          support.target, settings.samplerInterval(), maxDuration.plus(Duration.ofMinutes(1)));

  private final AtomicInteger warmUpAnswered = new AtomicInteger();
  private final AtomicInteger messagesStarted = new AtomicInteger();
  private final AtomicInteger messagesSettled = new AtomicInteger();
  private final AtomicInteger messagesAnswered = new AtomicInteger();
  private final AtomicInteger cyclesCompleted = new AtomicInteger();

  /** When each measured message was answered, ms after "initial": the leak series' axis. */
  private final List<Long> answeredAtMs = new ArrayList<>();

  private volatile long initialNs;

  // protocol
  private final HttpProtocolBuilder protocol =
      http.baseUrl(support.target.baseUrl().toString())
          .wsBaseUrl(support.target.wsBaseUrl())
          .contentTypeHeader("application/json");

  // scenarios
  // Each chat message a checked Gatling round trip on its own connection (RoundTrips).
  private final RoundTrips trips =
      new RoundTrips(
          settings.replyErrorPattern(),
          replyTimeout,
          TargetCapabilities.has(support.capabilities.streams()),
          support.target::isAlive);

  private final ScenarioBuilder warmUpChat =
      scenario(RequestNames.LEAK_WARMUP)
          .exec(ws(RequestNames.connect(RequestNames.LEAK_WARMUP)).connect("/ws"))
          .exec(trips.roundTrip(RequestNames.LEAK_WARMUP, null, null))
          .exec(this::warmUpSettled)
          .exec(ws(RequestNames.close(RequestNames.LEAK_WARMUP)).close());

  private final ScenarioBuilder chat =
      scenario(RequestNames.LEAK_MESSAGES)
          .exec(this::messageStarted)
          .exec(ws(RequestNames.connect(RequestNames.LEAK_MESSAGES)).connect("/ws"))
          .exec(trips.roundTrip(RequestNames.LEAK_MESSAGES, null, null))
          .exec(this::messageSettled)
          .exec(ws(RequestNames.close(RequestNames.LEAK_MESSAGES)).close());

  private final ScenarioBuilder connectCycles =
      scenario("leak cycles")
          .repeat(cycles, "i")
          .on(
              exec(s -> s.set("cycle", s.getInt("i") + 1).markAsSucceeded())
                  .exec(ws("cycle connect").connect("/ws"))
                  .exec(ws("cycle close").close())
                  .exec(
                      http("bot launch")
                          .post("/api/bot/launch")
                          .body(
                              StringBody(
                                  "{\"bot_id\":\"leak-cycle-#{cycle}\",\"adapter\":\"mock\"}"))
                          .check(jsonPath("$.success").ofBoolean().is(true)))
                  .exec(
                      http("bot stop")
                          .post("/api/bot/stop/leak-cycle-#{cycle}")
                          .check(jsonPath("$.success").ofBoolean().is(true)))
                  .exec(this::cycleDone)
                  .pause(cyclePause))
          // The leak verdict is the probe's: a request Gatling's assertion can gate carries it.
          .exec(
              http(RequestNames.VERDICT_LEAK)
                  .get("/api/health")
                  .check(bodyString().transform(b -> leakVerdict()).is(RoundTrips.PASS)));

  {
    support.probe(ResourceSamples.PROBE, sampler::stop);
    support.probe(LeakRunFacts.PROBE, this::facts);

    // andThen adds children, so the chain is nested from the last phase back
    setUp(
            warmUpChat
                .injectOpen(rampUsers(WARM_UP_MESSAGES).during(warmUp))
                .andThen(
                    chat.injectOpen(rampUsers(messages).during(duration))
                        .andThen(connectCycles.injectOpen(atOnceUsers(1)))))
        .protocols(protocol)
        .assertions(assertions(messages))
        .maxDuration(maxDuration);
  }

  @Override
  public void before() {
    support.awaitStart();
    sampler.checkpoint(LeakRunFacts.FRESH_START);
  }

  @Override
  public void after() {
    support.finish();
  }

  private LeakRunFacts facts() {
    List<Long> at;
    synchronized (answeredAtMs) {
      at = List.copyOf(answeredAtMs);
    }
    return new LeakRunFacts(
        messages,
        duration.toSeconds(),
        cycles,
        support.target.startedByThisRun(),
        messagesAnswered.get(),
        cyclesCompleted.get(),
        WARM_UP_MESSAGES,
        warmUp.toSeconds(),
        warmUpAnswered.get(),
        at);
  }

  /**
   * The leak verdict as the report computes it (the same series and detector, on the samples so
   * far: the series ends at the "after messages" checkpoint, before the cycles): FAIL when a leak
   * is detected; PASS too when there is no verdict (the report says "not measured").
   */
  private String leakVerdict() {
    Optional<LeakDetector.Verdict> v =
        LeakSeries.of(facts(), sampler.result()).flatMap(LeakDetector::analyze);
    return v.filter(LeakDetector.Verdict::leak)
        .map(x -> "FAIL: leak detected, " + x.statistic())
        .orElse(RoundTrips.PASS);
  }

  /** Every measured message answered (as the report requires), and no leak detected. */
  static List<Assertion> assertions(int messages) {
    return List.of(
        details(RequestNames.reply(RequestNames.LEAK_MESSAGES))
            .successfulRequests()
            .count()
            .gte((long) messages),
        details(RequestNames.VERDICT_LEAK).successfulRequests().count().is(1L));
  }

  private Session warmUpSettled(Session s) {
    if (!s.getBoolean(RoundTrips.LOST)) {
      warmUpAnswered.incrementAndGet();
    }
    return s;
  }

  /** The first measured message marks "initial": the warm-up phase has ended (andThen). */
  private Session messageStarted(Session s) {
    if (messagesStarted.getAndIncrement() == 0) {
      initialNs = System.nanoTime();
      sampler.checkpoint(LeakRunFacts.INITIAL);
    }
    return s;
  }

  private Session messageSettled(Session s) {
    if (!s.getBoolean(RoundTrips.LOST)) {
      messagesAnswered.incrementAndGet();
      synchronized (answeredAtMs) {
        answeredAtMs.add((System.nanoTime() - initialNs) / 1_000_000);
      }
    }
    if (messagesSettled.incrementAndGet() == messages) {
      sampler.checkpoint(LeakRunFacts.afterMessagesLabel(messages));
    }
    return s;
  }

  private Session cycleDone(Session s) {
    int cycle = s.getInt("cycle");
    if (!s.isFailed()) {
      cyclesCompleted.incrementAndGet();
    }
    sampler.checkpoint(LeakRunFacts.afterCycleLabel(cycle));
    return s;
  }
}
