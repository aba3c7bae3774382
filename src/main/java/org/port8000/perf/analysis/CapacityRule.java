package org.port8000.perf.analysis;

import java.util.Map;
import java.util.TreeMap;
import org.port8000.perf.results.BenchmarkFacts.Step;

/**
 * The one rule a capacity step is held or broken by, used by the simulation to stop its ramp and by
 * the report to find the knee, on the same data (the step as the simulation recorded it). Capacity,
 * not latency: a step holds while enough of its users succeed, the server counts every connection
 * (when it has a count), and each timed request stays responsive relative to the same request at
 * the ramp's lowest step: its p95 at most {@code latencyFactor} × or {@code latencyAddMs} more than
 * there, whichever is looser (so a fast server's millisecond noise cannot break a level). Whether
 * that latency meets the product's targets is judged by the latency rows alone.
 *
 * @param minShare share of a step's users that must succeed (1.0: every connection)
 */
public record CapacityRule(double minShare, double latencyFactor, long latencyAddMs) {

  /** The API and churn ramps' rule: a step holds while nearly all of its users succeed. */
  public static CapacityRule mostUsers(double latencyFactor, long latencyAddMs) {
    return new CapacityRule(BenchmarkThresholds.MIN_SHARE, latencyFactor, latencyAddMs);
  }

  /** The connection levels' rule: a level holds while every connection opened. */
  public static CapacityRule everyUser(double latencyFactor, long latencyAddMs) {
    return new CapacityRule(1.0, latencyFactor, latencyAddMs);
  }

  /** The p95 a request may reach at a step, from its p95 at the lowest step. */
  public long limitMs(int lowestP95Ms) {
    return Math.max(Math.round(lowestP95Ms * latencyFactor), lowestP95Ms + latencyAddMs);
  }

  /** The share a step needs in words, e.g. "≥ 99.9 % of its calls succeed". */
  public String share(String ofWhat) {
    return "≥ " + Format.number(minShare * 100) + " % of " + ofWhat;
  }

  /** The rule in words, for a ramp's description. */
  public String describe() {
    return "each timed request's p95 stays within "
        + Format.number(latencyFactor)
        + " × or + "
        + latencyAddMs
        + " ms (whichever is looser) of its p95 at the lowest step";
  }

  /**
   * Why {@code step} broke, or null when it held. {@code lowest} is the ramp's first step that ran
   * (the step itself at the lowest level).
   */
  public String why(Step step, Step lowest) {
    long settled = step.ok() + step.failed();
    if (settled == 0) {
      return "no request of this step completed";
    }
    if (step.ok() < minShare * step.planned()) {
      return step.ok()
          + " of "
          + step.planned()
          + " succeeded (needs "
          + Format.number(minShare * 100)
          + " %)";
    }
    if (step.failed() > (1 - minShare) * step.planned()) {
      return step.failed() + " failed";
    }
    if (step.serverConnections() != null && step.serverConnections() < step.level()) {
      return "the server counted " + step.serverConnections() + " open connections";
    }
    if (lowest != null && !lowest.name().equals(step.name())) {
      // in name order, so every JVM names the same request first
      for (Map.Entry<String, Integer> e : new TreeMap<>(step.p95Ms()).entrySet()) {
        Integer base = lowest.p95Ms().get(e.getKey());
        if (base == null) {
          continue;
        }
        long limit = limitMs(base);
        if (e.getValue() > limit) {
          return e.getKey()
              + " p95 "
              + e.getValue()
              + " ms, more than the "
              + limit
              + " ms its p95 of "
              + base
              + " ms at "
              + lowest.name()
              + " allows: the target"
              + " slowed down under this load";
        }
      }
    }
    return null;
  }
}
