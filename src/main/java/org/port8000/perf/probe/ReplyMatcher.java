package org.port8000.perf.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.regex.Pattern;

/**
 * One chat connection's messages in flight, matched with the frames that come back. A reply goes to
 * the message whose {@code id} it echoes, else to the oldest message waiting (the original server
 * answers each connection in order and echoes no id). A message is answered by its final {@code
 * response} frame whether or not {@code stream} frames came first; an {@code error} frame, or a
 * response whose content matches the error pattern, is a failed message. Latency runs from the time
 * the message was due, so a send that fell behind its schedule still counts its delay (no
 * coordinated omission).
 *
 * <p>A reply that comes after its message timed out must not answer a later message: one that
 * echoes an id nobody waits for is dropped; on a connection matched in order (no id echoed yet) the
 * first timeout retires the connection, since its next reply may be the late one or the next
 * message's and nothing tells them apart. A retired connection takes no frames; the messages still
 * on it time out. Not thread-safe: one per connection, used by its virtual user only.
 */
public final class ReplyMatcher {
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Pending(String id, long dueMs, int sequence, long[] firstTokenMs) {}

  private final MessageTimings.Recorder recorder;
  private final Pattern errorPattern;
  private final long timeoutMs;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private boolean echoesIds;
  private boolean retired;

  public ReplyMatcher(MessageTimings.Recorder recorder, Pattern errorPattern, long timeoutMs) {
    this.recorder = recorder;
    this.errorPattern = errorPattern;
    this.timeoutMs = timeoutMs;
  }

  /** A message sent at {@code sentMs} that was due at {@code dueMs}. */
  public void sent(String id, int sequence, long dueMs, long sentMs) {
    pending.add(new Pending(id, dueMs, sequence, new long[] {-1}));
    recorder.sent(sentMs, sentMs - dueMs);
  }

  /** A text frame received at {@code atMs}. */
  public void frame(String text, long atMs) {
    JsonNode frame;
    try {
      frame = JSON.readTree(text);
    } catch (Exception e) {
      return; // not JSON: not a chat reply
    }
    String type = frame.path("type").asText("");
    if (retired || !type.equals("stream") && !type.equals("response") && !type.equals("error")) {
      return; // heartbeat acks and other frames are not message replies
    }
    Pending p = match(frame.path("id"));
    if (p == null) {
      return; // nothing waiting: a reply that came after its message timed out
    }
    switch (type) {
      case "stream" -> {
        if (p.firstTokenMs[0] < 0) {
          p.firstTokenMs[0] = atMs;
        }
      }
      case "response" -> {
        pending.remove(p);
        long firstToken = p.firstTokenMs[0] < 0 ? -1 : p.firstTokenMs[0] - p.dueMs;
        if (errorPattern.matcher(frame.path("content").asText("")).find()) {
          recorder.errorReply();
        } else {
          recorder.answered(p.sequence, atMs, atMs - p.dueMs, firstToken);
        }
      }
      default -> {
        pending.remove(p);
        recorder.errorFrame();
      }
    }
  }

  /** Messages still waiting at {@code nowMs} for longer than the reply timeout are lost. */
  public void expire(long nowMs) {
    Iterator<Pending> it = pending.iterator();
    while (it.hasNext()) {
      Pending p = it.next();
      if (nowMs - p.dueMs >= timeoutMs) {
        it.remove();
        recorder.timedOut();
        retired |= !echoesIds;
      }
    }
  }

  /** Gives up on every message still waiting (the connection is closing or failed). */
  public void abandon() {
    for (Pending p : pending) {
      recorder.timedOut();
    }
    pending.clear();
  }

  public int waiting() {
    return pending.size();
  }

  /** True once a timeout made in-order matching unsafe: no more messages go on it. */
  public boolean retired() {
    return retired;
  }

  private Pending match(JsonNode id) {
    if (!id.isTextual()) {
      return pending.peekFirst();
    }
    echoesIds = true;
    for (Pending p : pending) {
      if (id.asText().equals(p.id)) {
        return p;
      }
    }
    return null; // the echoed id of a message that timed out
  }
}
