package org.port8000.perf.simulations.benchmark;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.ws;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.port8000.perf.probe.StepRecorder;
import org.port8000.perf.results.BenchmarkFacts;
import org.port8000.perf.results.BenchmarkRequests;

/**
 * Connect → message → close at rising rates: a warm-up, a baseline reading of the target's process,
 * each step (connect and reply timed; the ramp stops at its first broken step), then a cool-down.
 */
public final class ChurnRamp {
  private static final String CONNECT_STARTED = "c0";
  private static final String CONNECT_MS = "crt";

  private final BenchmarkPlan plan;
  private final Operations ops;
  private final TargetReadings readings;
  private final StepRecorder steps;

  public ChurnRamp(BenchmarkPlan plan, Operations ops, TargetReadings readings) {
    this.plan = plan;
    this.ops = ops;
    this.readings = readings;
    this.steps = new StepRecorder(plan.mostUsersRule()::why);
  }

  /** Warm-up, baseline, every step, cool-down: one after another. */
  public List<PopulationBuilder> populations() {
    List<PopulationBuilder> out = new ArrayList<>();
    out.add(
        scenario("churn warm-up")
            .exec(
                ops.wsMessage(
                    BenchmarkRequests.CHURN_WARMUP_CONNECT,
                    BenchmarkRequests.CHURN_WARMUP_MESSAGE,
                    BenchmarkRequests.CHURN_WARMUP_CLOSE))
            .injectOpen(rampUsers(plan.churnWarmUpUsers()).during(Duration.ofSeconds(1))));
    out.add(
        scenario("churn baseline")
            .exec(
                pause(Duration.ofSeconds(1)), readings.snapshotStep(BenchmarkFacts.CHURN_BASELINE))
            .injectOpen(atOnceUsers(1)));
    for (int rate : plan.settings.churnRates()) {
      out.add(step(rate));
    }
    out.add(
        scenario("churn cool-down")
            .pause(plan.settings.churnCoolDown())
            .injectOpen(atOnceUsers(1)));
    return out;
  }

  private PopulationBuilder step(int rate) {
    String step = "churn " + rate + "/s";
    int users = plan.churnUsers(rate);
    steps.plan(step, rate, users);
    return scenario(step)
        .doIf(s -> steps.begin(step))
        .then(
            exec(s -> s.set(CONNECT_STARTED, System.nanoTime()))
                .exec(ws(BenchmarkRequests.churnConnect(rate)).connect("/ws"))
                .exec(s -> s.set(CONNECT_MS, msSince(s.getLong(CONNECT_STARTED))))
                .exec(ops.chatMessage(BenchmarkRequests.churnMessage(rate)))
                .exec(ws(BenchmarkRequests.CHURN_CLOSE).close())
                .exec(s -> record(step, s))
                .exec(ops.stopIfTargetDied()))
        .injectOpen(rampUsers(users).during(plan.settings.churnStep()));
  }

  private static int msSince(long nanoTime) {
    return (int) ((System.nanoTime() - nanoTime) / 1_000_000);
  }

  private Session record(String step, Session s) {
    if (!s.isFailed()) {
      steps.latency(step, BenchmarkRequests.STEP_CONNECT, s.getInt(CONNECT_MS));
      steps.latency(step, BenchmarkRequests.STEP_REPLY, Operations.latencyMs(s));
    }
    steps.done(step, !s.isFailed());
    return s;
  }

  public List<BenchmarkFacts.Step> steps() {
    return steps.result();
  }
}
