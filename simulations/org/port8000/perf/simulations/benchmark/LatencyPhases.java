package org.port8000.perf.simulations.benchmark;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import java.util.List;
import java.util.function.UnaryOperator;
import org.port8000.perf.results.BenchmarkFacts;
import org.port8000.perf.results.BenchmarkRequests;
import org.port8000.perf.simulations.Bodies;

/**
 * The phases around the latency rows: the set-up (the task bot and a history line), a closed-loop
 * warm-up of every operation, the target idle (its CPU between two checkpoints), each operation at
 * a fixed modest open rate, and at the very end the task bot stopped.
 */
public final class LatencyPhases {
  private final BenchmarkPlan plan;
  private final Operations ops;
  private final TargetReadings readings;

  public LatencyPhases(BenchmarkPlan plan, Operations ops, TargetReadings readings) {
    this.plan = plan;
    this.ops = ops;
    this.readings = readings;
  }

  /** Set-up, warm-up, idle and latency, one after another. */
  public List<PopulationBuilder> opening() {
    return List.of(setup(), warmUp(), idle(), latency());
  }

  private PopulationBuilder setup() {
    return scenario("setup")
        .exec(
            readings.snapshotStep(BenchmarkFacts.RUN_START),
            exec(s -> s.set(Bodies.BOT, ops.taskBot)),
            BotRequests.launch(BenchmarkRequests.SETUP_LAUNCH, Operations.succeeded()),
            exec(
                http(BenchmarkRequests.SETUP_HISTORY)
                    .post("/api/chat/message")
                    .body(StringBody(Bodies.saveMessage("user", "benchmark setup")))
                    .check(Operations.succeeded())))
        .injectOpen(atOnceUsers(1));
  }

  private PopulationBuilder warmUp() {
    return scenario("warm-up")
        .exec(ops.latencyBranches(BenchmarkRequests::warmUp))
        .injectClosed(constantConcurrentUsers(plan.warmUpUsers()).during(plan.settings.warmUp()));
  }

  private PopulationBuilder idle() {
    return scenario("idle")
        .exec(
            readings.checkpointStep(BenchmarkFacts.IDLE_START),
            pause(plan.settings.idle()),
            readings.checkpointStep(BenchmarkFacts.IDLE_END))
        .injectOpen(atOnceUsers(1));
  }

  private PopulationBuilder latency() {
    List<ChainBuilder> branches = ops.latencyBranches(UnaryOperator.identity());
    return scenario("latency")
        .exec(roundRobinSwitch().on(branches))
        .exec(ops.stopIfTargetDied())
        .injectOpen(rampUsers(plan.latencyUsers(branches.size())).during(plan.settings.latency()));
  }

  /** The task bot stopped: the last phase. */
  public PopulationBuilder finish() {
    return scenario("finish")
        .exec(http(BenchmarkRequests.FINISH_STOP).post("/api/bot/stop/" + ops.taskBot))
        .injectOpen(atOnceUsers(1));
  }
}
