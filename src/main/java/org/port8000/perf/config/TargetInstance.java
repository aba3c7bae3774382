package org.port8000.perf.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One instance of a target that runs as several ({@code -Dtarget.instances}): a local process
 * ({@code pid:1234}, read with its descendants) or a {@code /metrics} URL ({@code
 * http://127.0.0.1:8001/metrics}, one process). {@code name} is the entry as given, so the report
 * names each instance as the user did.
 */
public record TargetInstance(String name, OptionalLong pid, Optional<URI> metricsUrl) {
  static final String PID_PREFIX = "pid:";

  static final String ACCEPTED =
      "a comma-separated list of instances, each pid:<process id> (a local process) or the full"
          + " http:// URL of its /metrics, e.g. pid:1234,http://127.0.0.1:8001/metrics;"
          + " every instance once";

  public boolean isPid() {
    return pid.isPresent();
  }

  /** The instances of {@code -Dtarget.instances}; empty when unset. */
  static List<TargetInstance> list(PropertyReader r, String name) {
    Optional<String> value = r.optionalText(name);
    if (value.isEmpty()) {
      return List.of();
    }
    List<TargetInstance> out = new ArrayList<>();
    for (String part : value.get().split(",", -1)) {
      String entry = part.trim();
      TargetInstance i = parse(entry);
      if (i == null) {
        throw r.invalid(
            name, ACCEPTED + " (entry '" + entry + "' is neither pid:<id> nor a /metrics URL)");
      }
      if (out.stream().anyMatch(o -> o.name().equals(i.name()))) {
        throw r.invalid(name, ACCEPTED + " (entry '" + entry + "' is given twice)");
      }
      out.add(i);
    }
    return List.copyOf(out);
  }

  /** The instance an entry names, or null when it names none. */
  private static TargetInstance parse(String entry) {
    if (entry.startsWith(PID_PREFIX)) {
      try {
        long pid = Long.parseLong(entry.substring(PID_PREFIX.length()));
        return pid > 0 ? new TargetInstance(entry, OptionalLong.of(pid), Optional.empty()) : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    try {
      URI uri = new URI(entry);
      boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      // the URL of the metrics themselves: a base URL would be read at the wrong path
      boolean hasPath = uri.getPath() != null && uri.getPath().length() > 1;
      return http && uri.getHost() != null && hasPath && uri.getQuery() == null
          ? new TargetInstance(entry, OptionalLong.empty(), Optional.of(uri))
          : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
