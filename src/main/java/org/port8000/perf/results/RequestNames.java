package org.port8000.perf.results;

/**
 * The Gatling request names the simulations record and the analysis reads back: one spelling for
 * both sides. Message phases are named {@link #ONE_CLIENT_BURST}, {@link #BURST}, {@link #WARMUP}
 * or a step's {@link #step(int)}; Gatling records each phase's connects and round trips ({@link
 * #reply}, {@link #firstToken}), the message-timings probe the one-client burst's replies.
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

  /** The second try of a throughput step that broke, run after a short cool-down. */
  public static String stepRetry(int ratePerSecond) {
    return step(ratePerSecond) + " retry";
  }

  /** Whether a message phase is one of the rising throughput steps (not a burst or warm-up). */
  public static boolean isStep(String phase) {
    return phase.matches("\\d+/s( retry)?");
  }

  /** Whether a step phase is a step's second try. */
  public static boolean isRetry(String phase) {
    return phase.endsWith(" retry");
  }

  /** The offered rate of a step phase ("200/s" or "200/s retry" → 200). */
  public static int stepRate(String phase) {
    return Integer.parseInt(phase.substring(0, phase.indexOf('/')));
  }

  /**
   * The one-client burst's sends: Gatling cannot await replies while the same connection keeps
   * sending, so it logs these sends without a latency; the probe times the replies.
   */
  public static final String ONE_CLIENT_BURST_SEND = "send only – burst, one client";

  /** The first stream frame of a phase's message, timed by Gatling from the send. */
  public static String firstToken(String phase) {
    return "first token " + phase;
  }

  /**
   * A verdict that is not a Gatling request (a probe's, or the knee rule's over the steps), logged
   * as one check on the target's health request so a Gatling assertion can gate it.
   */
  public static String verdict(String what) {
    return "verdict – " + what;
  }

  public static final String VERDICT_ONE_CLIENT_BURST = verdict("burst, one client (probe)");
  public static final String VERDICT_SUSTAINED = verdict("sustained throughput (knee rule)");
  public static final String VERDICT_LEAK = verdict("memory leak (probe)");

  /** The memory simulation's chat phases. */
  public static final String LEAK_WARMUP = "leak warm-up";

  public static final String LEAK_MESSAGES = "leak";

  public static String connect(String phase) {
    return "connect " + phase;
  }

  /** A message's send: Gatling logs it at 0 ms beside its checked reply, so it is named a send. */
  public static String send(String phase) {
    return "send " + phase;
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

  /** A heartbeat soak client's connect (reconnects included) and its close at the end. */
  public static final String HEARTBEAT_CONNECT = "connect";

  public static final String HEARTBEAT_CLOSE = "close";

  /** A soak client's one chat message before its heartbeats, and its reply. */
  public static final String HEARTBEAT_HELLO_SEND = "hello send";

  public static final String HEARTBEAT_HELLO = "hello";

  /** The footprint step's idle connections. */
  public static final String FOOTPRINT_CONNECT = "footprint connect";

  public static final String FOOTPRINT_CLOSE = "footprint close";

  /**
   * The one request of a simulation that could not start its load: a health check that is failed on
   * purpose, carrying the reason, so Gatling records the run and fails it.
   */
  public static final String COULD_NOT_START = "could not start";

  /** The UI run's last request: KO when the browser probe's verdict is FAIL. */
  public static final String UI_VERDICT = "ui verdict";

  /** The UI run's bot: launched, its history seeded, stopped at the end. */
  public static final String UI_RENDER = "UI render";

  public static final String UI_LAUNCH_BOT = "launch bot";
  public static final String UI_SAVE_MESSAGE = "save chat message";
  public static final String UI_HEALTH = "health while the browser probe runs";
  public static final String UI_STOP_BOT = "stop bot";

  /**
   * What an injector other than injector 0 runs of the UI simulation (the browser runs once, on
   * injector 0): one health check, since Gatling records no run without a request.
   */
  public static final String UI_ELSEWHERE = "health (the browser probe runs on injector 0)";

  /** The memory simulation's connect/disconnect cycles. */
  public static final String LEAK_CYCLES = "leak cycles";

  public static final String CYCLE_CONNECT = "cycle connect";
  public static final String CYCLE_CLOSE = "cycle close";
  public static final String CYCLE_BOT_LAUNCH = "bot launch";
  public static final String CYCLE_BOT_STOP = "bot stop";

  /** The throughput simulation's verdict requests' scenario. */
  public static final String VERDICTS = "verdicts";
}
