package org.port8000.perf.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.port8000.perf.reference.ReferenceConfig;
import org.port8000.perf.reference.ReferenceServer;
import org.port8000.perf.results.CapabilityFacts;

class CapabilityProbeTest {
  static {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "reference/logback-reference.xml");
    }
  }

  private static final Map<String, String> PAGE =
      Map.of("ui.selector.messages", "#chatMessages", "ui.selector.input", "#chatInput");

  private static CapabilityFacts check(
      Map<String, String> page, OptionalLong pid, String... keyValues) {
    return check(Duration.ofSeconds(5), page, pid, keyValues);
  }

  private static CapabilityFacts check(
      Duration replyTimeout, Map<String, String> page, OptionalLong pid, String... keyValues) {
    Map<String, String> props = new HashMap<>();
    props.put("reference.port", "0");
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      props.put(keyValues[i], keyValues[i + 1]);
    }
    try (ReferenceServer server = ReferenceServer.start(ReferenceConfig.fromProperties(props))) {
      URI base = URI.create(server.baseUrl());
      return new CapabilityProbe(
              base,
              URI.create(base.toString().replaceFirst("^http", "ws") + "/ws"),
              replyTimeout,
              page,
              pid)
          .check();
    }
  }

  @Test
  void theReferenceServerStreamsAcksHeartbeatsEchoesIdsAndServesPageAndMetrics() {
    CapabilityFacts c = check(PAGE, OptionalLong.of(ProcessHandle.current().pid()));
    assertEquals(true, c.streams(), c.streamsDetail());
    assertEquals(true, c.heartbeatAck(), c.heartbeatAckDetail());
    assertEquals(true, c.echoesId(), c.echoesIdDetail());
    assertEquals(true, c.chatPage(), c.chatPageDetail());
    assertEquals(true, c.metrics(), c.metricsDetail());
    assertEquals(true, c.pidAlive(), c.pidDetail());
  }

  @Test
  void theOriginalServerHasNoHeartbeatAckNoIdEchoAndWithoutTokensNoStreamFrames() {
    CapabilityFacts c =
        check(
            PAGE,
            OptionalLong.empty(),
            "reference.compat",
            "original",
            "reference.llm.tokens",
            "0",
            "reference.http.metrics",
            "false");
    assertEquals(false, c.streams(), c.streamsDetail());
    assertTrue(c.streamsDetail().contains("no stream frames"), c.streamsDetail());
    assertEquals(false, c.heartbeatAck(), c.heartbeatAckDetail());
    assertTrue(c.heartbeatAckDetail().contains("ping/pong"), c.heartbeatAckDetail());
    // the original ignores the frame: "no" rests on a later chat message that was answered
    assertTrue(
        c.heartbeatAckDetail()
            .contains("a chat message sent after the heartbeat was" + " answered"),
        c.heartbeatAckDetail());
    assertEquals(false, c.echoesId(), c.echoesIdDetail());
    assertEquals(true, c.chatPage(), c.chatPageDetail());
    assertEquals(false, c.metrics(), c.metricsDetail());
    assertNull(c.pidAlive(), c.pidDetail());
  }

  @Test
  void aMissingSelectorAndADeadPidAreNamedWithTheirSettings() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    CapabilityFacts c =
        check(Map.of("ui.selector.input", "#noSuchInput"), OptionalLong.of(gone.pid()));
    assertEquals(false, c.chatPage());
    assertTrue(
        c.chatPageDetail().contains("#noSuchInput (-Dui.selector.input)"), c.chatPageDetail());
    assertEquals(false, c.pidAlive());
    assertTrue(c.pidDetail().contains("-Dtarget.pid"), c.pidDetail());
  }

  @Test
  void heartbeatAckYesNoAndUnknownEachWithItsEvidence() {
    CapabilityFacts yes = check(PAGE, OptionalLong.empty());
    assertEquals("yes", CapabilityFacts.state(yes.heartbeatAck()));
    assertTrue(
        yes.heartbeatAckDetail().startsWith("`heartbeat` is answered with" + " `heartbeat_ack`"),
        yes.heartbeatAckDetail());

    CapabilityFacts no = check(PAGE, OptionalLong.empty(), "reference.ws.heartbeatAck", "false");
    assertEquals("no", CapabilityFacts.state(no.heartbeatAck()));
    assertTrue(
        no.heartbeatAckDetail()
            .startsWith(
                "the target answered `heartbeat` with an"
                    + " error frame (unknown type: heartbeat)"),
        no.heartbeatAckDetail());

    // silent after a heartbeat: neither an ack nor a reply to the chat message after it
    CapabilityFacts unknown =
        check(
            Duration.ofSeconds(1),
            PAGE,
            OptionalLong.empty(),
            "reference.ws.silentAfterHeartbeat",
            "true");
    assertNull(unknown.heartbeatAck(), unknown.heartbeatAckDetail());
    assertEquals("unknown", CapabilityFacts.state(unknown.heartbeatAck()));
    assertTrue(
        unknown
            .heartbeatAckDetail()
            .startsWith(
                "not found out: no `heartbeat_ack`"
                    + " within 2000 ms, and a chat message sent after the heartbeat got no reply within"
                    + " 1000 ms either"),
        unknown.heartbeatAckDetail());
    assertFalse(CapabilityFacts.lacks(unknown.heartbeatAck()), "unknown is not no");
  }
}
