package org.port8000.perf.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetInstancesTest {
  private static final String URL = "http://127.0.0.1:8000";

  private static Settings load(String... keyValues) {
    Properties p = new Properties();
    p.setProperty(Settings.PROFILE, Settings.SMOKE);
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      p.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return Settings.load(p);
  }

  private static void assertMentions(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), () -> "expected '" + part + "' in: " + message);
    }
  }

  @Test
  void unsetMeansATargetOfOneProcess() {
    assertEquals(List.of(), load().targetInstances());
  }

  @Test
  void readsPidsAndMetricsUrlsInTheOrderGiven() {
    List<TargetInstance> i =
        load(
                "target.url",
                URL,
                "target.instances",
                " pid:1234 , http://127.0.0.1:8001/metrics,pid:99")
            .targetInstances();
    assertEquals(3, i.size());
    assertEquals("pid:1234", i.get(0).name());
    assertEquals(1234, i.get(0).pid().getAsLong());
    assertEquals("http://127.0.0.1:8001/metrics", i.get(1).name());
    assertEquals(URI.create("http://127.0.0.1:8001/metrics"), i.get(1).metricsUrl().get());
    assertTrue(i.get(1).pid().isEmpty());
    assertEquals(99, i.get(2).pid().getAsLong());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1234",
        "pid:",
        "pid:abc",
        "pid:-5",
        "pid:0",
        "pid:1,,pid:2",
        "pid:1,",
        "http://127.0.0.1:8001",
        "http://127.0.0.1:8001/",
        "ftp://127.0.0.1/metrics",
        "127.0.0.1:8001/metrics",
        "pid:7,pid:7"
      })
  void aBadValueIsRefusedNamingTheSettingTheValueAndTheFix(String value) {
    SettingsException e =
        assertThrows(
            SettingsException.class, () -> load("target.url", URL, "target.instances", value));
    assertMentions(
        e.getMessage(),
        "'target.instances'",
        "'" + value + "'",
        "pid:<process id>",
        "Fix: -Dtarget.instances=");
  }

  @Test
  void aDuplicateIsNamed() {
    SettingsException e =
        assertThrows(
            SettingsException.class,
            () -> load("target.url", URL, "target.instances", "pid:7,pid:8,pid:7"));
    assertMentions(e.getMessage(), "'pid:7' is given twice");
  }

  @Test
  void instancesNeedAGivenTargetUrl() {
    SettingsException e =
        assertThrows(SettingsException.class, () -> load("target.instances", "pid:1,pid:2"));
    assertMentions(
        e.getMessage(), "'target.instances' is 'pid:1,pid:2'", "'target.url'", "-Dtarget.url");
  }

  @Test
  void instancesReplaceTargetPid() {
    SettingsException e =
        assertThrows(
            SettingsException.class,
            () -> load("target.url", URL, "target.pid", "5", "target.instances", "pid:1,pid:2"));
    assertMentions(e.getMessage(), "'target.pid' is '5'", "leave -Dtarget.pid unset");
  }
}
