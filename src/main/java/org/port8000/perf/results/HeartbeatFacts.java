package org.port8000.perf.results;

/**
 * What the heartbeat simulation planned and counted ({@code probe-heartbeat.json}), so the report
 * computes expected heartbeats from the parameters the run really used.
 *
 * @param ackTimeoutMs how long a heartbeat waits for its ack before it counts as lost
 * @param clientsConnected clients whose first connect succeeded
 * @param connectionsOpened successful connects including reconnects
 * @param clientsWithLostHeartbeats clients that lost at least one heartbeat
 * @param footprintOpened idle connections that were open when the footprint reading was taken (0
 *     when the footprint step did not run)
 * @param footprintMeasured true when the footprint reading with all connections open was taken
 * @param ackSupported true when the soak awaited acks (the target acks heartbeats, or it could not
 *     be found out); false: stability is measured by the ping/pong probe ({@link PingPongFacts})
 * @param heartbeatsSent app-level heartbeat frames the soak's clients sent
 * @param helloFailed clients whose first chat message got no reply: lost, their heartbeats were not
 *     sent and count as lost
 * @param soakClients clients that heartbeated to the end of the soak with their last heartbeat
 *     answered (acked, or sent when the target has no ack)
 * @param soakOverlapMs how long all {@code soakClients} heartbeated together: the earliest end
 *     (last heartbeat + one interval) minus the latest first heartbeat; -1 when no client got to
 *     the end
 * @param soakPlannedMs the soak each client was to run: heartbeats per client × interval
 * @param ackCapability the heartbeat ack as the capability check found it: "yes", "no" or "unknown"
 *     (then the soak awaited acks and the ping/pong probe ran beside it)
 * @param soakLatestFirstMs the latest first heartbeat of the {@code soakClients} and {@code
 *     soakEarliestEndMs} their earliest end, on the injector's clock (epoch ms); they bound {@code
 *     soakOverlapMs} and let a merge find the window of all injectors' clients. 0 when no client
 *     got to the end, or in files written before they were recorded
 * @param injectors how many injectors' facts these are (0 or 1: one). With several, the counts are
 *     summed over them and the footprint step and the target's checkpoints are injector 0's
 */
public record HeartbeatFacts(
    int clients,
    long intervalMs,
    long durationSeconds,
    int heartbeatsPerClient,
    long expectedHeartbeats,
    long ackTimeoutMs,
    int clientsConnected,
    int connectionsOpened,
    int clientsWithLostHeartbeats,
    int footprintConnections,
    int footprintOpened,
    boolean footprintMeasured,
    boolean ackSupported,
    long heartbeatsSent,
    int helloFailed,
    int soakClients,
    long soakOverlapMs,
    long soakPlannedMs,
    String ackCapability,
    long soakLatestFirstMs,
    long soakEarliestEndMs,
    int injectors) {

  public static final String YES = "yes";
  public static final String NO = "no";
  public static final String UNKNOWN = "unknown";

  /** True when the ack capability was unknown before the load: acks and ping/pong both ran. */
  public boolean ackUnknown() {
    return UNKNOWN.equals(ackCapability);
  }

  public static final String PROBE = "heartbeat";
  public static final String INITIAL = "initial";
  public static final String SOAK_END = "end of soak";

  /** Prefix of the footprint step's quiet readings before its connections open. */
  public static final String FOOTPRINT_BEFORE = "footprint: before";

  /** Prefix of the footprint step's readings with its connections open. */
  public static final String FOOTPRINT_OPEN = "footprint: open";

  /** Taken on the quiet target after the footprint step closed, just before the soak. */
  public static final String SOAK_START = "soak: start";

  /** The {@code i}-th quiet reading (from 1) before the footprint connections open. */
  public static String footprintBeforeLabel(int i) {
    return FOOTPRINT_BEFORE + " " + i;
  }

  /** The {@code i}-th reading (from 1) with {@code connections} idle connections open. */
  public static String footprintOpenLabel(int connections, int i) {
    return FOOTPRINT_OPEN + " " + i + ", " + connections + " connections";
  }

  /** Checkpoint label with all soak clients connected. */
  public static String clientsConnectedLabel(int clients) {
    return clients + " clients connected";
  }

  /** True when these facts sum several injectors' (a merged run). */
  public boolean merged() {
    return injectors > 1;
  }

  /** Successful reconnects after a dropped connection. */
  public int reconnects() {
    return Math.max(0, connectionsOpened - clientsConnected);
  }
}
