package org.port8000.perf.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.BatchMode;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * The {@code /ws} chat handler: parses and validates frames, answers heartbeats and errors at once
 * and hands chat messages to the connection's {@link Conversation}. A malformed frame gets an error
 * frame and the socket stays open; the {@link CompatSwitches} turn off the heartbeat ack and the id
 * echo, ignore unknown types and drop the connection on invalid JSON, as the original server does.
 * Frames larger than {@link ReferenceConfig#MAX_FRAME_BYTES} are refused by Jetty, which closes the
 * socket with 1009 (message too big).
 */
final class ChatSocket {

  /** Open connections allowed at once; more are closed with 1013 (try again later). */
  static final int MAX_CONNECTIONS = 20_000;

  /** Outgoing frames queued per connection before a non-reading client is disconnected. */
  static final int MAX_OUTGOING_FRAMES = 4096;

  private static final int MAX_ID_CHARS = 128;

  private final ConcurrentHashMap<String, Conversation> conversations = new ConcurrentHashMap<>();
  private final ObjectMapper mapper;
  private final ScheduledExecutorService timer;
  private final LlmStandIn llm;
  private final ChatHistoryStore history;
  private final FaultInjector faults;
  private final ServerCounters counters;
  private final CompatSwitches compat;
  private final boolean silentAfterHeartbeat;

  /** Connections silenced by their first heartbeat (reference.ws.silentAfterHeartbeat). */
  private final Set<String> silenced = ConcurrentHashMap.newKeySet();

  ChatSocket(
      ObjectMapper mapper,
      ScheduledExecutorService timer,
      LlmStandIn llm,
      ChatHistoryStore history,
      FaultInjector faults,
      ServerCounters counters,
      CompatSwitches compat,
      boolean silentAfterHeartbeat) {
    this.silentAfterHeartbeat = silentAfterHeartbeat;
    this.mapper = mapper;
    this.timer = timer;
    this.llm = llm;
    this.history = history;
    this.faults = faults;
    this.counters = counters;
    this.compat = compat;
    if (compat.pingIntervalMs() > 0) {
      long every = compat.pingIntervalMs();
      timer.scheduleAtFixedRate(this::pingAll, every, every, TimeUnit.MILLISECONDS);
    }
  }

  void configure(WsConfig ws) {
    ws.onConnect(
        ctx -> {
          if (conversations.size() >= MAX_CONNECTIONS) {
            ctx.closeSession(StatusCode.TRY_AGAIN_LATER, "too many connections");
            return;
          }
          ctx.session.getRemote().setBatchMode(BatchMode.OFF); // each frame goes out at once
          ctx.session.getRemote().setMaxOutgoingFrames(MAX_OUTGOING_FRAMES);
          conversations.put(
              ctx.sessionId(),
              new Conversation(
                  ctx.session, mapper, timer, llm, history, counters, faults.replyLatencyMs()));
          counters.wsConnectionsOpened.incrementAndGet();
          faults.onConnectionOpened();
        });
    ws.onMessage(this::onMessage);
    ws.onBinaryMessage(
        ctx -> {
          if (compat.abortOnInvalidJson()) {
            abort(ctx); // the original reads text JSON only; anything else fails its handler
          } else {
            error(conversations.get(ctx.sessionId()), "binary frames are not supported", null);
          }
        });
    ws.onClose(ctx -> forget(ctx));
    ws.onError(ctx -> forget(ctx));
  }

  /** Connections open now. */
  int openConnections() {
    return conversations.size();
  }

  private void pingAll() {
    for (Conversation c : conversations.values()) {
      c.ping();
    }
  }

  /**
   * Drops the TCP connection without a close frame, as the original does when its handler fails on
   * a frame: the client sees 1006 (abnormal closure).
   */
  private void abort(WsContext ctx) {
    forget(ctx);
    try {
      ctx.session.disconnect();
    } catch (RuntimeException ignored) {
      // Already gone.
    }
  }

  private void forget(WsContext ctx) {
    silenced.remove(ctx.sessionId());
    Conversation c = conversations.remove(ctx.sessionId());
    if (c != null) {
      c.close();
    }
  }

  private void onMessage(WsMessageContext ctx) {
    Conversation conv = conversations.get(ctx.sessionId());
    if (conv == null) {
      return; // refused at connect, or already closing
    }
    if (silenced.contains(ctx.sessionId())) {
      return; // stuck since its first heartbeat
    }
    JsonNode msg;
    try {
      msg = mapper.readTree(ctx.message());
    } catch (JsonProcessingException e) {
      msg = null;
    }
    if (msg == null || !msg.isObject()) {
      if (compat.abortOnInvalidJson()) {
        abort(ctx);
      } else {
        error(conv, msg == null ? "invalid JSON" : "expected a JSON object", null);
      }
      return;
    }
    // Without the echo an id is just an unknown field, as the original treats it.
    JsonNode id = compat.echoId() ? msg.get("id") : null;
    if (id != null && !validId(id)) {
      error(
          conv,
          "id must be an integer or a string of at most " + MAX_ID_CHARS + " characters",
          null);
      return;
    }
    JsonNode type = msg.get("type");
    if (type == null || !type.isTextual()) {
      unknownType(conv, "missing type", id);
      return;
    }
    try {
      switch (type.asText()) {
        case "message" -> onChat(conv, msg, id);
        case "heartbeat" -> {
          if (silentAfterHeartbeat) {
            silenced.add(ctx.sessionId());
          } else if (compat.heartbeatAck()) {
            onHeartbeat(conv, msg, id);
          } else {
            unknownType(conv, "unknown type: heartbeat", id);
          }
        }
        default -> unknownType(conv, "unknown type: " + truncate(type.asText(), 64), id);
      }
    } catch (RuntimeException e) {
      System.err.println("reference server: ws message failed: " + e);
      error(conv, "internal error", id);
    }
  }

  private void onChat(Conversation conv, JsonNode msg, JsonNode id) {
    JsonNode content = msg.get("content");
    if (content == null || !content.isTextual() || content.asText().isBlank()) {
      error(conv, "content must be a non-empty string", id);
      return;
    }
    if (content.asText().length() > ReferenceConfig.MAX_CONTENT_CHARS) {
      error(conv, "content longer than " + ReferenceConfig.MAX_CONTENT_CHARS + " characters", id);
      return;
    }
    String botId = "ws";
    JsonNode bot = msg.get("bot_id");
    if (bot != null && !bot.isNull()) {
      if (!bot.isTextual() || !BotRegistry.validId(bot.asText())) {
        error(conv, "invalid bot_id: expected 1-64 of A-Z a-z 0-9 _ -", id);
        return;
      }
      botId = bot.asText();
    }
    String sessionId = null;
    JsonNode session = msg.get("session_id");
    if (session != null && !session.isNull()) {
      if (!session.isTextual() || session.asText().length() > 128) {
        error(conv, "session_id must be a string of at most 128 characters", id);
        return;
      }
      sessionId = session.asText();
    }
    counters.messagesHandled.incrementAndGet();
    faults.onChatMessage();
    history.save(botId, sessionId, "user", content.asText());
    boolean accepted =
        conv.enqueue(
            new Conversation.Pending(
                content.asText(), id, botId, sessionId, faults.replyOutcome()));
    if (!accepted) {
      error(
          conv,
          "too many messages waiting for a reply (at most " + Conversation.MAX_PENDING + ")",
          id);
    }
  }

  private void onHeartbeat(Conversation conv, JsonNode msg, JsonNode id) {
    JsonNode seq = msg.get("seq");
    if (seq != null && !seq.isNull() && !seq.isNumber()) {
      error(conv, "heartbeat seq must be a number", id);
      return;
    }
    counters.heartbeats.incrementAndGet();
    conv.sendFrame("heartbeat_ack", "seq", seq, id);
  }

  /** An unknown or missing type: an error frame, or no answer at all like the original. */
  private void unknownType(Conversation conv, String message, JsonNode id) {
    if (!compat.ignoreUnknownTypes()) {
      error(conv, message, id);
    }
  }

  private void error(Conversation conv, String message, JsonNode id) {
    if (conv == null) {
      return;
    }
    counters.wsErrors.incrementAndGet();
    conv.sendFrame("error", "message", message, id);
  }

  private static boolean validId(JsonNode id) {
    return id.isIntegralNumber() || (id.isTextual() && id.asText().length() <= MAX_ID_CHARS);
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
