package org.port8000.perf.analysis;

/**
 * The operation benchmark's targets besides the per-operation latencies (those are one value per
 * operation in {@code results/BenchmarkOperation}): the seed's throughput and resource targets,
 * each once, and the assignment's load against which headroom is stated.
 */
final class BenchmarkThresholds {
  private BenchmarkThresholds() {}

  /**
   * Share of a step's requests that must succeed, for its ramp to go on (the simulation's stop rule
   * is {@link CapacityRule#mostUsers}).
   */
  static final double MIN_SHARE = 0.999;

  /** Above this share of all cores the load generator may itself be the limit. */
  static final double GENERATOR_BUSY_PERCENT = 80;

  // The seed's throughput and resource targets.
  static final Threshold MESSAGES_PER_SECOND = new Threshold(">=", 2, "msg/s");
  static final Threshold API_CALLS_PER_SECOND = new Threshold(">=", 10, "calls/s");
  static final Threshold CONCURRENT_BOTS = new Threshold(">=", 3, "bots");
  static final Threshold CONCURRENT_CONNECTIONS = new Threshold(">=", 50, "connections");
  static final Threshold MB_PER_BOT = new Threshold("<", 200, "MB");
  static final Threshold CPU_IDLE_PERCENT = new Threshold("<", 10, "%");
  static final Threshold CPU_BUSY_PERCENT = new Threshold("<", 30, "%");

  // The assignment's load, against which headroom is stated.
  static final int ASSIGNMENT_CLIENTS = 10;
  static final double ASSIGNMENT_MESSAGES_PER_SECOND = 10;
  static final int SEED_CURRENT_BOTS = 5;

  /** How far a measured figure is from its limit, e.g. "40 % below" or "12 % over". */
  static String margin(double measured, double limit) {
    double share = (limit - measured) / limit;
    return share >= 0
        ? Format.number(share * 100) + " % below"
        : Format.number(-share * 100) + " % over";
  }
}
