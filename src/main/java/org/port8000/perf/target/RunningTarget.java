package org.port8000.perf.target;

import java.net.URI;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A target ready for load: its base URL, its PID when it runs on this machine, and whether this run
 * started it (fresh) or found it running.
 */
public interface RunningTarget extends AutoCloseable {
  /** Base URL without a trailing slash, e.g. {@code http://127.0.0.1:8000}. */
  URI baseUrl();

  /** The base URL with the WebSocket scheme, e.g. {@code ws://127.0.0.1:8000}. */
  default String wsBaseUrl() {
    return baseUrl().toString().replaceFirst("^http", "ws");
  }

  /** The WebSocket chat URL, e.g. {@code ws://127.0.0.1:8000/ws}. */
  default URI wsUrl() {
    return URI.create(wsBaseUrl() + "/ws");
  }

  /** Process id of the target when known (local targets). */
  OptionalLong pid();

  /**
   * The maximum heap (-Xmx, MB) this run gave the target: set for the reference server it launched,
   * empty for a target it found running.
   */
  default OptionalInt maxHeapMb() {
    return OptionalInt.empty();
  }

  /** True when this run launched the embedded reference server (a freshly started target). */
  boolean startedByThisRun();

  /** True while the target process is alive (always true for targets we did not start). */
  boolean isAlive();

  /** Stops the target if this run started it; idempotent. */
  @Override
  void close();
}
