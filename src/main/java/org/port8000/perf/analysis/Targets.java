package org.port8000.perf.analysis;

/** The assignment's targets and recommendation triggers (seeds/000), in one place. */
public final class Targets {
  private Targets() {}

  /** §1: throughput > 50 msg/s; "High Latency Issues (if > 200ms)". */
  public static final double THROUGHPUT_MSG_PER_S = 50;
  public static final double LATENCY_MS = 200;
  /** A throughput step passes while at least this share of replies arrives (DESIGN §1). */
  public static final double STEP_REPLY_RATIO = 0.999;
  /** §2: 99%+ stability, < 10 MB per connection. */
  public static final double STABILITY_RATIO = 0.99;
  public static final double MEMORY_PER_CONNECTION_MB = 10;
  /** §3: < 100 ms message display, 60 fps scroll. */
  public static final double DISPLAY_MS = 100;
  public static final double SCROLL_FPS = 60;
}
