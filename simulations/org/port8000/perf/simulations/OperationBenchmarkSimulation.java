package org.port8000.perf.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.port8000.perf.analysis.CapacityRule;
import org.port8000.perf.config.BenchmarkSettings;
import org.port8000.perf.probe.ProcessSnapshots;
import org.port8000.perf.probe.ResourceSampler;
import org.port8000.perf.probe.StepRecorder;
import org.port8000.perf.results.BenchmarkFacts;
import org.port8000.perf.results.BenchmarkOperation;
import org.port8000.perf.results.BenchmarkRequests;
import org.port8000.perf.results.ResourceSamples;

/**
 * The operation benchmark (PORT-8000-PERFORMANCE-BENCHMARK.md). In order: a closed-loop warm-up of
 * every operation; the target idle (its CPU); each operation at a fixed, modest open arrival rate
 * (latency rows); rising steps of API calls/s; bots launched one by one; 5 busy bots (their CPU);
 * rising levels of idle WebSocket connections with a probe connection chatting; and connect →
 * message → close churn at rising rates with a cool-down, then churn rounds at one fixed rate, each
 * followed by a cool-down and a reading of the server's memory and open files (the memory kept per
 * connection is the slope over those readings). Every ramp stops at its first broken step (later
 * steps send nothing) and is bounded by its settings; all load goes to the local target.
 */
public class OperationBenchmarkSimulation extends Simulation {
  /** The server reports API errors as HTTP 200 with {@code "success": false}. */
  private static final Pattern FAILURE = Pattern.compile("\"success\"\\s*:\\s*false");

  /** Share of a step's users that must succeed for the API and churn ramps to go on. */
  private static final double MIN_SHARE = 0.999;

  /** Connection levels open at most this many connections per second. */
  private static final int CONNECTS_PER_SECOND = 500;

  /** Timed request kinds of the capacity steps, as the steps record them. */
  private static final String CHAT = BenchmarkRequests.STEP_CHAT;

  private static final String CONNECT = BenchmarkRequests.STEP_CONNECT;
  private static final String REPLY = BenchmarkRequests.STEP_REPLY;

  /** How often the connection probe sends a chat message while a level is held. */
  private static final Duration PROBE_PAUSE = Duration.ofMillis(100);

  // Parameters, read once.
  private final SimulationSupport support = SimulationSupport.start(getClass());
  private final BenchmarkSettings p = support.settings.benchmark();
  private final Duration replyTimeout = support.settings.replyTimeout();
  private final String runId = UUID.randomUUID().toString().substring(0, 8);
  private final String taskBot = "bench-task-" + runId;
  private final Duration maxDuration =
      p.plannedLength()
          .plus(
              replyTimeout.multipliedBy(
                  6 + p.apiSteps().size() + p.churnRates().size() + p.churnRounds()))
          .plus(Duration.ofMillis(400L * p.botsMax()))
          .plus(
              Duration.ofSeconds(
                  60
                      + p.connectionLevels().get(p.connectionLevels().size() - 1)
                          / CONNECTS_PER_SECOND));

  // Probes.
  private final ResourceSampler sampler =
      ResourceSampler.start(
          support.target,
          support.settings.samplerInterval(),
          maxDuration.plus(Duration.ofMinutes(1)));
  private final ProcessSnapshots snapshots = ProcessSnapshots.of(support.target);
  // Each ramp stops by the report's own rule (CapacityRule) on the steps as recorded here.
  private final StepRecorder api = new StepRecorder(rule(MIN_SHARE)::why);
  private final StepRecorder connections = new StepRecorder(rule(1.0)::why);
  private final StepRecorder churn = new StepRecorder(rule(MIN_SHARE)::why);
  // Rounds never stop: they count connections for the memory slope.
  private final StepRecorder churnRounds = new StepRecorder((step, lowest) -> null);
  private final AtomicLong botSequence = new AtomicLong();
  private final AtomicBoolean released = new AtomicBoolean();
  private final AtomicInteger botsRunning = new AtomicInteger();
  private final AtomicInteger botsStopped = new AtomicInteger();
  private volatile String botsFailure;
  private final AtomicBoolean busyStarted = new AtomicBoolean();
  private final AtomicInteger busyDone = new AtomicInteger();

  // Protocol: API users share a keep-alive pool, as a real client would (and so thousands of
  // calls per second do not each open a TCP connection); each WebSocket user has its own socket.
  private final HttpProtocolBuilder protocol =
      http.baseUrl(support.target.baseUrl().toString())
          .wsBaseUrl(support.target.wsBaseUrl())
          .contentTypeHeader("application/json")
          .acceptHeader("application/json")
          .shareConnections();

  private CapacityRule rule(double minShare) {
    return new CapacityRule(minShare, p.capacityLatencyFactor(), p.capacityLatencyAddMs());
  }

  private static CheckBuilder.Final noFailureInBody() {
    return bodyString().transform(b -> !FAILURE.matcher(b).find()).is(true);
  }

  private static CheckBuilder.Final succeeded() {
    return jsonPath("$.success").ofBoolean().is(true);
  }

  /** One operation under the given request name; sets "op" and, for HTTP, "rt" (ms). */
  private ChainBuilder operation(BenchmarkOperation o, String name) {
    ChainBuilder mark = exec(s -> s.set("op", o.requestName()));
    CheckBuilder.Final rt = responseTimeInMillis().saveAs("rt");
    return switch (o) {
      case LIST_BOTS ->
          mark.exec(
              http(name)
                  .get("/api/bots")
                  .check(status().is(200), noFailureInBody(), jsonPath("$.bots").exists(), rt));
      case BOTS_STATUS ->
          mark.exec(
              http(name)
                  .get("/api/bots/status")
                  .check(
                      status().is(200),
                      noFailureInBody(),
                      bodyString().transform(b -> b.trim().startsWith("[")).is(true),
                      rt));
      case BOT_STATUS ->
          mark.exec(
              http(name)
                  .get("/api/bot/" + taskBot + "/status")
                  .check(
                      status().is(200),
                      noFailureInBody(),
                      jsonPath("$.error").notExists(),
                      jsonPath("$.status").exists(),
                      rt));
      case LAUNCH_BOT ->
          mark.exec(s -> s.set("bot", "bench-" + runId + "-" + botSequence.incrementAndGet()))
              .exec(
                  http(name)
                      .post("/api/bot/launch")
                      .body(StringBody("{\"bot_id\":\"#{bot}\",\"adapter\":\"mock\"}"))
                      .check(status().is(200), succeeded(), rt));
      case STOP_BOT ->
          mark.exec(
              http(name).post("/api/bot/stop/#{bot}").check(status().is(200), succeeded(), rt));
      case SEND_TASK ->
          mark.exec(
              http(name)
                  .post("/api/bot/" + taskBot + "/task")
                  .body(StringBody("{\"command\":\"benchmark task\"}"))
                  .check(status().is(200), succeeded(), jsonPath("$.response").exists(), rt));
      case LOAD_HISTORY ->
          mark.exec(
              http(name)
                  .get("/api/chat/history?limit=100")
                  .check(status().is(200), noFailureInBody(), jsonPath("$.messages").exists(), rt));
      case SAVE_MESSAGE ->
          mark.exec(
              http(name)
                  .post("/api/chat/message")
                  .body(
                      StringBody(
                          "{\"role\":\"user\",\"content\":\"benchmark message\",\"bot_id\":\""
                              + taskBot
                              + "\",\"session_id\":\"bench-"
                              + runId
                              + "\"}"))
                  .check(status().is(200), succeeded(), rt));
      case HISTORY_QUERY ->
          mark.exec(
              http(name)
                  .get("/api/chat/history?limit=10&bot_id=" + taskBot)
                  .check(status().is(200), noFailureInBody(), jsonPath("$.messages").exists(), rt));
      case WS_MESSAGE ->
          mark.exec(wsMessage(name.replace(o.requestName(), BenchmarkRequests.WS_CONNECT), name));
    };
  }

  /** Connect, one chat message timed from send to the final response, close. */
  private ChainBuilder wsMessage(String connectName, String messageName) {
    return exec(ws(connectName).connect("/ws"))
        .exec(chatMessage(messageName))
        .exec(ws(connectName.replace("connect", "close")).close());
  }

  /** One chat message on the open socket; an error frame fails at once; sets "rt" (ms). */
  private ChainBuilder chatMessage(String name) {
    return exec(s -> s.set("t0", System.nanoTime()))
        .exec(
            ws(BenchmarkRequests.send(name))
                .sendText("{\"type\":\"message\",\"content\":\"benchmark\"}")
                .await(replyTimeout)
                .on(
                    ws.checkTextMessage(name)
                        .matching(jsonPath("$.type").in("response", "error"))
                        .check(jsonPath("$.type").is("response"))))
        .exec(s -> s.set("rt", (int) ((System.nanoTime() - s.getLong("t0")) / 1_000_000)));
  }

  /** The latency phase: each operation its own branch, launch and stop in one (a bot each). */
  private List<ChainBuilder> latencyBranches(boolean warmUp) {
    List<ChainBuilder> out = new ArrayList<>();
    for (BenchmarkOperation o : BenchmarkOperation.values()) {
      String name = warmUp ? o.warmUpName() : o.requestName();
      if (o == BenchmarkOperation.STOP_BOT) {
        continue;
      }
      ChainBuilder c = operation(o, name);
      if (o == BenchmarkOperation.LAUNCH_BOT) {
        BenchmarkOperation stop = BenchmarkOperation.STOP_BOT;
        c = c.exec(operation(stop, warmUp ? stop.warmUpName() : stop.requestName()));
      }
      out.add(c);
    }
    return out;
  }

  private ChainBuilder stopIfTargetDied() {
    return stopLoadGeneratorIf(s -> "the target stopped running", s -> !support.target.isAlive());
  }

  // Scenarios.

  private final ScenarioBuilder setup =
      scenario("setup")
          .exec(
              exec(
                  s -> {
                    snapshots.take(BenchmarkFacts.RUN_START);
                    return s;
                  }),
              exec(
                  http(BenchmarkRequests.SETUP_LAUNCH)
                      .post("/api/bot/launch")
                      .body(StringBody("{\"bot_id\":\"" + taskBot + "\",\"adapter\":\"mock\"}"))
                      .check(succeeded())),
              exec(
                  http(BenchmarkRequests.SETUP_HISTORY)
                      .post("/api/chat/message")
                      .body(
                          StringBody(
                              "{\"role\":\"user\",\"content\":\"benchmark setup\",\"bot_id\":\""
                                  + taskBot
                                  + "\"}"))
                      .check(succeeded())));

  private final ScenarioBuilder warmUp = scenario("warm-up").exec(latencyBranches(true));

  private final ScenarioBuilder idle =
      scenario("idle")
          .exec(
              exec(
                  s -> {
                    sampler.checkpoint(BenchmarkFacts.IDLE_START);
                    return s;
                  }),
              pause(p.idle()),
              exec(
                  s -> {
                    sampler.checkpoint(BenchmarkFacts.IDLE_END);
                    return s;
                  }));

  private final ScenarioBuilder latency =
      scenario("latency")
          .exec(roundRobinSwitch().on(latencyBranches(false)))
          .exec(stopIfTargetDied());

  private ScenarioBuilder apiStep(int rate) {
    String step = "api " + rate + "/s";
    List<BenchmarkOperation> reads = BenchmarkOperation.reads();
    api.plan(step, rate, (int) (rate * p.apiStep().toSeconds()));
    return scenario(step)
        .doIf(s -> api.begin(step))
        .then(
            exec(roundRobinSwitch()
                    .on(reads.stream().map(o -> operation(o, o.apiStepName(rate))).toList()))
                .exec(
                    s -> {
                      if (!s.isFailed()) {
                        api.latency(step, s.getString("op"), s.getInt("rt"));
                      }
                      api.done(step, !s.isFailed());
                      return s;
                    })
                .exec(stopIfTargetDied()));
  }

  /** Bots launched one by one (each answering a task) up to the bound or the first failure. */
  private final ScenarioBuilder bots =
      scenario("bots")
          .exec(
              repeat(p.botsMax(), "i")
                  .on(
                      doIf(s -> botsFailure == null)
                          .then(
                              exec(s ->
                                      s.set(
                                          "bot", "bench-ramp-" + runId + "-" + (s.getInt("i") + 1)))
                                  .exec(
                                      http(BenchmarkRequests.BOTS_LAUNCH)
                                          .post("/api/bot/launch")
                                          .body(
                                              StringBody(
                                                  "{\"bot_id\":\"#{bot}\",\"adapter\":\"mock\"}"))
                                          .check(status().is(200), succeeded()))
                                  .exec(
                                      http(BenchmarkRequests.BOTS_TASK)
                                          .post("/api/bot/#{bot}/task")
                                          .body(StringBody("{\"command\":\"are you there\"}"))
                                          .check(status().is(200), succeeded()))
                                  .exec(this::botAnswered))),
              repeat(s -> botsRunning.get(), "j")
                  .on(
                      exec(s -> s.set("bot", "bench-ramp-" + runId + "-" + (s.getInt("j") + 1)))
                          .exec(
                              http(BenchmarkRequests.BOTS_STOP)
                                  .post("/api/bot/stop/#{bot}")
                                  .check(status().is(200), succeeded()))
                          .exec(
                              s -> {
                                if (!s.isFailed()) {
                                  botsStopped.incrementAndGet();
                                }
                                return s.markAsSucceeded();
                              })));

  private Session botAnswered(Session s) {
    if (s.isFailed()) {
      botsFailure = "bot " + (s.getInt("i") + 1) + " failed to launch or to answer its task";
      return s.markAsSucceeded();
    }
    int n = botsRunning.incrementAndGet();
    sampler.checkpoint(BenchmarkFacts.botsCheckpoint(n));
    return s;
  }

  /** 5 bots, each answering tasks back to back, for the CPU reading. */
  private final ScenarioBuilder busy =
      scenario("busy")
          .exec(
              exec(s -> s.set("bot", "bench-busy-" + runId + "-" + s.userId())),
              exec(
                  http(BenchmarkRequests.BUSY_LAUNCH)
                      .post("/api/bot/launch")
                      .body(StringBody("{\"bot_id\":\"#{bot}\",\"adapter\":\"mock\"}"))
                      .check(succeeded())),
              rendezVous(BenchmarkSettings.BUSY_BOTS),
              exec(
                  s -> {
                    if (busyStarted.compareAndSet(false, true)) {
                      sampler.checkpoint(BenchmarkFacts.BUSY_START);
                    }
                    return s;
                  }),
              // a fixed pace per bot: the same work for every server, however fast it answers
              during(p.busy())
                  .on(
                      pace(Duration.ofMillis(1000 / p.busyTasksPerSecond()))
                          .exec(
                              http(BenchmarkRequests.BUSY_TASK)
                                  .post("/api/bot/#{bot}/task")
                                  .body(StringBody("{\"command\":\"keep busy\"}"))
                                  .check(succeeded()))),
              exec(
                  s -> {
                    if (busyDone.incrementAndGet() == BenchmarkSettings.BUSY_BOTS) {
                      sampler.checkpoint(BenchmarkFacts.BUSY_END);
                    }
                    return s;
                  }),
              exec(
                  http(BenchmarkRequests.BUSY_STOP)
                      .post("/api/bot/stop/#{bot}")
                      .check(succeeded())));

  private Duration connectRamp(int newConnections) {
    return Duration.ofSeconds(
        Math.max(1, (newConnections + CONNECTS_PER_SECOND - 1) / CONNECTS_PER_SECOND));
  }

  /** The idle connections a level adds; they stay open until every level was held. */
  private ScenarioBuilder idleConnections(int level) {
    String step = "conn " + level;
    long deadline = System.nanoTime() + maxDuration.toNanos();
    return scenario(step + " idle")
        .doIf(s -> connections.begin(step))
        .then(
            exec(ws(BenchmarkRequests.connectionOpen(level)).connect("/ws"))
                .exec(
                    s -> {
                      connections.done(step, !s.isFailed());
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
  private ScenarioBuilder connectionProbe(int level, int newConnections) {
    String step = "conn " + level;
    int messages = (int) Math.max(1, p.connectionHold().toMillis() / PROBE_PAUSE.toMillis());
    return scenario(step + " probe")
        .pause(connectRamp(newConnections).plusMillis(500))
        .doIf(s -> !connections.broken())
        .then(
            exec(ws(BenchmarkRequests.CONN_PROBE_CONNECT).connect("/ws"))
                .repeat(messages)
                .on(
                    exec(chatMessage(BenchmarkRequests.connectionProbe(level)))
                        .exec(
                            s -> {
                              if (!s.isFailed()) {
                                connections.latency(step, CHAT, s.getInt("rt"));
                              }
                              return s;
                            })
                        .pause(PROBE_PAUSE))
                .exec(ws(BenchmarkRequests.CONN_PROBE_CLOSE).close())
                .exec(
                    http(BenchmarkRequests.CONN_HEALTH)
                        .get("/api/health")
                        .check(jsonPath("$.active_connections").ofInt().saveAs("open")))
                .exec(
                    s -> {
                      if (s.contains("open")) {
                        connections.serverConnections(step, s.getInt("open"));
                      }
                      if (s.isFailed()) {
                        connections.done(step, false);
                      }
                      connections.judgeNow(step);
                      return s.markAsSucceeded();
                    }));
  }

  private final ScenarioBuilder release =
      scenario("conn release")
          .exec(
              exec(
                  s -> {
                    released.set(true);
                    return s;
                  }),
              pause(Duration.ofSeconds(2)));

  private final ScenarioBuilder churnWarmUp =
      scenario("churn warm-up")
          .exec(
              wsMessage(
                  BenchmarkRequests.CHURN_WARMUP_CONNECT, BenchmarkRequests.CHURN_WARMUP_MESSAGE));

  private final ScenarioBuilder churnBaseline =
      scenario("churn baseline")
          .exec(
              pause(Duration.ofSeconds(1)),
              exec(
                  s -> {
                    snapshots.take(BenchmarkFacts.CHURN_BASELINE);
                    return s;
                  }));

  private ScenarioBuilder churnStep(int rate) {
    String step = "churn " + rate + "/s";
    churn.plan(step, rate, (int) (rate * p.churnStep().toSeconds()));
    return scenario(step)
        .doIf(s -> churn.begin(step))
        .then(
            exec(s -> s.set("c0", System.nanoTime()))
                .exec(ws(BenchmarkRequests.churnConnect(rate)).connect("/ws"))
                .exec(s -> s.set("crt", (int) ((System.nanoTime() - s.getLong("c0")) / 1_000_000)))
                .exec(chatMessage(BenchmarkRequests.churnMessage(rate)))
                .exec(ws(BenchmarkRequests.CHURN_CLOSE).close())
                .exec(
                    s -> {
                      if (!s.isFailed()) {
                        churn.latency(step, CONNECT, s.getInt("crt"));
                        churn.latency(step, REPLY, s.getInt("rt"));
                      }
                      churn.done(step, !s.isFailed());
                      return s;
                    })
                .exec(stopIfTargetDied()));
  }

  private final ScenarioBuilder coolDown = scenario("churn cool-down").pause(p.churnCoolDown());

  /**
   * One round at the fixed round rate: connect → message → close, as in the ramp. The round's last
   * user to finish waits the cool-down and takes the reading the memory slope uses (the last
   * round's also for open files), so a round is one population and the next starts right after its
   * reading.
   */
  private ScenarioBuilder churnRound(int round) {
    String step = "round " + round;
    boolean last = round == p.churnRounds();
    AtomicInteger finished = new AtomicInteger();
    churnRounds.plan(step, p.churnRoundRate(), p.churnRoundConnections());
    return scenario("churn " + step)
        .doIf(s -> churnRounds.begin(step))
        .then(
            exec(ws(BenchmarkRequests.CHURN_ROUND_CONNECT).connect("/ws"))
                .exec(chatMessage(BenchmarkRequests.CHURN_ROUND_MESSAGE))
                .exec(ws(BenchmarkRequests.CHURN_CLOSE).close())
                .exec(
                    s -> {
                      churnRounds.done(step, !s.isFailed());
                      return s;
                    })
                .exec(stopIfTargetDied()))
        .doIf(s -> finished.incrementAndGet() == p.churnRoundConnections())
        .then(
            pause(p.churnCoolDown())
                .exec(
                    s -> {
                      snapshots.take(BenchmarkFacts.churnRoundLabel(round));
                      if (last) {
                        snapshots.take(BenchmarkFacts.CHURN_AFTER);
                        snapshots.take(BenchmarkFacts.RUN_END);
                      }
                      return s;
                    }));
  }

  private final ScenarioBuilder finish =
      scenario("finish").exec(http(BenchmarkRequests.FINISH_STOP).post("/api/bot/stop/" + taskBot));

  /** Every phase in order; each starts when the one before has finished. */
  private PopulationBuilder population() {
    int latencyUsers =
        (int) (p.latencyPerSecond() * p.latency().toSeconds()) * latencyBranches(false).size();
    List<List<PopulationBuilder>> phases = new ArrayList<>();
    phases.add(List.of(setup.injectOpen(atOnceUsers(1))));
    phases.add(List.of(warmUp.injectClosed(constantConcurrentUsers(2).during(p.warmUp()))));
    phases.add(List.of(idle.injectOpen(atOnceUsers(1))));
    phases.add(List.of(latency.injectOpen(rampUsers(latencyUsers).during(p.latency()))));
    phases.add(List.of(bots.injectOpen(atOnceUsers(1))));
    phases.add(List.of(busy.injectOpen(atOnceUsers(BenchmarkSettings.BUSY_BOTS))));
    int warmUpChurn = Math.max(20, p.churnRates().get(0));
    phases.add(
        List.of(churnWarmUp.injectOpen(rampUsers(warmUpChurn).during(Duration.ofSeconds(1)))));
    phases.add(List.of(churnBaseline.injectOpen(atOnceUsers(1))));
    for (int rate : p.churnRates()) {
      phases.add(
          List.of(
              churnStep(rate)
                  .injectOpen(
                      rampUsers((int) (rate * p.churnStep().toSeconds())).during(p.churnStep()))));
    }
    phases.add(List.of(coolDown.injectOpen(atOnceUsers(1))));
    for (int round = 1; round <= p.churnRounds(); round++) {
      phases.add(
          List.of(
              churnRound(round)
                  .injectOpen(rampUsers(p.churnRoundConnections()).during(p.churnRound()))));
    }
    int previous = 0;
    for (int level : p.connectionLevels()) {
      int added = level - previous;
      connections.plan("conn " + level, level, added);
      // the probe is listed first: the next level follows it (andThen chains on the first)
      phases.add(
          List.of(
              connectionProbe(level, added).injectOpen(atOnceUsers(1)),
              idleConnections(level).injectOpen(rampUsers(added).during(connectRamp(added)))));
      previous = level;
    }
    phases.add(List.of(release.injectOpen(atOnceUsers(1))));
    // The API ramp is last: its broken step overloads the target, which must not spoil the rest.
    for (int rate : p.apiSteps()) {
      phases.add(
          List.of(
              apiStep(rate)
                  .injectOpen(
                      rampUsers((int) (rate * p.apiStep().toSeconds())).during(p.apiStep()))));
    }
    phases.add(List.of(finish.injectOpen(atOnceUsers(1))));
    // andThen adds children: chain from the last phase back; each phase's first population
    // carries the next phase, its siblings run beside it.
    List<PopulationBuilder> next = phases.get(phases.size() - 1);
    for (int i = phases.size() - 2; i >= 0; i--) {
      List<PopulationBuilder> phase = phases.get(i);
      PopulationBuilder head = phase.get(0).andThen(next.toArray(PopulationBuilder[]::new));
      List<PopulationBuilder> withHead = new ArrayList<>(phase);
      withHead.set(0, head);
      next = withHead;
    }
    if (next.size() != 1) {
      throw new IllegalStateException("the first phase must be one population");
    }
    return next.get(0);
  }

  // Assertions: the seed's latency targets by p95, and no errors, so `mvn gatling:test` gates.
  private List<Assertion> assertions() {
    List<Assertion> a = new ArrayList<>();
    for (BenchmarkOperation o : BenchmarkOperation.values()) {
      a.add(details(o.requestName()).responseTime().percentile(95.0).lt(o.targetP95Ms()));
      a.add(details(o.requestName()).failedRequests().count().is(0L));
    }
    return a;
  }

  {
    support.probe(ResourceSamples.PROBE, sampler::stop);
    support.probe(BenchmarkFacts.PROBE, this::facts);
    setUp(population()).protocols(protocol).assertions(assertions()).maxDuration(maxDuration);
  }

  private BenchmarkFacts facts() {
    BenchmarkFacts.Parameters params =
        new BenchmarkFacts.Parameters(
            support.settings.profile(),
            p.warmUp().toSeconds(),
            p.idle().toSeconds(),
            p.latency().toSeconds(),
            p.latencyPerSecond(),
            p.apiSteps(),
            p.apiStep().toSeconds(),
            p.connectionLevels(),
            p.connectionHold().toSeconds(),
            p.churnRates(),
            p.churnStep().toSeconds(),
            p.churnCoolDown().toSeconds(),
            p.churnRounds(),
            p.churnRoundConnections(),
            p.churnRoundRate(),
            p.botsMax(),
            BenchmarkSettings.BUSY_BOTS,
            p.busy().toSeconds(),
            p.busyTasksPerSecond(),
            replyTimeout.toMillis(),
            p.capacityLatencyFactor(),
            p.capacityLatencyAddMs());
    return new BenchmarkFacts(
        params,
        api.result(),
        connections.result(),
        churn.result(),
        churnRounds.result(),
        new BenchmarkFacts.Bots(p.botsMax(), botsRunning.get(), botsFailure, botsStopped.get()),
        snapshots.measured(),
        snapshots.source(),
        snapshots.result());
  }

  @Override
  public void before() {
    support.awaitStart();
  }

  @Override
  public void after() {
    released.set(true);
    support.finish();
  }
}
