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

  /** The session attribute {@link #CHAT_WITH_ID} names (a message id). */
  public static final String ID = "id";

  /**
   * A chat frame with the id in {@link #ID}, for the one-client burst, whose replies are matched.
   */
  public static final String CHAT_WITH_ID =
      "{\"type\":\"message\",\"content\":\"perf #{" + ID + "}\",\"id\":\"#{" + ID + "}\"}";

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

  /**
   * POST /api/chat/message: history line {@code i} of {@code botId}, of varied length like a real
   * chat: the user asks (even lines), the assistant answers briefly or at length.
   */
  public static String historyLine(int i, String botId) {
    boolean user = i % 2 == 0;
    String text =
        user
            ? "Message " + i + ": what is the status of the nightly build?"
            : i % 4 == 1
                ? "Message "
                    + i
                    + ": the nightly build finished; two suites were slower than"
                    + " yesterday and one test was retried before it passed. Details are in the log."
                : "Message "
                    + i
                    + ": all green.\nThe slow suites are back to their usual times and"
                    + " the memory graph of the chat service is flat.";
    return "{\"role\":"
        + quoted(user ? "user" : "assistant")
        + ",\"bot_id\":"
        + quoted(botId)
        + ",\"content\":"
        + quoted(text)
        + "}";
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
