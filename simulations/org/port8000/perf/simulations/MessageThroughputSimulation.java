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
import java.util.UUID;
import org.port8000.perf.analysis.Targets;
import org.port8000.perf.probe.MessageTimings;
import org.port8000.perf.results.PhaseTimings;
import org.port8000.perf.results.RequestNames;

/**
 * Assignment §1, message throughput. A burst of chat messages at a fixed cadence, then steps of
 * rising message rate to find the highest rate the target sustains. Both are open models: each
 * message is its own virtual user on its own connection, so a slow reply never delays the next
 * send (the original server answers in order per connection and has no correlation id).
 */
public class MessageThroughputSimulation extends Simulation {

  /** Phase names; the request names of each phase are {@link RequestNames}'. */
  public static final String BURST = RequestNames.BURST;
  public static final String WARMUP = RequestNames.WARMUP;
  /**
   * Messages sent (one per 100 ms) before the burst and not counted: the first requests to a
   * freshly started JVM server measure its JIT, not its steady latency.
   */
  public static final int WARMUP_MESSAGES = 10;

  public static String stepName(int ratePerSecond) {
    return RequestNames.step(ratePerSecond);
  }

  // Parameters, read once.
  private final SimulationSupport support = SimulationSupport.start(getClass());
  private final int burstMessages = support.settings.burstMessages();
  private final Duration burstInterval = support.settings.burstInterval();
  private final Duration replyTimeout = support.settings.replyTimeout();
  private final List<Integer> steps = support.settings.throughputSteps();
  private final Duration stepDuration = support.settings.throughputStep();
  private final MessageTimings timings = new MessageTimings();

  // Protocol.
  private final HttpProtocolBuilder protocol = http
      .wsBaseUrl(support.target.wsBaseUrl());

  /** One message on its own connection: connect, send, first stream frame, final response. */
  private ChainBuilder message(String phase) {
    return exec(ws(RequestNames.connect(phase)).connect("/ws"))
        .exec(session -> {
          timings.sent(phase, System.currentTimeMillis());
          return session.set("messageId", UUID.randomUUID().toString());
        })
        .exec(ws(RequestNames.message(phase))
            .sendText("{\"type\":\"message\",\"content\":\"perf #{messageId}\",\"id\":\"#{messageId}\"}")
            .await(replyTimeout).on(
                ws.checkTextMessage(RequestNames.firstToken(phase))
                    .matching(jsonPath("$.type").in("stream", "response")),
                ws.checkTextMessage(RequestNames.reply(phase))
                    .matching(jsonPath("$.type").is("response"))))
        .exec(session -> {
          if (!session.isFailed()) {
            timings.replied(phase, System.currentTimeMillis());
          }
          return session;
        })
        .exec(ws(RequestNames.close(phase)).close())
        // A dead target would otherwise make every later message wait out its timeout.
        .exec(stopLoadGeneratorIf(s -> "the target stopped running", s -> !support.target.isAlive()));
  }

  // Scenarios.
  private final ScenarioBuilder warmup = scenario("warm-up").exec(message(WARMUP));
  private final ScenarioBuilder burst = scenario("burst").exec(message(BURST));

  private ScenarioBuilder step(int rate) {
    return scenario("step " + stepName(rate)).exec(message(stepName(rate)));
  }

  /** Warm-up, burst, then each step, one after another (each after the previous finished). */
  private PopulationBuilder population() {
    double burstRate = 1000.0 / burstInterval.toMillis();
    timings.plan(BURST, burstMessages, burstRate);
    List<PopulationBuilder> phases = new ArrayList<>();
    // rampUsers(n).during(d) starts exactly n users evenly over d: a fixed cadence.
    phases.add(warmup.injectOpen(
        rampUsers(WARMUP_MESSAGES).during(Duration.ofMillis(100L * WARMUP_MESSAGES))));
    phases.add(burst.injectOpen(
        rampUsers(burstMessages).during(burstInterval.multipliedBy(burstMessages))));
    for (int rate : steps) {
      int messages = (int) (rate * stepDuration.toSeconds());
      timings.plan(stepName(rate), messages, rate);
      phases.add(step(rate).injectOpen(rampUsers(messages).during(stepDuration)));
    }
    // andThen adds children: chain from the last phase back so each has exactly one successor.
    PopulationBuilder chain = phases.get(phases.size() - 1);
    for (int i = phases.size() - 2; i >= 0; i--) {
      chain = phases.get(i).andThen(chain);
    }
    return chain;
  }

  // Assertions: the assignment's targets, so `mvn gatling:test` alone also gates.
  private List<Assertion> assertions() {
    List<Assertion> a = new ArrayList<>();
    int latencyMs = (int) Targets.LATENCY.limit();
    a.add(details(RequestNames.reply(BURST)).responseTime().percentile(95.0).lte(latencyMs));
    a.add(details(RequestNames.reply(BURST)).failedRequests().count().is(0L));
    // The first step above the throughput target must hold.
    steps.stream().filter(r -> Targets.THROUGHPUT.met(r)).findFirst().ifPresent(r -> {
      a.add(details(RequestNames.reply(stepName(r))).successfulRequests().percent()
          .gte(Targets.STEP_REPLIES.limit()));
      a.add(details(RequestNames.reply(stepName(r))).responseTime().percentile(95.0)
          .lte(latencyMs));
    });
    return a;
  }

  private Duration maxDuration() {
    Duration perStep = stepDuration.plus(replyTimeout).plusSeconds(2);
    return burstInterval.multipliedBy(burstMessages).plus(replyTimeout.multipliedBy(2))
        .plusSeconds(10 + WARMUP_MESSAGES / 10)
        .plus(perStep.multipliedBy(steps.size()));
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
