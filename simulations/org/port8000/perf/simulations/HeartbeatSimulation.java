package org.port8000.perf.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.WsSendTextActionBuilder;
import java.util.ArrayList;
import java.util.List;
import org.port8000.perf.analysis.Thresholds;
import org.port8000.perf.probe.FootprintRecorder;
import org.port8000.perf.probe.HeartbeatSoakRecorder;
import org.port8000.perf.results.RequestNames;

/**
 * WebSocket heartbeat soak (assignment §2): the footprint step on the quiet target (injector 0:
 * idle connections for memory per connection), then this injector's share of the clients say hello
 * and heartbeat together, awaiting acks unless the target has none; without a known ack a ping/pong
 * probe measures liveness beside them (Gatling cannot send pings). See {@link HeartbeatPlan}.
 */
public class HeartbeatSimulation extends Simulation {

  /** Reconnects a client may make after its connection dropped (counted in the report). */
  private static final int MAX_RECONNECTS = 3;

  // parameters, read once; the probes beside the load
  private final SimulationSupport support = SimulationSupport.start(getClass());
  private final HeartbeatRun run = new HeartbeatRun(support);
  private final HeartbeatPlan plan = run.plan;
  private final HeartbeatSteps steps = run.steps;

  // protocol
  private final HttpProtocolBuilder protocol =
      http.baseUrl(support.target.baseUrl().toString())
          .wsBaseUrl(support.target.wsBaseUrl())
          .wsMaxReconnects(MAX_RECONNECTS);

  // scenarios
  private final WsSendTextActionBuilder heartbeat =
      ws(RequestNames.HEARTBEAT_SEND).sendText(Bodies.HEARTBEAT);

  private final ChainBuilder heartbeats =
      repeat(plan.perClient(), HeartbeatSteps.SEQ)
          .on(
              pace(plan.interval())
                  .exec(
                      exec(steps::stampHeartbeat),
                      run.ackSupported ? awaitAck(heartbeat) : heartbeat,
                      exec(steps::countSent),
                      exec(steps::countLoss)))
          .exec(steps::soakedToTheEnd);

  private final ScenarioBuilder soak =
      scenario("heartbeat soak")
          .exec(
              ws(RequestNames.HEARTBEAT_CONNECT)
                  .connect("/ws")
                  .onConnected(exec(steps::connectionOpened)))
          .exec(steps::clientConnected)
          .doIf(s -> !s.isFailed())
          .then(
              // one chat message per client, so a crash-after-N-messages fault fires in the soak
              exec(ws(RequestNames.HEARTBEAT_HELLO_SEND)
                      .sendText(Bodies.chat("hello"))
                      .await(plan.replyTimeout())
                      .on(
                          ws.checkTextMessage(RequestNames.HEARTBEAT_HELLO)
                              .matching(jsonPath("$.type").is("response"))))
                  .exec(steps::helloSettled)
                  .asLongAsDuring(s -> run.soak.othersSettling(), plan.allConnectedMax())
                  .on(pause(HeartbeatSoakRecorder.SETTLED_POLL))
                  .pause(steps::untilMyStart)
                  .doIf(s -> !s.contains(HeartbeatSteps.LOST))
                  .then(exec(heartbeats))
                  .exec(steps::clientDone)
                  .exec(ws(RequestNames.HEARTBEAT_CLOSE).close()))
          .doIf(s -> s.contains(HeartbeatSteps.CONNECT_FAILED))
          .then(exec(steps::clientDone));

  // after the footprint connections closed: a reading of the quiet target, then the soak
  private final ScenarioBuilder soakStart =
      scenario("soak start")
          .pause(FootprintRecorder.SETTLE)
          .exec(Phases.checkpoint(run::startSoak));

  {
    if (support.refused()) {
      setUp(support.couldNotStartPopulation())
          .protocols(protocol)
          .assertions(SimulationSupport.couldNotStartAssertion());
    } else {
      run.recordProbes();
      setUp(Phases.inSequence(phases()))
          .protocols(protocol)
          // the Gatling-side gate of the stability target (the report judges the rest)
          .assertions(
              details(run.gatedRequest())
                  .successfulRequests()
                  .percent()
                  .gte(Thresholds.STABILITY.limit()))
          .maxDuration(plan.maxDuration());
    }
  }

  /** The footprint step (or the wait for it), then the soak (clients ramp over >= 1 s). */
  private List<PopulationBuilder> phases() {
    List<PopulationBuilder> phases = new ArrayList<>(run.footprintStep.phases());
    phases.add(soakStart.injectOpen(atOnceUsers(1)));
    phases.add(soak.injectOpen(rampUsers(plan.clients()).during(plan.clientRamp())));
    return phases;
  }

  /** One heartbeat that awaits its ack (same seq) when the target acks heartbeats. */
  private WsSendTextActionBuilder awaitAck(WsSendTextActionBuilder send) {
    return send.await(plan.ackTimeout())
        .on(
            ws.checkTextMessage(RequestNames.HEARTBEAT_ACK)
                .matching(
                    jsonPath("$.type").is("heartbeat_ack"),
                    jsonPath("$.seq").ofInt().is(s -> s.getInt(HeartbeatSteps.SEQ))));
  }

  @Override
  public void before() {
    support.awaitStart();
    run.startSampling();
  }

  @Override
  public void after() {
    run.soak.windowLine().ifPresent(System.out::println);
    support.finish();
  }
}
