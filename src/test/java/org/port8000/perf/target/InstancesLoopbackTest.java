package org.port8000.perf.target;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.port8000.perf.config.Settings;

/** The instances' /metrics URLs stay on loopback like the target; nothing here connects. */
class InstancesLoopbackTest {
  private static Settings load(String instances, boolean allowRemote) {
    Properties p = new Properties();
    p.setProperty(Settings.PROFILE, Settings.SMOKE);
    p.setProperty("target.url", "http://127.0.0.1:8000");
    p.setProperty("target.instances", instances);
    p.setProperty("target.allowRemote", String.valueOf(allowRemote));
    return Settings.load(p);
  }

  @Test
  void aNonLoopbackMetricsUrlIsRefusedNamingTheSettingTheValueAndTheFix() {
    String value = "pid:1,http://10.1.2.3:8001/metrics";
    TargetException e =
        assertThrows(TargetException.class, () -> TargetLauncher.checkAllowed(load(value, false)));
    String m = e.getMessage();
    assertTrue(m.contains("Setting 'target.instances' is '" + value + "'"), m);
    assertTrue(m.contains("http://10.1.2.3:8001/metrics's host resolves to 10.1.2.3"), m);
    assertTrue(m.contains("Fix: point it at 127.0.0.1"), m);
  }

  @Test
  void loopbackUrlsAndPidsPassAndRemoteNeedsTheOptIn() {
    assertDoesNotThrow(
        () ->
            TargetLauncher.checkAllowed(
                load("pid:1,http://127.0.0.1:8001/metrics,http://[::1]:8002/metrics", false)));
    assertDoesNotThrow(
        () -> TargetLauncher.checkAllowed(load("http://10.1.2.3:8001/metrics", true)));
  }
}
