package org.port8000.perf.results;

/** Request names of the benchmark's capacity phases, shared by the simulation and the analysis. */
public final class BenchmarkRequests {
  private BenchmarkRequests() {}

  public static final String WS_CONNECT = "ws connect";
  public static final String WS_CLOSE = "ws close";
  public static final String BOTS_LAUNCH = "bots launch";
  public static final String BOTS_TASK = "bots task";
  public static final String BOTS_STOP = "bots stop";
  public static final String BUSY_TASK = "busy task";

  /** Every churn round uses the same names: the rounds differ only in when they ran. */
  public static final String CHURN_ROUND_CONNECT = "churn round connect";

  public static final String CHURN_ROUND_MESSAGE = "churn round message";

  // Set-up, closes and health checks: not timed figures of the report.
  public static final String SETUP_LAUNCH = "setup launch";
  public static final String SETUP_HISTORY = "setup history";
  public static final String BUSY_LAUNCH = "busy launch";
  public static final String BUSY_STOP = "busy stop";
  public static final String FINISH_STOP = "finish stop";
  public static final String CONN_CLOSE = "conn close";
  public static final String CONN_PROBE_CONNECT = "conn probe connect";
  public static final String CONN_PROBE_CLOSE = "conn probe close";
  public static final String CONN_HEALTH = "conn health";
  public static final String CHURN_CLOSE = "churn close";
  public static final String CHURN_WARMUP_CONNECT = "churn warm-up connect";
  public static final String CHURN_WARMUP_MESSAGE = "churn warm-up message";
  public static final String CHURN_WARMUP_CLOSE = "churn warm-up close";

  /** A request of the warm-up (not judged), e.g. {@code warm-up list bots}. */
  public static String warmUp(String request) {
    return "warm-up " + request;
  }

  /** A request of an API step, e.g. {@code api 200/s list bots}. */
  public static String apiStep(int ratePerSecond, String request) {
    return "api " + ratePerSecond + "/s " + request;
  }

  /**
   * The send of a chat round trip: Gatling logs it beside the awaited reply as a request of about 0
   * ms, so it is named as a send, never as a latency.
   */
  public static String send(String roundTrip) {
    return roundTrip + " send";
  }

  public static String connectionOpen(int level) {
    return "conn " + level + " open";
  }

  public static String connectionProbe(int level) {
    return "conn " + level + " probe";
  }

  public static String churnConnect(int rate) {
    return "churn " + rate + "/s connect";
  }

  public static String churnMessage(int rate) {
    return "churn " + rate + "/s message";
  }

  /** Timed request kinds of a capacity step as the simulation records them (Step.p95Ms). */
  public static final String STEP_CHAT = "chat";

  public static final String STEP_CONNECT = "connect";
  public static final String STEP_REPLY = "reply";
}
