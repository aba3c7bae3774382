package org.port8000.perf.results;

/**
 * The Gatling request names the simulations record and the analysis reads back: one spelling
 * for both sides. Message phases are named {@link #ONE_CLIENT_BURST}, {@link #BURST},
 * {@link #WARMUP} or a step's {@link #step(int)}; Gatling records each phase's connects, the
 * message-timings probe its messages.
 */
public final class RequestNames {
  private RequestNames() {}

  /** The assignment's burst as written: one client, one connection. */
  public static final String ONE_CLIENT_BURST = "burst one client";
  /** The same burst from many clients, each message on its own connection. */
  public static final String BURST = "burst";
  public static final String WARMUP = "warmup";

  /** The phase name of a throughput step offering {@code ratePerSecond} messages a second. */
  public static String step(int ratePerSecond) {
    return ratePerSecond + "/s";
  }

  /** Whether a message phase is one of the rising throughput steps (not a burst or warm-up). */
  public static boolean isStep(String phase) {
    return !phase.equals(BURST) && !phase.equals(ONE_CLIENT_BURST) && !phase.equals(WARMUP);
  }

  public static String connect(String phase) {
    return "connect " + phase;
  }

  public static String message(String phase) {
    return "message " + phase;
  }

  /** The full reply of a phase's message: its latency is the phase's latency. */
  public static String reply(String phase) {
    return "reply " + phase;
  }

  public static String close(String phase) {
    return "close " + phase;
  }

  /** A heartbeat's ack: OK when the ack arrived in time. */
  public static final String HEARTBEAT_ACK = "heartbeat";
  /** A heartbeat's send: every attempt, answered or not. */
  public static final String HEARTBEAT_SEND = "heartbeat send";

  /**
   * The one request of a simulation that could not start its load: a health check that is
   * failed on purpose, carrying the reason, so Gatling records the run and fails it.
   */
  public static final String COULD_NOT_START = "could not start";

  /** The UI run's last request: KO when the browser probe's verdict is FAIL. */
  public static final String UI_VERDICT = "ui verdict";
}
