package org.port8000.perf.results;

/**
 * What the RFC 6455 ping/pong probe counted beside the heartbeat soak ({@code
 * probe-pingpong.json}): liveness of a target without an app-level heartbeat ack.
 *
 * @param expectedPings clients × pings per client: what the schedule called for
 * @param pongsInTime pongs that matched their ping and came before the next ping was due
 * @param pongsLate pongs that came after their timeout (counted as lost)
 * @param connectionsDropped connections closed or failed by the target during the soak
 * @param firstFailure the first connect or send failure, empty when none
 */
public record PingPongFacts(
    int clients,
    int clientsConnected,
    long intervalMs,
    int pingsPerClient,
    long expectedPings,
    long pingsSent,
    long pongsInTime,
    long pongsLate,
    long pongTimeoutMs,
    int connectionsDropped,
    int clientsWithLostPongs,
    String firstFailure) {

  public static final String PROBE = "pingpong";
}
