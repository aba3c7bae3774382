package org.port8000.perf.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.port8000.perf.config.InjectorShare;
import org.port8000.perf.config.Settings;
import org.port8000.perf.results.LeakFacts;
import org.port8000.perf.results.RequestNames;

/**
 * Memory and leaks (assignment §4) on a freshly started target: the "fresh start" memory; {@value
 * #WARM_UP_MESSAGES} warm-up chat messages at {@value #WARM_UP_PER_SECOND}/s; the "initial" memory;
 * {@code leak.messages} chat messages spread evenly over {@code leak.durationSeconds} (open model:
 * each on its own connection, waiting for its final reply); then {@code leak.cycles}
 * connect/disconnect cycles (WebSocket connect/close and bot launch/stop), a checkpoint after each.
 * Every chat message is a checked Gatling round trip ({@link RoundTrips}). The resource sampler
 * runs throughout ({@link LeakRun}); the leak verdict is computed from its series from "initial"
 * on, over the messages answered so far, and gates the run as a Gatling request ({@link
 * RequestNames#VERDICT_LEAK}). With several injectors each sends its share of the messages and
 * cycles (bot ids disjoint) and the whole warm-up; injector 0 alone reads the target's memory, and
 * the merge judges the leak (injector 0's own messages are a share of what its readings hold).
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

  // Parameters, read once: this injector's share of the messages and cycles. The warm-up is not
  // shared: it saturates each server process's own growth, and with several injectors (e.g. one per
  // instance) a share of it left each instance half warmed up, its rest of the growth inside the
  // measured messages (2 injectors × 100 on 2 reference instances: +53 MB per 1,000 messages, a
  // false leak). Every injector sends all of it; warm-up messages are not measured.
  private final SimulationSupport support = SimulationSupport.start(getClass());
  private final Settings settings = support.settings;
  private final InjectorShare injector = support.injector;
  private final int warmUpMessages = WARM_UP_MESSAGES;
  private final int messages = injector.users(settings.leakMessages());
  private final Duration duration = settings.leakDuration();
  private final int cycles = injector.users(settings.leakCycles());
  private final int firstCycle = injector.firstId(settings.leakCycles()) + 1;
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
          .plus(cyclePause.plus(replyTimeout.multipliedBy(3)).multipliedBy(settings.leakCycles()))
          .plus(Duration.ofSeconds(30));
  private final LeakRun run =
      new LeakRun(support, messages, cycles, warmUpMessages, warmUp, maxDuration.plusMinutes(1));

  // Protocol.
  private final HttpProtocolBuilder protocol =
      http.baseUrl(support.target.baseUrl().toString())
          .wsBaseUrl(support.target.wsBaseUrl())
          .contentTypeHeader("application/json");

  // Scenarios: each chat message a checked Gatling round trip on its own connection.
  private final RoundTrips trips = RoundTrips.of(support);

  private final ScenarioBuilder warmUpChat =
      scenario(RequestNames.LEAK_WARMUP)
          .exec(ws(RequestNames.connect(RequestNames.LEAK_WARMUP)).connect("/ws"))
          .exec(trips.roundTrip(RequestNames.LEAK_WARMUP, null, null))
          .exec(run::warmUpSettled)
          .exec(ws(RequestNames.close(RequestNames.LEAK_WARMUP)).close());

  private final ScenarioBuilder chat =
      scenario(RequestNames.LEAK_MESSAGES)
          .exec(run::messageStarted)
          .exec(ws(RequestNames.connect(RequestNames.LEAK_MESSAGES)).connect("/ws"))
          .exec(trips.roundTrip(RequestNames.LEAK_MESSAGES, null, null))
          .exec(run::messageSettled)
          .exec(ws(RequestNames.close(RequestNames.LEAK_MESSAGES)).close());

  /** One cycle: a socket opened and closed, a bot (id leak-cycle-n) launched and stopped. */
  private final ChainBuilder cycle =
      exec(s -> s.set(Bodies.BOT, "leak-cycle-" + (firstCycle + s.getInt("i"))).markAsSucceeded())
          .exec(ws(RequestNames.CYCLE_CONNECT).connect("/ws"))
          .exec(ws(RequestNames.CYCLE_CLOSE).close())
          .exec(
              http(RequestNames.CYCLE_BOT_LAUNCH)
                  .post("/api/bot/launch")
                  .body(StringBody(Bodies.LAUNCH_BOT))
                  .check(jsonPath("$.success").ofBoolean().is(true)))
          .exec(
              http(RequestNames.CYCLE_BOT_STOP)
                  .post("/api/bot/stop/#{" + Bodies.BOT + "}")
                  .check(jsonPath("$.success").ofBoolean().is(true)))
          .exec(s -> run.cycleDone(s, firstCycle + s.getInt("i")))
          .pause(cyclePause);

  // The leak verdict is the probe's: a request Gatling's assertion can gate carries it.
  private final ScenarioBuilder connectCycles =
      scenario(RequestNames.LEAK_CYCLES)
          .repeat(cycles, "i")
          .on(cycle)
          .doIf(session -> run.judgesLeak())
          .then(Verdicts.request(RequestNames.VERDICT_LEAK, run::verdict));

  // Assertions: every measured message answered (as the report requires), and no leak detected.
  static List<Assertion> assertions(int messages, boolean judgesLeak) {
    List<Assertion> a = new ArrayList<>();
    a.add(
        details(RequestNames.reply(RequestNames.LEAK_MESSAGES))
            .successfulRequests()
            .count()
            .gte((long) messages));
    if (judgesLeak) {
      a.add(details(RequestNames.VERDICT_LEAK).successfulRequests().count().is(1L));
    }
    return a;
  }

  {
    List<PopulationBuilder> phases =
        List.of(
            warmUpChat.injectOpen(rampUsers(warmUpMessages).during(warmUp)),
            chat.injectOpen(rampUsers(messages).during(duration)),
            connectCycles.injectOpen(atOnceUsers(1)));
    setUp(Phases.inSequence(phases))
        .protocols(protocol)
        .assertions(assertions(messages, run.judgesLeak()))
        .maxDuration(maxDuration);
  }

  @Override
  public void before() {
    support.awaitStart();
    run.checkpoint(LeakFacts.FRESH_START);
  }

  @Override
  public void after() {
    support.finish();
  }
}
