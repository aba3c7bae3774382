package org.port8000.perf.results;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One Gatling run folder: which simulation, when, and the figures per request name. */
public record GatlingRun(
    Path folder, String simulationClass, Instant start, Map<String, RequestStats> requests) {

  public GatlingRun {
    requests = Map.copyOf(requests);
  }

  public Optional<RequestStats> request(String name) {
    return Optional.ofNullable(requests.get(name));
  }

  /** The simulation's simple class name, e.g. {@code MessageThroughputSimulation}. */
  public String simulationName() {
    int dot = simulationClass.lastIndexOf('.');
    return dot < 0 ? simulationClass : simulationClass.substring(dot + 1);
  }

  /** The run's HTML report, which Gatling writes beside its simulation.log. */
  public Path htmlReport() {
    return folder.resolve("index.html");
  }
}
