package org.port8000.perf.simulations.benchmark;

import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import java.util.ArrayList;
import java.util.List;
import org.port8000.perf.probe.StepRecorder;
import org.port8000.perf.results.BenchmarkFacts;
import org.port8000.perf.results.BenchmarkOperation;
import org.port8000.perf.results.BenchmarkRequests;

/**
 * Rising steps of API calls/s, a round-robin mix of the read operations; the ramp stops at its
 * first broken step. It runs last: its broken step overloads the target, which must not spoil the
 * other phases.
 */
public final class ApiRamp {
  private final BenchmarkPlan plan;
  private final Operations ops;
  private final StepRecorder steps;

  public ApiRamp(BenchmarkPlan plan, Operations ops) {
    this.plan = plan;
    this.ops = ops;
    this.steps = new StepRecorder(plan.mostUsersRule()::why);
  }

  /** Every step, one after another. */
  public List<PopulationBuilder> populations() {
    List<PopulationBuilder> out = new ArrayList<>();
    for (int rate : plan.settings.apiSteps()) {
      out.add(step(rate));
    }
    return out;
  }

  private PopulationBuilder step(int rate) {
    String step = "api " + rate + "/s";
    int users = plan.apiUsers(rate);
    steps.plan(step, rate, users);
    List<ChainBuilder> reads =
        BenchmarkOperation.reads().stream()
            .map(o -> ops.operation(o, n -> BenchmarkRequests.apiStep(rate, n)))
            .toList();
    return scenario(step)
        .doIf(s -> steps.begin(step))
        .then(
            exec(roundRobinSwitch().on(reads))
                .exec(s -> record(step, s))
                .exec(ops.stopIfTargetDied()))
        .injectOpen(rampUsers(users).during(plan.settings.apiStep()));
  }

  private Session record(String step, Session s) {
    if (!s.isFailed()) {
      steps.latency(step, s.getString(Operations.OP), Operations.latencyMs(s));
    }
    steps.done(step, !s.isFailed());
    return s;
  }

  public List<BenchmarkFacts.Step> steps() {
    return steps.result();
  }
}
