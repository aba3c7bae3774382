package org.port8000.perf.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.WriteCallback;

/**
 * One WebSocket connection's conversation. Chat replies are produced one after another in arrival
 * order (like the original, one conversation per connection); heartbeat acks and error frames do
 * not wait behind them. Token delays are scheduled on a shared timer, never slept on a Jetty
 * thread. All state is dropped when the socket closes.
 */
final class Conversation {

  /**
   * A chat message waiting for its reply. {@code id} (null when not echoed) goes on every reply
   * frame; {@code outcome} is the fault injector's decision for it.
   */
  record Pending(
      String content, JsonNode id, String botId, String sessionId, FaultInjector.Outcome outcome) {}

  /** Chat messages that may wait for their turn; more is answered with an error. */
  static final int MAX_PENDING = 256;

  private final Session session;
  private final ObjectMapper mapper;
  private final ScheduledExecutorService timer;
  private final LlmStandIn llm;
  private final ChatHistoryStore history;
  private final ServerCounters counters;
  private final long replyLatencyMs;

  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private boolean busy;
  private volatile boolean closed;

  Conversation(
      Session session,
      ObjectMapper mapper,
      ScheduledExecutorService timer,
      LlmStandIn llm,
      ChatHistoryStore history,
      ServerCounters counters,
      long replyLatencyMs) {
    this.session = session;
    this.mapper = mapper;
    this.timer = timer;
    this.llm = llm;
    this.history = history;
    this.counters = counters;
    this.replyLatencyMs = replyLatencyMs;
  }

  /** Queues a chat message; false when too many are already waiting. */
  synchronized boolean enqueue(Pending p) {
    if (closed) {
      return true;
    }
    if (queue.size() >= MAX_PENDING) {
      return false;
    }
    queue.add(p);
    if (!busy) {
      busy = true;
      startNext();
    }
    return true;
  }

  /** Called with the lock held. */
  private void startNext() {
    Pending p;
    while ((p = queue.poll()) != null && p.outcome() == FaultInjector.Outcome.DROP) {
      counters.repliesDropped.incrementAndGet(); // the drop fault: this reply is never sent
    }
    if (p == null || closed) {
      busy = false;
      return;
    }
    // Only a normal reply streams; a reply without pieces (tokens=0, or a fault's answer)
    // still takes one token delay, the model's time to produce it.
    List<String> pieces =
        p.outcome() == FaultInjector.Outcome.REPLY ? llm.pieces(p.content()) : List.of();
    schedule(new Reply(p, pieces), replyLatencyMs + llm.tokenDelayMs());
  }

  private void schedule(Runnable task, long delayMs) {
    try {
      if (delayMs <= 0) {
        timer.execute(task);
      } else {
        timer.schedule(task, delayMs, TimeUnit.MILLISECONDS);
      }
    } catch (RejectedExecutionException e) {
      close(); // the server is stopping
    }
  }

  /**
   * Streams one reply piece by piece, then sends the full response (or the error frame or error
   * reply of a fault) and starts the next.
   */
  private final class Reply implements Runnable {
    private final Pending pending;
    private final List<String> pieces;
    private int next;

    Reply(Pending pending, List<String> pieces) {
      this.pending = pending;
      this.pieces = pieces;
    }

    @Override
    public void run() {
      if (closed) {
        return;
      }
      try {
        if (pending.outcome() == FaultInjector.Outcome.ERROR_FRAME) {
          counters.wsErrors.incrementAndGet();
          sendFrame("error", "message", FaultSwitches.ERROR_FRAME_MESSAGE, pending.id());
        } else if (finishReply()) {
          return; // the next piece is scheduled
        }
      } catch (RuntimeException e) {
        System.err.println("reference server: chat reply failed: " + e);
      }
      synchronized (Conversation.this) {
        startNext();
      }
    }

    /** Sends the next piece(s) and, after the last one, the response; true while pieces remain. */
    private boolean finishReply() {
      if (llm.tokenDelayMs() == 0) {
        while (next < pieces.size()) {
          sendFrame("stream", "content", pieces.get(next++), pending.id());
        }
      } else if (next < pieces.size()) {
        sendFrame("stream", "content", pieces.get(next++), pending.id());
        if (next < pieces.size()) {
          schedule(this, llm.tokenDelayMs());
          return true;
        }
      }
      String full;
      if (pending.outcome() == FaultInjector.Outcome.ERROR_REPLY) {
        full = FaultSwitches.ERROR_REPLY_CONTENT;
        counters.errorReplies.incrementAndGet();
      } else {
        full = pieces.isEmpty() ? llm.reply(pending.content()) : String.join("", pieces);
      }
      sendFrame("response", "content", full, pending.id());
      counters.repliesSent.incrementAndGet();
      history.save(pending.botId(), pending.sessionId(), "assistant", full);
      return false;
    }
  }

  /** Sends {@code {"type":type, field:value, "id":id?}}. */
  void sendFrame(String type, String field, Object value, JsonNode id) {
    ObjectNode frame = mapper.createObjectNode();
    frame.put("type", type);
    frame.set(field, mapper.valueToTree(value));
    if (id != null) {
      frame.set("id", id);
    }
    send(frame.toString());
  }

  private void send(String text) {
    if (closed) {
      return;
    }
    try {
      session
          .getRemote()
          .sendString(
              text,
              new WriteCallback() {
                @Override
                public void writeFailed(Throwable x) {
                  // Usually the peer went away; if it just stopped reading, the outgoing
                  // queue is full and the connection is closed so it cannot grow.
                  closeSession(StatusCode.POLICY_VIOLATION, "client is not reading");
                }
              });
    } catch (RuntimeException e) {
      closeSession(StatusCode.SERVER_ERROR, "send failed");
    }
  }

  /** A protocol ping, as uvicorn sends one every 20 s; a failed ping is the peer gone. */
  void ping() {
    if (closed) {
      return;
    }
    try {
      counters.pingsSent.incrementAndGet();
      session
          .getRemote()
          .sendPing(
              ByteBuffer.allocate(0),
              new WriteCallback() {
                @Override
                public void writeFailed(Throwable x) {
                  closeSession(StatusCode.SHUTDOWN, "ping failed");
                }
              });
    } catch (RuntimeException e) {
      closeSession(StatusCode.SERVER_ERROR, "ping failed");
    }
  }

  private void closeSession(int status, String reason) {
    close();
    try {
      if (session.isOpen()) {
        session.close(status, reason);
      }
    } catch (RuntimeException ignored) {
      // Already closing.
    }
  }

  /** Forgets everything queued; later timer tasks see {@code closed} and stop. */
  void close() {
    closed = true;
    synchronized (this) {
      queue.clear();
    }
  }
}
