package org.port8000.perf.reference;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The contract's JSON endpoints (health, bots, bot tasks, chat history). Launch and task latencies
 * are timer-scheduled futures, so a slow bot never holds a Jetty thread.
 */
final class HttpApi {

  private static final Pattern ADAPTER_PATTERN = Pattern.compile("^[A-Za-z0-9_-]{1,32}$");
  private static final Set<String> ROLES = Set.of("user", "assistant", "system");
  private static final String INVALID_BOT_ID = "invalid bot_id: expected 1-64 of A-Z a-z 0-9 _ -";

  private final ReferenceConfig config;
  private final BotRegistry bots;
  private final ChatHistoryStore history;
  private final HistoryPages pages;
  private final LlmStandIn llm;
  private final FaultInjector faults;
  private final ServerCounters counters;
  private final ScheduledExecutorService timer;
  private final JsonBodies bodies;
  private final IntSupplier port;
  private final IntSupplier openConnections;
  private final long pid = ProcessHandle.current().pid();

  HttpApi(
      ReferenceConfig config,
      BotRegistry bots,
      ChatHistoryStore history,
      HistoryPages pages,
      LlmStandIn llm,
      FaultInjector faults,
      ServerCounters counters,
      ScheduledExecutorService timer,
      JsonBodies bodies,
      IntSupplier port,
      IntSupplier openConnections) {
    this.config = config;
    this.bots = bots;
    this.history = history;
    this.pages = pages;
    this.llm = llm;
    this.faults = faults;
    this.counters = counters;
    this.timer = timer;
    this.bodies = bodies;
    this.port = port;
    this.openConnections = openConnections;
  }

  void register(Javalin app) {
    app.before("/api/*", ctx -> counters.httpRequests.incrementAndGet());
    app.get("/api/health", this::health);
    app.get("/api/bots", this::listBots);
    app.get("/api/bots/status", this::botsStatus);
    app.get("/api/bot/{id}/status", this::botStatus);
    app.post("/api/bot/launch", this::launch);
    app.post("/api/bot/stop/{id}", this::stop);
    app.post("/api/bot/{id}/task", this::task);
    app.get("/api/chat/history", this::loadHistory);
    app.post("/api/chat/message", this::saveMessage);
  }

  private void health(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "healthy");
    body.put("service", "port8000-reference");
    body.put("timestamp", Instant.now().toString());
    body.put("bots_running", bots.runningCount());
    body.put("active_connections", openConnections.getAsInt());
    ctx.json(body);
  }

  private void listBots(Context ctx) {
    Map<String, Object> all = new LinkedHashMap<>();
    for (BotRegistry.Bot b : bots.all()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("status", b.status);
      m.put("current_task", b.currentTask);
      m.put("pid", pid);
      m.put("port", port.getAsInt());
      all.put(b.id, m);
    }
    ctx.json(Map.of("bots", all));
  }

  private void botsStatus(Context ctx) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (BotRegistry.Bot b : bots.all()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", b.id);
      m.put("port", port.getAsInt());
      m.put("running", b.running());
      m.put("status", b.running() ? "online" : "offline");
      m.put("pid", pid);
      list.add(m);
    }
    ctx.json(list);
  }

  private void botStatus(Context ctx) {
    String id = ctx.pathParam("id");
    Map<String, Object> m = new LinkedHashMap<>();
    if (!BotRegistry.validId(id)) {
      m.put("success", false);
      m.put("status", "stopped");
      m.put("error", INVALID_BOT_ID);
      ctx.json(m);
      return;
    }
    m.put("bot_id", id);
    BotRegistry.Bot b = bots.get(id).orElse(null);
    if (b == null) {
      m.put("status", "stopped");
      m.put("error", "Bot " + id + " not found");
    } else {
      m.put("status", b.status);
      m.put("current_task", b.currentTask);
      m.put("uptime", b.uptime());
      m.put("pid", pid);
      m.put("port", port.getAsInt());
      m.put("adapter", b.adapter);
    }
    ctx.json(m);
  }

  private void launch(Context ctx) {
    JsonNode body = bodies.object(ctx);
    String id = JsonBodies.text(body, "bot_id", true, 64);
    String adapter = JsonBodies.text(body, "adapter", false, 32);
    if (adapter == null) {
      adapter = "mock";
    }
    if (!ADAPTER_PATTERN.matcher(adapter).matches()) {
      throw new ApiException("invalid adapter: expected 1-32 of A-Z a-z 0-9 _ -");
    }
    BotRegistry.Bot bot;
    try {
      bot = bots.reserve(id, adapter);
    } catch (BotRegistry.BotException e) {
      throw new ApiException(e.getMessage());
    }
    later(
        ctx,
        config.botLaunchLatencyMs(),
        () -> {
          Map<String, Object> m = new LinkedHashMap<>();
          if (bots.markRunning(bot)) {
            m.put("success", true);
            m.put("bot_id", id);
            m.put("message", "Bot " + id + " launched");
          } else {
            m.put("success", false);
            m.put("error", "Bot " + id + " was stopped while launching");
          }
          return m;
        });
  }

  private void stop(Context ctx) {
    String id = ctx.pathParam("id");
    if (!BotRegistry.validId(id)) {
      throw new ApiException(INVALID_BOT_ID);
    }
    if (!bots.stop(id)) {
      throw new ApiException("Bot " + id + " not running");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("success", true);
    m.put("message", "Bot " + id + " stopped");
    ctx.json(m);
  }

  private void task(Context ctx) {
    String id = ctx.pathParam("id");
    if (!BotRegistry.validId(id)) {
      throw new ApiException(INVALID_BOT_ID);
    }
    JsonNode body = bodies.object(ctx);
    String command = JsonBodies.text(body, "command", true, ReferenceConfig.MAX_CONTENT_CHARS);
    if (command.isBlank()) {
      throw new ApiException("command must not be empty");
    }
    BotRegistry.Bot bot =
        bots.get(id)
            .filter(BotRegistry.Bot::running)
            .orElseThrow(() -> new ApiException("Bot " + id + " not running"));
    counters.messagesHandled.incrementAndGet();
    faults.onChatMessage();
    history.save(id, null, "user", command);
    bot.currentTask = command;
    boolean failTask = faults.shouldFailTask();
    later(
        ctx,
        config.botTaskLatencyMs() + faults.replyLatencyMs(),
        () -> {
          if (failTask) {
            bot.currentTask = null;
            Map<String, Object> failed = new LinkedHashMap<>();
            failed.put("success", false);
            failed.put("error", "task failed (fault taskErrorRate)");
            return failed;
          }
          String response = llm.reply(command);
          history.save(id, null, "assistant", response);
          bot.currentTask = null;
          counters.repliesSent.incrementAndGet();
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("success", true);
          m.put("response", response);
          m.put("bot_id", id);
          return m;
        });
  }

  private void loadHistory(Context ctx) {
    int limit = intParam(ctx, "limit", 100, 1, ReferenceConfig.MAX_HISTORY_LIMIT);
    int offset = intParam(ctx, "offset", 0, 0, 100_000_000);
    String botId = ctx.queryParam("bot_id");
    if (botId != null && !BotRegistry.validId(botId)) {
      throw new ApiException(INVALID_BOT_ID);
    }
    String sessionId = ctx.queryParam("session_id");
    if (sessionId != null && sessionId.length() > 128) {
      throw new ApiException("session_id longer than 128 characters");
    }
    pages.write(ctx, limit, offset, botId, sessionId);
  }

  private void saveMessage(Context ctx) {
    JsonNode body = bodies.object(ctx);
    String role = JsonBodies.text(body, "role", true, 16);
    if (!ROLES.contains(role)) {
      throw new ApiException("role must be one of user, assistant, system");
    }
    String content = JsonBodies.text(body, "content", true, ReferenceConfig.MAX_CONTENT_CHARS);
    String botId = JsonBodies.text(body, "bot_id", false, 64);
    if (botId != null && !BotRegistry.validId(botId)) {
      throw new ApiException(INVALID_BOT_ID);
    }
    String sessionId = JsonBodies.text(body, "session_id", false, 128);
    history.save(botId, sessionId, role, content);
    ctx.json(Map.of("success", true));
  }

  private static int intParam(Context ctx, String name, int def, int min, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return def;
    }
    try {
      int v = Integer.parseInt(raw.trim());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException ignored) {
      // falls through to the refusal below
    }
    throw new ApiException(name + " must be an integer from " + min + " to " + max);
  }

  /** Answers after {@code delayMs} on the timer, without holding the request thread. */
  private void later(Context ctx, long delayMs, Supplier<Map<String, Object>> answer) {
    CompletableFuture<Void> delay = new CompletableFuture<>();
    try {
      timer.schedule(() -> delay.complete(null), Math.max(0, delayMs), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      throw new ApiException("server is stopping");
    }
    ctx.future(
        () ->
            delay.thenAccept(
                v -> {
                  Map<String, Object> body;
                  try {
                    body = answer.get();
                  } catch (ApiException e) {
                    ctx.status(e.status());
                    body = Map.of("success", false, "error", e.getMessage());
                  } catch (RuntimeException e) {
                    System.err.println("reference server: request failed: " + e);
                    ctx.status(500);
                    body = Map.of("success", false, "error", "internal error");
                  }
                  ctx.json(body);
                }));
  }
}
