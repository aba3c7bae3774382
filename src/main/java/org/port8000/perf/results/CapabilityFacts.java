package org.port8000.perf.results;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What the target can do, found before any load ({@code probe-target.json}, written once per run
 * folder): simulations use it instead of assumptions, the report shows it in its "Target" table.
 * Each capability is yes ({@code true}), no ({@code false}, with evidence of absence) or unknown
 * ({@code null}: it could not be found out); the matching detail gives the evidence or why not.
 *
 * @param streams the target sends {@code stream} frames before the final {@code response}
 * @param heartbeatAck the target answers {@code {"type":"heartbeat"}} with {@code heartbeat_ack}
 * @param echoesId reply frames carry the message's {@code id}
 * @param chatPage {@code /} serves a page naming the configured chat selectors
 * @param metrics {@code /metrics} gives {@code process_resident_memory_bytes}
 * @param pidAlive {@code -Dtarget.pid} is a running process ({@code null}: no pid given)
 */
public record CapabilityFacts(
    String targetUrl,
    Instant checkedAt,
    Boolean streams,
    String streamsDetail,
    Boolean heartbeatAck,
    String heartbeatAckDetail,
    Boolean echoesId,
    String echoesIdDetail,
    Boolean chatPage,
    String chatPageDetail,
    Boolean metrics,
    String metricsDetail,
    Boolean pidAlive,
    String pidDetail) {

  public static final String PROBE = "target";

  /** The capabilities recorded in a run folder, when that run checked them. */
  public static Optional<CapabilityFacts> read(Path runFolder) {
    return ProbeFiles.read(runFolder, PROBE, CapabilityFacts.class);
  }

  /** True only when the check found the capability; false when absent or not found out. */
  public static boolean has(Boolean flag) {
    return Boolean.TRUE.equals(flag);
  }

  /** True only when the check found evidence that the capability is absent (not unknown). */
  public static boolean lacks(Boolean flag) {
    return Boolean.FALSE.equals(flag);
  }

  /** "yes", "no" or "unknown", as the report states a capability. */
  public static String state(Boolean flag) {
    return flag == null ? "unknown" : flag ? "yes" : "no";
  }
}
