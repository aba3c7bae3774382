package org.port8000.perf.reference;

import java.nio.file.Path;
import java.util.Map;
import org.port8000.perf.config.PropertyReader;

/**
 * Settings of the reference server. One place reads the {@code reference.*} properties and fails
 * fast, naming the property, the value and what is accepted, so a typo never silently runs a
 * measurement with a default.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param llmTokens stream pieces per chat reply; 0 = no stream frames, the response alone carries
 *     the reply
 * @param llmTokenDelayMs delay before each stream piece
 * @param botLaunchLatencyMs time a bot launch takes
 * @param botTaskLatencyMs time a bot task takes
 * @param maxBots bots that may exist at once
 * @param historyMaxRows newest history rows kept; older ones are deleted
 * @param dbDir history database folder, or null for a temp folder deleted on stop
 * @param idleTimeoutMs an HTTP connection that sends nothing this long is closed, also in the
 *     middle of a request (slow headers, slow body)
 * @param historyMaxConcurrent history pages written at once; more wait up to {@link
 *     #HISTORY_WAIT_MS}, then get 429
 * @param faults fault switches (all off by default)
 * @param compat where to behave like the original server (reference behaviour by default)
 * @param shape shapes of other servers (bots as child processes, ...), all off by default
 */
public record ReferenceConfig(
    int port,
    int llmTokens,
    long llmTokenDelayMs,
    long botLaunchLatencyMs,
    long botTaskLatencyMs,
    int maxBots,
    int historyMaxRows,
    Path dbDir,
    long idleTimeoutMs,
    int historyMaxConcurrent,
    FaultSwitches faults,
    CompatSwitches compat,
    ShapeSwitches shape) {

  /** Only loopback: the reference server is never meant to be reachable from elsewhere. */
  public static final String HOST = "127.0.0.1";

  /** Largest accepted HTTP request body. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  /** Largest accepted WebSocket text message; larger ones close the socket with 1009. */
  public static final int MAX_FRAME_BYTES = 64 * 1024;

  /** Largest accepted chat message or task command, in characters. */
  public static final int MAX_CONTENT_CHARS = 32 * 1024;

  /** Largest page of history one request may load. */
  public static final int MAX_HISTORY_LIMIT = 1000;

  /** How long a history request waits for one of the {@code historyMaxConcurrent} slots. */
  public static final long HISTORY_WAIT_MS = 30_000;

  public ReferenceConfig {
    if (faults == null) {
      faults = FaultSwitches.OFF;
    }
    if (compat == null) {
      compat = CompatSwitches.NONE;
    }
    if (shape == null) {
      shape = ShapeSwitches.NONE;
    }
  }

  /** Defaults with a free port: what tests and the benchmark start from. */
  public static ReferenceConfig defaultsOnFreePort() {
    return fromProperties(Map.of("reference.port", "0"));
  }

  public static ReferenceConfig fromSystemProperties() {
    return fromProperties(System.getProperties());
  }

  /** Reads from any map of properties (system properties, or a test's own map). */
  public static ReferenceConfig fromProperties(Map<?, ?> props) {
    PropertyReader r = new PropertyReader(props);
    CompatSwitches compat = CompatSwitches.read(r);
    long launchDefault = compat.original() ? CompatSwitches.ORIGINAL_LAUNCH_LATENCY_MS : 50;
    return new ReferenceConfig(
        r.intValue("reference.port", 8000, 0, 65535),
        r.intValue("reference.llm.tokens", 8, 0, 10_000),
        r.longValue("reference.llm.tokenDelayMs", 1, 0, 60_000),
        r.longValue("reference.bot.launchLatencyMs", launchDefault, 0, 60_000),
        r.longValue("reference.bot.taskLatencyMs", 20, 0, 60_000),
        r.intValue("reference.bot.max", 200, 1, 100_000),
        r.intValue("reference.history.maxRows", 10_000, 100, 10_000_000),
        r.pathValue("reference.dbDir"),
        r.longValue("reference.idleTimeoutMs", 10_000, 500, 600_000),
        r.intValue("reference.history.maxConcurrent", 8, 1, 256),
        FaultSwitches.read(r),
        compat,
        ShapeSwitches.read(r));
  }

  public ReferenceConfig withPort(int newPort) {
    return new ReferenceConfig(
        newPort,
        llmTokens,
        llmTokenDelayMs,
        botLaunchLatencyMs,
        botTaskLatencyMs,
        maxBots,
        historyMaxRows,
        dbDir,
        idleTimeoutMs,
        historyMaxConcurrent,
        faults,
        compat,
        shape);
  }
}
