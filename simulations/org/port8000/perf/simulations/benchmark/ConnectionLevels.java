package org.port8000.perf.simulations.benchmark;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.port8000.perf.probe.StepRecorder;
import org.port8000.perf.results.BenchmarkFacts;
import org.port8000.perf.results.BenchmarkRequests;
import org.port8000.perf.simulations.Phases;

/**
 * Rising levels of idle WebSocket connections, all kept open until every level was held. At each
 * level a probe connection chats while the level is held, then the server's own count of open
 * connections is read and the level judged (every connection must have opened); the levels stop at
 * the first broken one. Then the connections are released.
 */
public final class ConnectionLevels {
  /** How often the probe sends a chat message while a level is held. */
  private static final Duration PROBE_PAUSE = Duration.ofMillis(100);

  private static final String OPEN = "open";

  private final BenchmarkPlan plan;
  private final Operations ops;
  private final StepRecorder levels;
  private final AtomicBoolean released = new AtomicBoolean();

  public ConnectionLevels(BenchmarkPlan plan, Operations ops) {
    this.plan = plan;
    this.ops = ops;
    this.levels = new StepRecorder(plan.everyUserRule()::why);
  }

  /**
   * Each level as a phase of two populations: the probe first (the next level follows it), its idle
   * connections beside it; then the release.
   */
  public List<List<PopulationBuilder>> phases() {
    List<List<PopulationBuilder>> out = new ArrayList<>();
    int previous = 0;
    for (int level : plan.settings.connectionLevels()) {
      int added = level - previous;
      levels.plan(step(level), level, plan.levelUsers(added));
      out.add(
          List.of(
              probe(level, added).injectOpen(atOnceUsers(1)),
              idle(level)
                  .injectOpen(
                      rampUsers(plan.levelUsers(added)).during(BenchmarkPlan.connectRamp(added)))));
      previous = level;
    }
    out.add(
        List.of(
            scenario("conn release")
                .exec(Phases.checkpoint(this::release), pause(Duration.ofSeconds(2)))
                .injectOpen(atOnceUsers(1))));
    return out;
  }

  private static String step(int level) {
    return "conn " + level;
  }

  /** The idle connections a level adds; they stay open until released (or the run's end). */
  private io.gatling.javaapi.core.ScenarioBuilder idle(int level) {
    String step = step(level);
    long deadline = System.nanoTime() + plan.maxDuration().toNanos();
    return scenario(step + " idle")
        .doIf(s -> levels.begin(step))
        .then(
            exec(ws(BenchmarkRequests.connectionOpen(level)).connect("/ws"))
                .exec(
                    s -> {
                      levels.done(step, !s.isFailed());
                      return s;
                    })
                .doIf(s -> !s.isFailed())
                .then(
                    // a slow poll: thousands of idle users must not keep the load generator busy
                    asLongAs(s -> !released.get() && System.nanoTime() < deadline)
                        .on(pause(Duration.ofSeconds(1)))
                        .exec(ws(BenchmarkRequests.CONN_CLOSE).close())));
  }

  /** After the level's connections opened: a probe chats while it is held, then the count. */
  private io.gatling.javaapi.core.ScenarioBuilder probe(int level, int added) {
    String step = step(level);
    int messages =
        (int) Math.max(1, plan.settings.connectionHold().toMillis() / PROBE_PAUSE.toMillis());
    return scenario(step + " probe")
        .pause(BenchmarkPlan.connectRamp(added).plusMillis(500))
        .doIf(s -> !levels.broken())
        .then(
            exec(ws(BenchmarkRequests.CONN_PROBE_CONNECT).connect("/ws"))
                .repeat(messages)
                .on(probeMessage(level))
                .exec(ws(BenchmarkRequests.CONN_PROBE_CLOSE).close())
                .exec(
                    http(BenchmarkRequests.CONN_HEALTH)
                        .get("/api/health")
                        .check(jsonPath("$.active_connections").ofInt().saveAs(OPEN)))
                .exec(s -> judge(step, s)));
  }

  private ChainBuilder probeMessage(int level) {
    String step = step(level);
    return exec(ops.chatMessage(BenchmarkRequests.connectionProbe(level)))
        .exec(
            s -> {
              if (!s.isFailed()) {
                levels.latency(step, BenchmarkRequests.STEP_CHAT, Operations.latencyMs(s));
              }
              return s;
            })
        .pause(PROBE_PAUSE);
  }

  private Session judge(String step, Session s) {
    if (s.contains(OPEN)) {
      levels.serverConnections(step, s.getInt(OPEN));
    }
    if (s.isFailed()) {
      levels.done(step, false);
    }
    levels.judgeNow(step);
    return s.markAsSucceeded();
  }

  /** Lets every idle connection close (also at the run's end, should the release not run). */
  public void release() {
    released.set(true);
  }

  public List<BenchmarkFacts.Step> steps() {
    return levels.result();
  }
}
