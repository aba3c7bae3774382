package org.port8000.perf.simulations.benchmark;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.port8000.perf.results.BenchmarkOperation;
import org.port8000.perf.results.BenchmarkRequests;
import org.port8000.perf.simulations.Bodies;
import org.port8000.perf.simulations.Phases;
import org.port8000.perf.target.RunningTarget;

/**
 * The benchmark's requests: each operation with its checks, the bot requests of the ramps, and a
 * chat message timed from its send to the final response. A request's name comes from its
 * operation's name through the phase's naming (e.g. {@link BenchmarkRequests#warmUp}).
 */
public final class Operations {
  /** The server reports API errors as HTTP 200 with {@code "success": false}. */
  private static final Pattern FAILURE = Pattern.compile("\"success\"\\s*:\\s*false");

  // Session attributes: the operation a user ran, its latency (ms), when its chat message left.
  static final String OP = "op";
  static final String RT = "rt";
  private static final String SENT = "t0";

  private final RunningTarget target;
  private final Duration replyTimeout;
  private final String runId = UUID.randomUUID().toString().substring(0, 8);
  private final AtomicLong botSequence = new AtomicLong();

  /** The bot every task, status and history operation addresses, launched by the set-up. */
  public final String taskBot = "bench-task-" + runId;

  public Operations(RunningTarget target, Duration replyTimeout) {
    this.target = target;
    this.replyTimeout = replyTimeout;
  }

  /** A bot id of this run (ids of the ramps: {@code prefix} and a number). */
  String botId(String prefix, long number) {
    return "bench-" + prefix + runId + "-" + number;
  }

  ChainBuilder stopIfTargetDied() {
    return Phases.stopIfTargetDied(target);
  }

  static CheckBuilder.Final succeeded() {
    return jsonPath("$.success").ofBoolean().is(true);
  }

  private static CheckBuilder.Final noFailureInBody() {
    return bodyString().transform(b -> !FAILURE.matcher(b).find()).is(true);
  }

  /**
   * Each operation its own branch, launch and stop in one (a bot each); names by {@code naming}.
   */
  List<ChainBuilder> latencyBranches(UnaryOperator<String> naming) {
    List<ChainBuilder> out = new ArrayList<>();
    for (BenchmarkOperation o : BenchmarkOperation.values()) {
      if (o == BenchmarkOperation.LAUNCH_BOT) {
        out.add(operation(o, naming).exec(operation(BenchmarkOperation.STOP_BOT, naming)));
      } else if (o != BenchmarkOperation.STOP_BOT) {
        out.add(operation(o, naming));
      }
    }
    return out;
  }

  /** One operation; sets {@link #OP} and, for HTTP, {@link #RT}. */
  ChainBuilder operation(BenchmarkOperation o, UnaryOperator<String> naming) {
    String name = naming.apply(o.requestName());
    ChainBuilder mark = exec(s -> s.set(OP, o.requestName()));
    CheckBuilder.Final rt = responseTimeInMillis().saveAs(RT);
    return switch (o) {
      case LIST_BOTS -> mark.exec(read(name, "/api/bots", jsonPath("$.bots").exists(), rt));
      case BOTS_STATUS ->
          mark.exec(
              read(
                  name,
                  "/api/bots/status",
                  bodyString().transform(b -> b.trim().startsWith("[")).is(true),
                  rt));
      case BOT_STATUS ->
          mark.exec(
              read(
                  name,
                  "/api/bot/" + taskBot + "/status",
                  jsonPath("$.error").notExists(),
                  jsonPath("$.status").exists(),
                  rt));
      case LAUNCH_BOT ->
          mark.exec(s -> s.set(Bodies.BOT, botId("", botSequence.incrementAndGet())))
              .exec(BotRequests.launch(name, status().is(200), succeeded(), rt));
      case STOP_BOT -> mark.exec(BotRequests.stop(name, status().is(200), succeeded(), rt));
      case SEND_TASK -> mark.exec(sendTask(name, rt));
      case LOAD_HISTORY ->
          mark.exec(read(name, "/api/chat/history?limit=100", jsonPath("$.messages").exists(), rt));
      case SAVE_MESSAGE -> mark.exec(saveMessage(name, rt));
      case HISTORY_QUERY ->
          mark.exec(
              read(
                  name,
                  "/api/chat/history?limit=10&bot_id=" + taskBot,
                  jsonPath("$.messages").exists(),
                  rt));
      case WS_MESSAGE ->
          mark.exec(
              wsMessage(
                  naming.apply(BenchmarkRequests.WS_CONNECT),
                  name,
                  naming.apply(BenchmarkRequests.WS_CLOSE)));
    };
  }

  /** A task to the task bot: it must answer. */
  private ChainBuilder sendTask(String name, CheckBuilder rt) {
    return exec(s -> s.set(Bodies.BOT, taskBot))
        .exec(
            BotRequests.task(
                name,
                "benchmark task",
                status().is(200),
                succeeded(),
                jsonPath("$.response").exists(),
                rt));
  }

  /** One chat line of the task bot saved in this run's chat session. */
  private ChainBuilder saveMessage(String name, CheckBuilder rt) {
    String body = Bodies.saveMessage("user", "benchmark message", "bench-" + runId);
    return exec(s -> s.set(Bodies.BOT, taskBot))
        .exec(
            http(name)
                .post("/api/chat/message")
                .body(StringBody(body))
                .check(status().is(200), succeeded(), rt));
  }

  /** A GET that answers 200 without {@code success:false}, checked further by {@code checks}. */
  private static ChainBuilder read(String name, String path, CheckBuilder... checks) {
    List<CheckBuilder> all = new ArrayList<>(List.of(status().is(200), noFailureInBody()));
    all.addAll(List.of(checks));
    return exec(http(name).get(path).check(all));
  }

  /** Connect, one chat message timed from send to the final response, close. */
  ChainBuilder wsMessage(String connect, String message, String close) {
    return exec(ws(connect).connect("/ws")).exec(chatMessage(message)).exec(ws(close).close());
  }

  /** One chat message on the open socket; an error frame fails at once; sets {@link #RT}. */
  ChainBuilder chatMessage(String name) {
    return exec(s -> s.set(SENT, System.nanoTime()))
        .exec(
            ws(BenchmarkRequests.send(name))
                .sendText(Bodies.chat("benchmark"))
                .await(replyTimeout)
                .on(
                    ws.checkTextMessage(name)
                        .matching(jsonPath("$.type").in("response", "error"))
                        .check(jsonPath("$.type").is("response"))))
        .exec(s -> s.set(RT, (int) ((System.nanoTime() - s.getLong(SENT)) / 1_000_000)));
  }

  /** The latency a user's last timed request took (ms). */
  static int latencyMs(Session s) {
    return s.getInt(RT);
  }
}
