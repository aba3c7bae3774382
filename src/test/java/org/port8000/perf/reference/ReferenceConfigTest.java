package org.port8000.perf.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceConfigTest {

  @Test
  void defaultsMatchTheDocumentedValues() {
    ReferenceConfig c = ReferenceConfig.fromProperties(Map.of());
    assertEquals(8000, c.port());
    assertEquals(8, c.llmTokens());
    assertEquals(1, c.llmTokenDelayMs());
    assertEquals(50, c.botLaunchLatencyMs());
    assertEquals(20, c.botTaskLatencyMs());
    assertEquals(200, c.maxBots());
    assertEquals(10_000, c.historyMaxRows());
    assertNull(c.dbDir());
    assertEquals(10_000, c.idleTimeoutMs());
    assertEquals(8, c.historyMaxConcurrent());
    assertEquals(FaultSwitches.OFF, c.faults());
  }

  @Test
  void propertiesOverrideTheDefaults() {
    ReferenceConfig c =
        ReferenceConfig.fromProperties(
            Map.of(
                "reference.port",
                "0",
                "reference.llm.tokens",
                "3",
                "reference.fault.replyLatencyMs",
                "120",
                "reference.fault.dropRate",
                "0.25",
                "reference.fault.crashAfterMessages",
                "9"));
    assertEquals(0, c.port());
    assertEquals(3, c.llmTokens());
    assertEquals(120, c.faults().replyLatencyMs());
    assertEquals(0.25, c.faults().dropRate());
    assertEquals(9, c.faults().crashAfterMessages());
    assertEquals(3, c.faults().describeActive().size());
  }

  @Test
  void invalidValuesAreRefusedNamingPropertyValueAndRange() {
    assertRefused("reference.port", "http", "from 0 to 65535");
    assertRefused("reference.port", "70000", "from 0 to 65535");
    assertRefused("reference.llm.tokens", "-1", "from 0 to");
    assertRefused("reference.llm.tokenDelayMs", "5ms", "whole number");
    assertRefused("reference.bot.launchLatencyMs", "1.5", "whole number");
    assertRefused("reference.fault.dropRate", "1.5", "from 0.0 to 1.0");
    assertRefused("reference.fault.dropRate", "NaN", "from 0.0 to 1.0");
    assertRefused("reference.fault.leakBytesPerMessage", "lots", "whole number");
    assertRefused("reference.fault.crashAfterMessages", "-3", "whole number");
    assertRefused("reference.fault.uiRenderDelayMs", "x", "whole number");
    assertRefused("reference.fault.replyLatencyMs", "-1", "whole number");
    assertRefused("reference.history.maxRows", "5", "from 100");
    assertRefused("reference.fault.leakBytesPerConnection", "lots", "whole number");
    assertRefused("reference.fault.errorFrameRate", "2", "from 0.0 to 1.0");
    assertRefused("reference.fault.errorReplyRate", "-0.1", "from 0.0 to 1.0");
    assertRefused("reference.ws.pingIntervalMs", "-1", "whole number");
    assertRefused("reference.http.rejectH2cUpgrade", "on", "true or false");
    assertRefused("reference.ui", "classic", "one of reference, original");
    assertRefused("reference.idleTimeoutMs", "100", "from 500 to 600000");
    assertRefused("reference.history.maxConcurrent", "0", "from 1 to 256");
  }

  private static void assertRefused(String property, String value, String accepted) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ReferenceConfig.fromProperties(Map.of(property, value)));
    String m = e.getMessage();
    assertTrue(m.contains("Setting '" + property + "' is '" + value + "'"), m);
    assertTrue(m.contains("Fix: -D" + property + "="), m);
    assertTrue(m.contains(accepted), m);
  }
}
