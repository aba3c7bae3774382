package org.port8000.perf.results;

/** Request names of the benchmark's capacity phases, shared by the simulation and the analysis. */
public final class BenchmarkRequests {
  private BenchmarkRequests() {}

  public static final String WS_CONNECT = "ws connect";
  public static final String BOTS_LAUNCH = "bots launch";
  public static final String BOTS_TASK = "bots task";
  public static final String BOTS_STOP = "bots stop";
  public static final String BUSY_TASK = "busy task";
  /** Every churn round uses the same names: the rounds differ only in when they ran. */
  public static final String CHURN_ROUND_CONNECT = "churn round connect";
  public static final String CHURN_ROUND_MESSAGE = "churn round message";

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
