package org.port8000.perf.simulations;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * Every request body and chat frame the simulations send, written once. Bodies with {@code #{…}}
 * are Gatling EL templates: use them with {@code StringBody(…)} or {@code sendText(…)}, with the
 * named session attribute set.
 */
public final class Bodies {
  private Bodies() {}

  /** The session attribute the bot bodies name (a bot id). */
  public static final String BOT = "bot";

  /** POST /api/bot/launch: a mock bot with the id in {@link #BOT}. */
  public static final String LAUNCH_BOT = "{\"bot_id\":\"#{" + BOT + "}\",\"adapter\":\"mock\"}";

  /** A heartbeat frame with the sequence number in session attribute {@code seq}. */
  public static final String HEARTBEAT = "{\"type\":\"heartbeat\",\"seq\":#{seq}}";

  /** POST /api/bot/{id}/task: one command. */
  public static String task(String command) {
    return "{\"command\":" + quoted(command) + "}";
  }

  /** A chat frame on /ws (the target's contract: type message, content). */
  public static String chat(String content) {
    return "{\"type\":\"message\",\"content\":" + quoted(content) + "}";
  }

  /** POST /api/chat/save (or the history store): one line of the bot in {@link #BOT}. */
  public static String saveMessage(String role, String content) {
    return "{\"role\":"
        + quoted(role)
        + ",\"content\":"
        + quoted(content)
        + ",\"bot_id\":\"#{"
        + BOT
        + "}\"}";
  }

  /** {@link #saveMessage(String, String)} within a chat session. */
  public static String saveMessage(String role, String content, String sessionId) {
    String line = saveMessage(role, content);
    return line.substring(0, line.length() - 1) + ",\"session_id\":" + quoted(sessionId) + "}";
  }

  private static String quoted(String text) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
  }
}
