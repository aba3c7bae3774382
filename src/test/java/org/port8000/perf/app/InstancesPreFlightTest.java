package org.port8000.perf.app;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.port8000.perf.config.Settings;
import org.port8000.perf.config.SettingsException;

class InstancesPreFlightTest {
  private static Settings load(String instances) {
    Properties p = new Properties();
    p.setProperty(Settings.PROFILE, Settings.SMOKE);
    p.setProperty("target.url", "http://127.0.0.1:8000");
    p.setProperty("target.instances", instances);
    return Settings.load(p);
  }

  @Test
  void aPidInstanceWithoutARunningProcessIsRefusedBeforeAnyLoad() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor(5, TimeUnit.SECONDS);
    long self = ProcessHandle.current().pid();
    String value = "pid:" + self + ",pid:" + gone.pid();
    Settings s = load(value);
    SettingsException e =
        assertThrows(
            SettingsException.class,
            () -> PreFlight.instancesAlive(s.raw("target.instances"), s.targetInstances()));
    String m = e.getMessage();
    assertTrue(m.contains("Setting 'target.instances' is '" + value + "'"), m);
    assertTrue(m.contains("no running process has the id of pid:" + gone.pid()), m);
    assertTrue(m.contains("Fix: -Dtarget.instances="), m);
    Settings alive = load("pid:" + self + ",http://127.0.0.1:1/metrics");
    assertDoesNotThrow(
        () -> PreFlight.instancesAlive(alive.raw("target.instances"), alive.targetInstances()));
  }
}
