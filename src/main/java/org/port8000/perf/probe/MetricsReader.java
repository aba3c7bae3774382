package org.port8000.perf.probe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import org.port8000.perf.target.HealthCheck;

/**
 * Reads a target's {@code /metrics} (Prometheus text): {@code process_resident_memory_bytes} and
 * {@code process_cpu_seconds_total}. For targets whose PID this machine cannot see.
 */
final class MetricsReader implements ProcessReader {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private final URI metrics;
  // HTTP/1.1 with a 2 s connect timeout: uvicorn refuses the JDK's h2c upgrade offer
  private final HttpClient client = HealthCheck.client();
  private String lastFailure = "";

  private MetricsReader(URI metricsUrl) {
    this.metrics = metricsUrl;
  }

  /** Reads the target's {@code <base URL>/metrics}. */
  static MetricsReader of(URI baseUrl) {
    return new MetricsReader(URI.create(baseUrl + "/metrics"));
  }

  /**
   * Reads the metrics at exactly this URL (an instance's, as {@code target.instances} names it).
   */
  static MetricsReader at(URI metricsUrl) {
    return new MetricsReader(metricsUrl);
  }

  @Override
  public String source() {
    return "metrics";
  }

  @Override
  public Optional<ProcessReading> read() {
    String body;
    try {
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(metrics).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        lastFailure = metrics + " answered HTTP " + r.statusCode();
        return Optional.empty();
      }
      body = r.body();
    } catch (IOException e) {
      lastFailure = metrics + " did not answer (" + e.getClass().getSimpleName() + ")";
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      lastFailure = "interrupted";
      return Optional.empty();
    }
    OptionalDouble rss = value(body, "process_resident_memory_bytes");
    if (rss.isEmpty()) {
      lastFailure = metrics + " has no process_resident_memory_bytes";
      return Optional.empty();
    }
    OptionalDouble cpu = value(body, "process_cpu_seconds_total");
    return Optional.of(
        new ProcessReading(
            (long) rss.getAsDouble(), cpu.isPresent() ? Math.round(cpu.getAsDouble() * 1000) : -1));
  }

  @Override
  public String lastFailure() {
    return lastFailure;
  }

  /** The value of an unlabelled sample line {@code name value}; empty if absent. */
  static OptionalDouble value(String text, String name) {
    for (String line : text.split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "\t")) {
        try {
          return OptionalDouble.of(
              Double.parseDouble(line.substring(name.length()).trim().split("\\s+")[0]));
        } catch (NumberFormatException e) {
          return OptionalDouble.empty();
        }
      }
    }
    return OptionalDouble.empty();
  }
}
