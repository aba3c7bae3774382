package org.port8000.perf.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.port8000.perf.probe.FootprintRecorder;
import org.port8000.perf.probe.MonotonicClock;
import org.port8000.perf.results.RequestNames;

/**
 * The heartbeat run's footprint step on the quiet target (memory per connection): quiet readings,
 * then idle connections opened over a ramp, held until the readings with them open were taken. Only
 * injector 0 runs it; the other injectors wait as long as it is planned to take, so their soak
 * clients do not connect while it reads.
 */
final class FootprintStep {
  private final HeartbeatPlan plan;
  private final FootprintRecorder recorder;
  // with several injectors: when every injector's soak phase starts (epoch ms)
  private final LongSupplier soakPhaseAtMs;

  FootprintStep(HeartbeatPlan plan, FootprintRecorder recorder, LongSupplier soakPhaseAtMs) {
    this.plan = plan;
    this.recorder = recorder;
    this.soakPhaseAtMs = soakPhaseAtMs;
  }

  // quiet readings before the footprint connections open; their spread is the step's noise
  private ScenarioBuilder baseline() {
    return scenario("footprint baseline")
        .pause(FootprintRecorder.SETTLE)
        .repeat(FootprintRecorder.READINGS, "reading")
        .on(exec(this::quietReading).pause(FootprintRecorder.READING_GAP));
  }

  private ScenarioBuilder connections() {
    return scenario("footprint")
        .exec(ws(RequestNames.FOOTPRINT_CONNECT).connect("/ws"))
        .exec(this::settled)
        .doIf(s -> !s.isFailed())
        .then(
            asLongAsDuring(s -> recorder.holding(), FootprintRecorder.HOLD_MAX)
                .on(pause(Duration.ofMillis(200)))
                .exec(ws(RequestNames.FOOTPRINT_CLOSE).close()));
  }

  /**
   * The step's phases on this injector: the step itself, the wait for it, or none; with several
   * injectors, then a wait until every injector's soak phase starts together.
   */
  List<PopulationBuilder> phases() {
    if (plan.sharedSoakStart()) {
      List<PopulationBuilder> out = new ArrayList<>();
      if (plan.footprintConnections() > 0) {
        out.addAll(step());
      }
      out.add(scenario("soak schedule").pause(s -> untilSoakPhase()).injectOpen(atOnceUsers(1)));
      return out;
    }
    if (plan.footprintConnections() > 0) {
      return step();
    }
    if (!plan.footprintWait().isZero()) {
      return List.of(
          scenario("footprint wait").pause(plan.footprintWait()).injectOpen(atOnceUsers(1)));
    }
    return List.of();
  }

  private List<PopulationBuilder> step() {
    return List.of(
        baseline().injectOpen(atOnceUsers(1)),
        connections()
            .injectOpen(rampUsers(plan.footprintConnections()).during(plan.footprintRamp())));
  }

  /** The wait until the shared soak phase; none when it has passed (the step overran it). */
  private Duration untilSoakPhase() {
    long wait = soakPhaseAtMs.getAsLong() - MonotonicClock.nowMillis();
    if (wait < 0) {
      System.out.println(
          "[perf] heartbeat: the footprint step ended "
              + -wait
              + " ms after the injectors' shared soak phase began; this injector's soak starts"
              + " that late");
    }
    return Duration.ofMillis(Math.max(0, wait));
  }

  private Session quietReading(Session s) {
    recorder.readQuiet(s.getInt("reading") + 1);
    return s;
  }

  private Session settled(Session s) {
    recorder.connectionSettled(s.isFailed());
    return s;
  }
}
