package org.port8000.perf.simulations.benchmark;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.ws;

import io.gatling.javaapi.core.PopulationBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.port8000.perf.probe.StepRecorder;
import org.port8000.perf.results.BenchmarkFacts;
import org.port8000.perf.results.BenchmarkRequests;
import org.port8000.perf.simulations.Phases;

/**
 * Churn rounds at one fixed rate: connect → message → close, as in the ramp. The round's last user
 * to finish waits the cool-down and takes the reading the memory slope uses (the last round's also
 * for open files), so a round is one population and the next starts right after its reading.
 */
public final class ChurnRounds {
  private final BenchmarkPlan plan;
  private final Operations ops;
  private final TargetReadings readings;
  // Rounds never stop: they count connections for the memory slope.
  private final StepRecorder rounds = new StepRecorder((step, lowest) -> null);

  public ChurnRounds(BenchmarkPlan plan, Operations ops, TargetReadings readings) {
    this.plan = plan;
    this.ops = ops;
    this.readings = readings;
  }

  /** Every round, one after another. */
  public List<PopulationBuilder> populations() {
    List<PopulationBuilder> out = new ArrayList<>();
    for (int round = 1; round <= plan.settings.churnRounds(); round++) {
      out.add(round(round));
    }
    return out;
  }

  private PopulationBuilder round(int round) {
    String step = "round " + round;
    int users = plan.roundUsers();
    AtomicInteger finished = new AtomicInteger();
    rounds.plan(step, plan.settings.churnRoundRate(), users);
    return scenario("churn " + step)
        .doIf(s -> rounds.begin(step))
        .then(
            exec(ws(BenchmarkRequests.CHURN_ROUND_CONNECT).connect("/ws"))
                .exec(ops.chatMessage(BenchmarkRequests.CHURN_ROUND_MESSAGE))
                .exec(ws(BenchmarkRequests.CHURN_CLOSE).close())
                .exec(
                    s -> {
                      rounds.done(step, !s.isFailed());
                      return s;
                    })
                .exec(ops.stopIfTargetDied()))
        .doIf(s -> finished.incrementAndGet() == users)
        .then(pause(plan.settings.churnCoolDown()).exec(Phases.checkpoint(() -> readAfter(round))))
        .injectOpen(rampUsers(users).during(plan.settings.churnRound()));
  }

  private void readAfter(int round) {
    readings.snapshot(BenchmarkFacts.churnRoundLabel(round));
    if (round == plan.settings.churnRounds()) {
      readings.snapshot(BenchmarkFacts.CHURN_AFTER);
      readings.snapshot(BenchmarkFacts.RUN_END);
    }
  }

  public List<BenchmarkFacts.Step> steps() {
    return rounds.result();
  }
}
