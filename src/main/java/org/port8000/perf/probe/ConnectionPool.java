package org.port8000.perf.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The connections of one message phase, and the rule that picks the connection a due message
 * goes on. The phase's messages are shared out among its virtual users (members), each starting
 * with one connection. A message goes on the first of its member's connections that waits for
 * no reply and is not retired ({@link ReplyMatcher#retired()}); when every one of them still waits (the target took longer per reply than the time
 * between the member's messages), the member opens one more, so a message never queues behind a
 * reply while the phase is under its bound. At the bound the message goes on the member's
 * connection with the fewest replies waiting and is counted as queued: its latency then includes
 * the load generator's own queueing. Either way it is sent when due (open model). Phase-level
 * counts are thread-safe; a {@link Member} is used by its virtual user only.
 */
public final class ConnectionPool {
  private final int initial;
  private final int bound;
  private final String boundBy;
  private final AtomicInteger size;
  private final AtomicLong queuedSends = new AtomicLong();

  /**
   * @param initial connections the phase opens at its start (one per member)
   * @param bound the most connections the phase may hold at once (at least {@code initial})
   * @param boundBy what sets the bound, for the report
   */
  public ConnectionPool(int initial, int bound, String boundBy) {
    if (initial < 1 || bound < initial) {
      throw new IllegalArgumentException("pool of " + initial + " bounded at " + bound);
    }
    this.initial = initial;
    this.bound = bound;
    this.boundBy = boundBy;
    this.size = new AtomicInteger(initial);
  }

  /** A pool that never grows: one client, or one connection per message. */
  public static ConnectionPool fixed(int connections) {
    return new ConnectionPool(connections, connections, "fixed");
  }

  public int initial() {
    return initial;
  }

  public int bound() {
    return bound;
  }

  public String boundBy() {
    return boundBy;
  }

  /** Connections the phase has held: its initial ones plus every one it added. */
  public int size() {
    return size.get();
  }

  /** Messages sent on a connection that still waited for a reply (the pool was at its bound). */
  public long queuedSends() {
    return queuedSends.get();
  }

  private boolean tryGrow() {
    while (true) {
      int s = size.get();
      if (s >= bound) {
        return false;
      }
      if (size.compareAndSet(s, s + 1)) {
        return true;
      }
    }
  }

  /** One member's connections, each with its own in-order reply matcher. */
  public Member member(Supplier<ReplyMatcher> newMatcher) {
    return new Member(newMatcher);
  }

  /** One virtual user's connections, in the order they were opened. */
  public final class Member {
    private final Supplier<ReplyMatcher> newMatcher;
    private final List<ReplyMatcher> connections = new ArrayList<>();

    private Member(Supplier<ReplyMatcher> newMatcher) {
      this.newMatcher = newMatcher;
    }

    /**
     * The connection the message due now goes on: the first that waits for no reply; else
     * {@link #count()}, a new one the caller opens and reports with {@link #opened()} or
     * {@link #openFailed()}; else, at the bound, the one with the fewest replies waiting.
     */
    public int dispatch() {
      for (int i = 0; i < connections.size(); i++) {
        if (connections.get(i).waiting() == 0 && !connections.get(i).retired()) {
          return i;
        }
      }
      if (!connections.isEmpty() && tryGrow()) {
        return connections.size();
      }
      return queued();
    }

    /** The connection {@link #dispatch()} asked for (or the member's first) is open. */
    public void opened() {
      connections.add(newMatcher.get());
    }

    /** The new connection could not be opened: the message queues on an open one instead. */
    public int openFailed() {
      size.decrementAndGet();
      return queued();
    }

    private int queued() {
      queuedSends.incrementAndGet();
      int best = 0;
      for (int i = 1; i < connections.size(); i++) {
        if (rank(connections.get(i)) < rank(connections.get(best))) {
          best = i;
        }
      }
      return best;
    }

    /** Fewer replies waiting is better; a retired connection only when nothing else is open. */
    private static long rank(ReplyMatcher m) {
      return (m.retired() ? Integer.MAX_VALUE : 0L) + m.waiting();
    }

    public ReplyMatcher connection(int index) {
      return connections.get(index);
    }

    public int count() {
      return connections.size();
    }

    /** Messages still waiting for a reply on any of the member's connections. */
    public int waiting() {
      int w = 0;
      for (ReplyMatcher m : connections) {
        w += m.waiting();
      }
      return w;
    }

    /** Gives up on every message still waiting (the member's connections are closing). */
    public void abandon() {
      for (ReplyMatcher m : connections) {
        m.abandon();
      }
    }
  }
}
