package org.port8000.perf.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.ArrayList;
import java.util.List;
import org.port8000.perf.results.BenchmarkFacts;
import org.port8000.perf.results.BenchmarkOperation;
import org.port8000.perf.simulations.benchmark.ApiRamp;
import org.port8000.perf.simulations.benchmark.BenchmarkPlan;
import org.port8000.perf.simulations.benchmark.BotRamp;
import org.port8000.perf.simulations.benchmark.BusyBots;
import org.port8000.perf.simulations.benchmark.ChurnRamp;
import org.port8000.perf.simulations.benchmark.ChurnRounds;
import org.port8000.perf.simulations.benchmark.ConnectionLevels;
import org.port8000.perf.simulations.benchmark.LatencyPhases;
import org.port8000.perf.simulations.benchmark.Operations;
import org.port8000.perf.simulations.benchmark.TargetReadings;

/**
 * The operation benchmark (PORT-8000-PERFORMANCE-BENCHMARK.md). In order: a closed-loop warm-up of
 * every operation; the target idle (its CPU); each operation at a fixed, modest open arrival rate
 * (latency rows); bots launched one by one; 5 busy bots (their CPU); connect → message → close
 * churn at rising rates with a cool-down, then churn rounds at one fixed rate, each followed by a
 * cool-down and a reading of the server's memory and open files (the memory kept per connection is
 * the slope over those readings); rising levels of idle WebSocket connections with a probe
 * connection chatting; rising steps of API calls/s. Every ramp stops at its first broken step
 * (later steps send nothing) and is bounded by its settings; all load goes to the local target.
 * Each phase is a class of its own in {@code simulations.benchmark} with its recorder and facts.
 */
public class OperationBenchmarkSimulation extends Simulation {
  // Parameters, read once: this injector's share of the benchmark's settings.
  private final SimulationSupport support = SimulationSupport.start(getClass());
  private final BenchmarkPlan plan =
      new BenchmarkPlan(
          support.settings.benchmark(), support.settings.replyTimeout(), support.injector);
  private final TargetReadings readings = TargetReadings.start(support, plan);
  private final Operations operations = new Operations(support.target, plan.replyTimeout);

  // Protocol: API users share a keep-alive pool, as a real client would (and so thousands of
  // calls per second do not each open a TCP connection); each WebSocket user has its own socket.
  private final HttpProtocolBuilder protocol =
      http.baseUrl(support.target.baseUrl().toString())
          .wsBaseUrl(support.target.wsBaseUrl())
          .contentTypeHeader("application/json")
          .acceptHeader("application/json")
          .shareConnections();

  // Phases, each owning its populations, recorder and facts.
  private final LatencyPhases latency = new LatencyPhases(plan, operations, readings);
  private final BotRamp bots = new BotRamp(plan, operations, readings);
  private final BusyBots busy = new BusyBots(plan, operations, readings);
  private final ChurnRamp churn = new ChurnRamp(plan, operations, readings);
  private final ChurnRounds churnRounds = new ChurnRounds(plan, operations, readings);
  private final ConnectionLevels connections = new ConnectionLevels(plan, operations);
  private final ApiRamp api = new ApiRamp(plan, operations);

  /** Every phase in order; each starts when the one before has finished. */
  private List<List<PopulationBuilder>> phases() {
    List<PopulationBuilder> before = new ArrayList<>(latency.opening());
    before.add(bots.population());
    before.addAll(busy.populations());
    before.addAll(churn.populations());
    before.addAll(churnRounds.populations());
    List<List<PopulationBuilder>> out = new ArrayList<>(before.stream().map(List::of).toList());
    out.addAll(connections.phases());
    // The API ramp is last: its broken step overloads the target, which must not spoil the rest.
    api.populations().forEach(p -> out.add(List.of(p)));
    out.add(List.of(latency.finish()));
    return out;
  }

  // Assertions: the seed's latency targets by p95, and no errors, so `mvn gatling:test` gates.
  private static List<Assertion> assertions() {
    List<Assertion> a = new ArrayList<>();
    for (BenchmarkOperation o : BenchmarkOperation.values()) {
      a.add(details(o.requestName()).responseTime().percentile(95.0).lt(o.targetP95Ms()));
      a.add(details(o.requestName()).failedRequests().count().is(0L));
    }
    return a;
  }

  {
    support.probe(BenchmarkFacts.PROBE, this::facts);
    setUp(Phases.inSequenceOfGroups(phases()))
        .protocols(protocol)
        .assertions(assertions())
        .maxDuration(plan.maxDuration());
  }

  private BenchmarkFacts facts() {
    return new BenchmarkFacts(
        plan.parameters(support.settings.profile()),
        api.steps(),
        connections.steps(),
        churn.steps(),
        churnRounds.steps(),
        bots.facts(),
        readings.measured(),
        readings.source(),
        readings.snapshots());
  }

  @Override
  public void before() {
    support.awaitStart();
  }

  @Override
  public void after() {
    connections.release();
    support.finish();
  }
}
