package org.port8000.perf.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.port8000.perf.analysis.Thresholds;
import org.port8000.perf.results.PhaseFacts;
import org.port8000.perf.results.RequestNames;

/**
 * The verdicts the simulations log as Gatling requests (a probe's, or the knee rule's over the
 * steps), each as the report judges it from the analysis' own {@link Thresholds}, and the message
 * simulation's Gatling assertions.
 */
final class Verdicts {
  private Verdicts() {}

  /** The verdict requests' expected value: anything else is the KO's reason. */
  static final String PASS = "PASS";

  /**
   * A verdict as a Gatling request: one health check whose check is the verdict, so a Gatling
   * assertion can gate it (anything but {@link #PASS} is its KO reason).
   */
  static ChainBuilder request(String name, Supplier<String> verdict) {
    return exec(
        http(name).get("/api/health").check(bodyString().transform(b -> verdict.get()).is(PASS)));
  }

  /** The knee rule over the steps' tries, on this run's own round-trip times. */
  static String kneeRule(List<ThroughputStep> tries) {
    Optional<ThroughputStep> highest = Optional.empty();
    for (ThroughputStep s : tries) {
      if (!s.isRetry() && s.finalTry().held()) {
        highest = Optional.of(s.finalTry());
      }
    }
    return sustainedVerdict(highest.map(s -> s.recorder().achievedPerSecond()));
  }

  /** The one-client burst as the report judges it (p95, average, none dropped). */
  static String burstVerdict(long planned, long replied, PhaseFacts.Latency latency) {
    if (latency == null) {
      return "FAIL: no reply arrived";
    }
    List<String> w = new ArrayList<>();
    if (!Thresholds.LATENCY.met(latency.p95())) {
      w.add("p95 " + latency.p95() + " ms (needs " + Thresholds.LATENCY.prose() + ")");
    }
    if (!Thresholds.LATENCY.met(latency.mean())) {
      w.add("average " + latency.mean() + " ms (needs " + Thresholds.LATENCY.prose() + ")");
    }
    if (planned > replied) {
      w.add((planned - replied) + " of " + planned + " messages not answered");
    }
    return w.isEmpty() ? PASS : "FAIL: " + String.join(", ", w);
  }

  /** The sustained rate as the report judges it: the highest step that held, by its rate. */
  static String sustainedVerdict(Optional<Double> highestHeldAchieved) {
    if (highestHeldAchieved.isEmpty()) {
      return "FAIL: no throughput step held";
    }
    double a = highestHeldAchieved.get();
    return Thresholds.THROUGHPUT.met(a)
        ? PASS
        : "FAIL: sustained "
            + Math.round(a)
            + " msg/s (needs "
            + Thresholds.THROUGHPUT.prose()
            + ")";
  }

  /**
   * The message simulation's Gatling assertions: the many-client burst's reply p95 and its {@code
   * burstUsers} replies, and the verdicts of the one-client burst (the probe's, where it ran) and
   * of the knee rule (where this injector offers the full rates), each as the report judges them.
   */
  static List<Assertion> throughput(int burstUsers, boolean oneClient, boolean sustained) {
    String burst = RequestNames.reply(RequestNames.BURST);
    List<Assertion> a = new ArrayList<>();
    a.add(details(burst).responseTime().percentile(95.0).lte((int) Thresholds.LATENCY.limit()));
    a.add(details(burst).successfulRequests().count().gte((long) burstUsers));
    if (oneClient) {
      a.add(details(RequestNames.VERDICT_ONE_CLIENT_BURST).successfulRequests().count().is(1L));
    }
    if (sustained) {
      a.add(details(RequestNames.VERDICT_SUSTAINED).successfulRequests().count().is(1L));
    }
    return a;
  }
}
