package org.port8000.perf.analysis;

/**
 * The assignment's targets (seeds/000), each once: the checks, the not-measured rows, the section
 * headlines and the simulations' Gatling assertions all use these values.
 */
public final class Thresholds {
  private Thresholds() {}

  /** §1: sustained throughput > 50 msg/s. */
  public static final Threshold THROUGHPUT = new Threshold(">", 50, "msg/s");

  /** §1: "High Latency Issues (if > 200ms)": latency p95 and average at most 200 ms. */
  public static final Threshold LATENCY = new Threshold("<=", 200, "ms");

  /** A throughput step holds while at least this share of its replies arrives (DESIGN §1). */
  public static final Threshold STEP_REPLIES = new Threshold(">=", 99.9, "%");

  /** §2: 99%+ connection stability (heartbeats acknowledged). */
  public static final Threshold STABILITY = new Threshold(">=", 99, "%");

  /** §2: < 10 MB per connection. */
  public static final Threshold MEMORY_PER_CONNECTION = new Threshold("<", 10, "MB");

  /** §3: < 100 ms message display. */
  public static final Threshold DISPLAY = new Threshold("<", 100, "ms");
}
