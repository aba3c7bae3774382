package org.port8000.perf.results;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.Simulation;
import java.nio.file.Path;
import java.time.Duration;
import org.port8000.perf.config.InjectorShare;
import org.port8000.perf.config.Settings;
import org.port8000.perf.probe.InjectorRecorder;

/**
 * A tiny simulation wired for several injectors as the suite's simulations are to be: its share of
 * the arrival rate ({@code tiny.rate} users/s in all, one GET of {@code tiny.path} each, for {@code
 * tiny.seconds}; at {@code tiny.url}, else {@code target.url}), the shared start, and its
 * injector's facts in its run folder.
 */
public class ShardedTinySimulation extends Simulation {
  private final InjectorShare share = Settings.load().injector();
  private InjectorRecorder recorder;

  {
    double rate = Double.parseDouble(System.getProperty("tiny.rate"));
    int seconds = Integer.parseInt(System.getProperty("tiny.seconds"));
    setUp(
            scenario("tiny")
                .exec(
                    http("ok").get(System.getProperty("tiny.path", "/ok")).check(status().is(200)))
                .injectOpen(
                    constantUsersPerSec(share.rate(rate)).during(Duration.ofSeconds(seconds))))
        .protocols(http.baseUrl(System.getProperty("tiny.url", System.getProperty("target.url"))))
        .maxDuration(Duration.ofSeconds(seconds + 30));
  }

  @Override
  public void before() {
    try {
      share.awaitStart();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the shared start", e);
    }
    recorder = InjectorRecorder.start(share, getClass());
  }

  @Override
  public void after() {
    Path results = Path.of(System.getProperty("gatling.resultsFolder"));
    RunFolder.current(results, getClass()).ifPresent(recorder::finish);
  }
}
