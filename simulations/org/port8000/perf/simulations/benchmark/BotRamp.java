package org.port8000.perf.simulations.benchmark;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import java.util.concurrent.atomic.AtomicInteger;
import org.port8000.perf.results.BenchmarkFacts;
import org.port8000.perf.results.BenchmarkRequests;
import org.port8000.perf.simulations.Bodies;

/**
 * Bots launched one by one, each answering a task, up to this injector's bound or the first failure
 * (a checkpoint of the target's memory after each); then all of them stopped again.
 */
public final class BotRamp {
  private static final String BOT_PREFIX = "ramp-";

  private final BenchmarkPlan plan;
  private final Operations ops;
  private final TargetReadings readings;
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger stopped = new AtomicInteger();
  private volatile String firstFailure;

  public BotRamp(BenchmarkPlan plan, Operations ops, TargetReadings readings) {
    this.plan = plan;
    this.ops = ops;
    this.readings = readings;
  }

  public PopulationBuilder population() {
    return scenario("bots")
        .exec(
            repeat(plan.botsMax(), "i").on(doIf(s -> firstFailure == null).then(launchOne())),
            repeat(s -> running.get(), "j").on(stopOne()))
        .injectOpen(atOnceUsers(1));
  }

  private ChainBuilder launchOne() {
    return exec(s -> s.set(Bodies.BOT, bot(s.getInt("i"))))
        .exec(
            BotRequests.launch(
                BenchmarkRequests.BOTS_LAUNCH, status().is(200), Operations.succeeded()))
        .exec(
            BotRequests.task(
                BenchmarkRequests.BOTS_TASK,
                "are you there",
                status().is(200),
                Operations.succeeded()))
        .exec(this::answered);
  }

  private ChainBuilder stopOne() {
    return exec(s -> s.set(Bodies.BOT, bot(s.getInt("j"))))
        .exec(
            BotRequests.stop(BenchmarkRequests.BOTS_STOP, status().is(200), Operations.succeeded()))
        .exec(this::stoppedOne);
  }

  /** The id of the ramp's bot at {@code index} (from 0) of this injector. */
  private String bot(int index) {
    return ops.botId(BOT_PREFIX, plan.firstBot() + index);
  }

  private Session answered(Session s) {
    if (s.isFailed()) {
      firstFailure = "bot " + (s.getInt("i") + 1) + " failed to launch or to answer its task";
      return s.markAsSucceeded();
    }
    readings.checkpoint(BenchmarkFacts.botsCheckpoint(running.incrementAndGet()));
    return s;
  }

  private Session stoppedOne(Session s) {
    if (!s.isFailed()) {
      stopped.incrementAndGet();
    }
    return s.markAsSucceeded();
  }

  /** The ramp as the probe file records it (this injector's bound). */
  public BenchmarkFacts.Bots facts() {
    return new BenchmarkFacts.Bots(plan.botsMax(), running.get(), firstFailure, stopped.get());
  }
}
