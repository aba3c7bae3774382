package org.port8000.perf.simulations;

import static org.junit.jupiter.api.Assertions.*;
import static org.port8000.perf.AreaChecks.check;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.GatlingRunner;
import org.port8000.perf.analysis.AreaResult;
import org.port8000.perf.analysis.HeartbeatAnalyzer;
import org.port8000.perf.analysis.Status;
import org.port8000.perf.config.Settings;
import org.port8000.perf.report.ReportModelBuilder;
import org.port8000.perf.results.CapabilityFacts;
import org.port8000.perf.results.GatlingLogReader;

/**
 * A target that answers neither a heartbeat nor anything after it in the capability check's time
 * ({@code reference.ws.silentAfterHeartbeat}): its ack is unknown, not "no"; the soak awaits acks
 * and runs ping/pong, and the report shows both.
 */
class HeartbeatUnknownAckIT {
  @TempDir Path results;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void anUnknownAckIsCheckedAndPingPongRunsBesideItBothReported() throws Exception {
    GatlingRunner.Run run =
        GatlingRunner.run(
            HeartbeatSimulation.class,
            results,
            Map.of(
                Settings.PROFILE,
                Settings.SMOKE,
                "heartbeat.durationSeconds",
                "10",
                "footprint.connections",
                "0",
                "reply.timeoutMs",
                "2000",
                "reference.ws.silentAfterHeartbeat",
                "true"));
    CapabilityFacts caps = CapabilityFacts.read(run.folder()).orElseThrow();
    assertNull(caps.heartbeatAck(), caps.heartbeatAckDetail());
    assertTrue(
        ReportModelBuilder.targetTable(caps)
            .get(1)
            .value()
            .startsWith("unknown — not" + " found out: no `heartbeat_ack`"),
        ReportModelBuilder.targetTable(caps).toString());

    AreaResult r =
        new HeartbeatAnalyzer().analyze(Optional.of(GatlingLogReader.read(run.folder())));
    System.out.println(
        "[e2e] heartbeat, unknown ack: "
            + r.result()
            + " "
            + r.status()
            + "\n  "
            + r.details()
            + "\n  notes "
            + r.notes());
    assertTrue(
        r.notes().stream()
            .anyMatch(n -> n.startsWith("Whether the target acks" + " heartbeats was unknown")),
        r.notes().toString());
    assertTrue(
        r.details().stream()
            .anyMatch(
                d -> d.label().equals("Heartbeats acknowledged") && d.value().startsWith("0 of ")),
        r.details().toString());
    assertTrue(
        r.details().stream()
            .anyMatch(
                d ->
                    d.label().equals("Stability measured by")
                        && d.value().contains("the capability is unknown")),
        r.details().toString());
    // protocol pongs still come from a silenced connection: ping/pong stability is measured
    assertEquals(
        Status.PASS, check(r, "websocket.heartbeat.stability").status(), r.checks().toString());
  }
}
