package org.port8000.perf.results;

/**
 * What the heartbeat simulation planned and counted ({@code probe-heartbeat.json}), so the report
 * computes expected heartbeats from the parameters the run really used.
 *
 * @param ackTimeoutMs how long a heartbeat waits for its ack before it counts as lost
 * @param clientsConnected clients whose first connect succeeded
 * @param connectionsOpened successful connects including reconnects
 * @param clientsWithLostHeartbeats clients that lost at least one heartbeat
 * @param footprintOpened idle connections that were open when the footprint reading was taken
 *     (0 when the footprint step did not run)
 * @param footprintMeasured true when the footprint reading with all connections open was taken
 * @param ackSupported true when the target acks app-level heartbeats (found before the load);
 *     false: stability is measured by the ping/pong probe ({@link PingPongResult})
 * @param heartbeatsSent app-level heartbeat frames the soak's clients sent
 * @param helloFailed clients whose first chat message got no reply: lost, their heartbeats
 *     were not sent and count as lost
 */
public record HeartbeatFacts(int clients, long intervalMs, long durationSeconds,
    int heartbeatsPerClient, long expectedHeartbeats, long ackTimeoutMs, int clientsConnected,
    int connectionsOpened, int clientsWithLostHeartbeats, int footprintConnections,
    int footprintOpened, boolean footprintMeasured, boolean ackSupported, long heartbeatsSent,
    int helloFailed) {

  public static final String PROBE = "heartbeat";
  public static final String INITIAL = "initial";
  public static final String SOAK_END = "end of soak";
  public static final String FOOTPRINT_BEFORE = "footprint: before";

  /** Checkpoint label with all soak clients connected. */
  public static String clientsConnectedLabel(int clients) {
    return clients + " clients connected";
  }

  /** Checkpoint label with the footprint step's idle connections open. */
  public static String footprintOpenLabel(int connections) {
    return "footprint: " + connections + " connections open";
  }

  /** Successful reconnects after a dropped connection. */
  public int reconnects() {
    return Math.max(0, connectionsOpened - clientsConnected);
  }
}
