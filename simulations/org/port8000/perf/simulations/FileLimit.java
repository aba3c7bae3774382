package org.port8000.perf.simulations;

import java.lang.management.ManagementFactory;

/**
 * Pre-flight: every connection in flight is an open file of this JVM. A plan that needs more than
 * the open-file limit would die mid-run with "Too many open files" and lose the run, so it is
 * refused before any load, naming the limit and the fix.
 */
final class FileLimit {
  /** Files the JVM, Gatling and the reports need besides the connections. */
  static final long RESERVE = 256;

  private FileLimit() {}

  static final String THROUGHPUT_PLAN = "The message-throughput plan";
  static final String THROUGHPUT_FIX =
      "Fix: lower the highest of -Dthroughput.steps (each step"
          + " opens one connection per "
          + MessageThroughputSimulation.CONNECTION_PACE.toMillis()
          + " ms of its rate) or -Dreply.timeoutMs, or raise the limit (ulimit -n) in the shell that"
          + " runs Maven.";
  static final String HEARTBEAT_PLAN = "The heartbeat plan";
  static final String HEARTBEAT_FIX =
      "Fix: lower -Dheartbeat.clients or"
          + " -Dfootprint.connections, or raise the limit (ulimit -n) in the shell that runs Maven.";

  /**
   * The most connections a pool that grows may hold: enough for every message the reply timeout
   * lets wait at once (rate x timeout) on top of the initial pool, and never more than the
   * open-file limit leaves free now.
   */
  static Bound growthBound(int pool, double ratePerSecond, long replyTimeoutMs) {
    if (!(ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.UnixOperatingSystemMXBean os)) {
      return growthBound(pool, ratePerSecond, replyTimeoutMs, -1, -1);
    }
    return growthBound(
        pool,
        ratePerSecond,
        replyTimeoutMs,
        os.getOpenFileDescriptorCount(),
        os.getMaxFileDescriptorCount());
  }

  /** The same for {@code open} of {@code max} files open; max < 0 = no limit known. */
  static Bound growthBound(
      int pool, double ratePerSecond, long replyTimeoutMs, long open, long max) {
    long waiting = pool + (long) Math.ceil(ratePerSecond * replyTimeoutMs / 1000.0);
    long free = max < 0 ? Long.MAX_VALUE : max - open - RESERVE;
    if (free < waiting) {
      return new Bound(
          (int) Math.max(pool, free),
          "the open-file limit ("
              + max
              + " files, "
              + open
              + " open, "
              + RESERVE
              + " kept for the run itself; raise it with"
              + " ulimit -n)");
    }
    return new Bound(
        (int) Math.min(Integer.MAX_VALUE, waiting),
        "the initial "
            + pool
            + " plus one per message the reply timeout lets wait at once (rate × reply.timeoutMs)");
  }

  /** A pool's bound and what sets it. */
  record Bound(int connections, String why) {}

  /** Throws when the message-throughput plan's connections would not fit under the limit. */
  static void check(long connections) {
    check(connections, THROUGHPUT_PLAN, THROUGHPUT_FIX);
  }

  /**
   * Throws when {@code connections} more open files would not fit under the limit; the refusal
   * names {@code plan} and ends with {@code fix}.
   */
  static void check(long connections, String plan, String fix) {
    if (!(ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.UnixOperatingSystemMXBean os)) {
      return; // not a Unix JVM: no limit to compare with
    }
    long max = os.getMaxFileDescriptorCount();
    long open = os.getOpenFileDescriptorCount();
    String why = refusal(connections, open, max, plan, fix);
    if (why != null) {
      throw new IllegalStateException(why);
    }
  }

  /** The refusal, or null when the plan fits. */
  static String refusal(long connections, long open, long max, String plan, String fix) {
    if (open + connections + RESERVE <= max) {
      return null;
    }
    return plan
        + " needs up to "
        + connections
        + " connections at once,"
        + " but this JVM may open only "
        + max
        + " files ("
        + open
        + " already open, "
        + RESERVE
        + " kept for the run itself). "
        + fix;
  }
}
