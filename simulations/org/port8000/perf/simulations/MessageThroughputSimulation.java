package org.port8000.perf.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.port8000.perf.config.InjectorShare;
import org.port8000.perf.probe.MessageTimings;
import org.port8000.perf.results.PhaseFacts;
import org.port8000.perf.results.RequestNames;

/**
 * Assignment §1, message throughput, one phase after another: a warm-up at the first step's rate
 * (not judged); the assignment's burst from one client ({@link OneClientBurst}, timed by the
 * probe); the same burst from many clients (one connection per message); then steps of rising rate
 * ({@link ThroughputStep}: a pool of connection users, each sending one message per {@link
 * #CONNECTION_PACE} and awaiting its reply; a step that broke is repeated once after {@link
 * #COOL_DOWN}). Every other round trip is a checked Gatling request ({@link RoundTrips}), so
 * Gatling's HTML report, its assertions and the markdown report show the same figures. With several
 * injectors each offers its share of every rate and of the many-client burst; the one-client burst
 * runs on injector 0 only (the others wait as long, so the steps stay aligned), and the knee rule's
 * verdict is left to the merge. Injector 0 samples the target's memory and CPU over the run ({@link
 * TargetSampling}): figures for the report, which §1 does not judge.
 */
public class MessageThroughputSimulation extends Simulation {

  /** A step connection sends one message this often: twice the latency target. */
  public static final Duration CONNECTION_PACE = RoundTrips.PACE;

  /** The pause before a broken step's second try, so its first try's backlog clears. */
  static final Duration COOL_DOWN = Duration.ofSeconds(3);

  // Parameters, read once.
  private final SimulationSupport support = SimulationSupport.start(getClass());
  private final InjectorShare injector = support.injector;
  private final int burstMessages = support.settings.burstMessages();
  private final Duration burstInterval = support.settings.burstInterval();
  private final double burstRate = 1000.0 / burstInterval.toMillis();
  private final int burstUsers = injector.users(burstMessages);
  private final Duration replyTimeout = support.settings.replyTimeout();
  private final List<Integer> steps = support.settings.throughputSteps();
  private final Duration stepDuration = support.settings.throughputStep();
  private final Duration warmupDuration = support.settings.throughputWarmup();
  private final boolean oneClient = injector.isFirst();
  private final boolean judgesSteps = injector.count() == 1;

  {
    double highest = injector.rate(steps.get(steps.size() - 1));
    FileLimit.check(Math.max(RoundTrips.poolSize(highest), burstUsers));
  }

  // Protocol.
  private final HttpProtocolBuilder protocol =
      http.baseUrl(support.target.baseUrl().toString()).wsBaseUrl(support.target.wsBaseUrl());

  // Scenarios: the phases in order, recorded by the message probe.
  private final MessageTimings timings = new MessageTimings();
  private final RoundTrips trips = RoundTrips.of(support);
  private final OneClientBurst oneClientBurst =
      oneClient ? new OneClientBurst(support, timings, burstMessages, burstRate) : null;
  private final List<ThroughputStep> stepTries = new ArrayList<>();

  /** The same burst from many clients: each message on its own connection, awaiting its reply. */
  private PopulationBuilder manyClientBurst() {
    MessageTimings.Recorder r =
        timings.gatlingTimed(RequestNames.BURST, burstUsers, injector.rate(burstRate), burstUsers);
    return scenario(RequestNames.BURST)
        .exec(ws(RequestNames.connect(RequestNames.BURST)).connect("/ws"))
        .doIf(session -> !session.isFailed())
        .then(
            exec(trips.roundTrip(RequestNames.BURST, r, null)),
            exec(ws(RequestNames.close(RequestNames.BURST)).close()))
        .exec(Phases.checkpoint(() -> r.userDone(burstUsers)))
        .injectOpen(rampUsers(burstUsers).during(burstInterval.multipliedBy(burstMessages)));
  }

  /** The warm-up (not measured), the bursts, then per step its try and its conditional retry. */
  private List<PopulationBuilder> phases() {
    List<PopulationBuilder> p = new ArrayList<>();
    int first = steps.get(0);
    p.add(
        ThroughputStep.warmup(first, injector.rate(first), warmupDuration)
            .population(trips, replyTimeout));
    p.add(
        oneClient
            ? oneClientBurst.population(protocol)
            : OneClientBurst.waitElsewhere(burstMessages, burstInterval));
    p.add(manyClientBurst());
    for (int rate : steps) {
      ThroughputStep step =
          ThroughputStep.first(timings, rate, injector.rate(rate), stepDuration, support);
      ThroughputStep retry = ThroughputStep.retry(timings, step, COOL_DOWN, support);
      stepTries.add(step);
      stepTries.add(retry);
      p.add(step.population(trips, replyTimeout));
      p.add(retry.population(trips, replyTimeout));
    }
    List<ChainBuilder> verdicts = verdicts();
    if (!verdicts.isEmpty()) {
      p.add(scenario(RequestNames.VERDICTS).exec(verdicts).injectOpen(atOnceUsers(1)));
    }
    return p;
  }

  /** The verdicts as Gatling requests, where this injector's own figures decide them. */
  private List<ChainBuilder> verdicts() {
    List<ChainBuilder> v = new ArrayList<>();
    if (oneClient) {
      v.add(Verdicts.request(RequestNames.VERDICT_ONE_CLIENT_BURST, oneClientBurst::verdict));
    }
    if (judgesSteps) {
      v.add(Verdicts.request(RequestNames.VERDICT_SUSTAINED, () -> Verdicts.kneeRule(stepTries)));
    }
    return v;
  }

  private Duration maxDuration() {
    Duration perTry =
        ThroughputStep.LEAD.plus(CONNECTION_PACE).plus(replyTimeout.multipliedBy(2)).plusSeconds(2);
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

  private final TargetSampling sampling = new TargetSampling(support, maxDuration());

  {
    support.probe(PhaseFacts.PROBE, timings::result);
    sampling.recordProbe();
    setUp(Phases.inSequence(phases()))
        .protocols(protocol)
        .assertions(Verdicts.throughput(burstUsers, oneClient, judgesSteps))
        .maxDuration(maxDuration());
  }

  @Override
  public void before() {
    support.awaitStart();
    sampling.start();
  }

  @Override
  public void after() {
    support.finish();
  }
}
