package org.port8000.perf.simulations.benchmark;

import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.PopulationBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.port8000.perf.config.BenchmarkSettings;
import org.port8000.perf.results.BenchmarkFacts;
import org.port8000.perf.results.BenchmarkRequests;
import org.port8000.perf.simulations.Bodies;
import org.port8000.perf.simulations.Phases;

/**
 * The seed's "CPU with 5 bots": five bots, each answering tasks at a fixed pace, between two
 * checkpoints of the target's CPU. It runs once, on the first injector: more injectors would make
 * it more than five bots.
 */
public final class BusyBots {
  private final BenchmarkPlan plan;
  private final Operations ops;
  private final TargetReadings readings;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicInteger done = new AtomicInteger();

  public BusyBots(BenchmarkPlan plan, Operations ops, TargetReadings readings) {
    this.plan = plan;
    this.ops = ops;
    this.readings = readings;
  }

  /** The phase, or none where this injector does not run it. */
  public List<PopulationBuilder> populations() {
    return plan.runsOnce() ? List.of(population()) : List.of();
  }

  private PopulationBuilder population() {
    BenchmarkSettings p = plan.settings;
    return scenario("busy")
        .exec(
            exec(s -> s.set(Bodies.BOT, ops.botId("busy-", s.userId()))),
            BotRequests.launch(BenchmarkRequests.BUSY_LAUNCH, Operations.succeeded()),
            rendezVous(BenchmarkSettings.BUSY_BOTS),
            Phases.checkpoint(this::allLaunched),
            // a fixed pace per bot: the same work for every server, however fast it answers
            during(p.busy())
                .on(
                    pace(Duration.ofMillis(1000 / p.busyTasksPerSecond()))
                        .exec(
                            BotRequests.task(
                                BenchmarkRequests.BUSY_TASK, "keep busy", Operations.succeeded()))),
            Phases.checkpoint(this::oneDone),
            BotRequests.stop(BenchmarkRequests.BUSY_STOP, Operations.succeeded()))
        .injectOpen(atOnceUsers(BenchmarkSettings.BUSY_BOTS));
  }

  private void allLaunched() {
    if (started.compareAndSet(false, true)) {
      readings.checkpoint(BenchmarkFacts.BUSY_START);
    }
  }

  private void oneDone() {
    if (done.incrementAndGet() == BenchmarkSettings.BUSY_BOTS) {
      readings.checkpoint(BenchmarkFacts.BUSY_END);
    }
  }
}
