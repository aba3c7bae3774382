package org.port8000.perf.simulations;

import java.lang.management.ManagementFactory;

/**
 * Pre-flight: every connection in flight is an open file of this JVM. A plan that needs more
 * than the open-file limit would die mid-run with "Too many open files" and lose the run, so it
 * is refused before any load, naming the limit and the fix.
 */
final class FileLimit {
  /** Files the JVM, Gatling and the reports need besides the connections. */
  static final long RESERVE = 256;

  private FileLimit() {}

  /** Throws when {@code connections} more open files would not fit under the limit. */
  static void check(long connections) {
    if (!(ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.UnixOperatingSystemMXBean os)) {
      return; // not a Unix JVM: no limit to compare with
    }
    long max = os.getMaxFileDescriptorCount();
    long open = os.getOpenFileDescriptorCount();
    String why = refusal(connections, open, max);
    if (why != null) {
      throw new IllegalStateException(why);
    }
  }

  /** The refusal, or null when the plan fits. */
  static String refusal(long connections, long open, long max) {
    if (open + connections + RESERVE <= max) {
      return null;
    }
    return "The message-throughput plan needs up to " + connections + " connections at once,"
        + " but this JVM may open only " + max + " files (" + open + " already open, "
        + RESERVE + " kept for the run itself). Fix: lower the highest of -Dthroughput.steps"
        + " (each step opens one connection per " + MessageThroughputSimulation.CONNECTION_PACE
        .toMillis() + " ms of its rate) or -Dreply.timeoutMs, or raise the limit (ulimit -n) in"
        + " the shell that runs Maven.";
  }
}
