package org.port8000.perf.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.port8000.perf.target.TargetException;

/** SettingsCheck reads the real system properties; each test restores the ones it set. */
class SettingsCheckTest {

  private final Map<String, String> saved = new HashMap<>();

  private void set(String key, String value) {
    if (!saved.containsKey(key)) {
      saved.put(key, System.getProperty(key));
    }
    System.setProperty(key, value);
  }

  @AfterEach
  void restoreSystemProperties() {
    saved.forEach((k, v) -> {
      if (v == null) {
        System.clearProperty(k);
      } else {
        System.setProperty(k, v);
      }
    });
    saved.clear();
  }

  @Test
  void failsWithTheSettingsExceptionForABadValue() {
    set("target.allowRemote", "maybe");
    SettingsException e = assertThrows(SettingsException.class,
        () -> SettingsCheck.main(new String[0]));
    assertTrue(e.getMessage().contains("'target.allowRemote'"), e.getMessage());
    assertTrue(e.getMessage().contains("'maybe'"), e.getMessage());
  }

  @Test
  void failsWithTheSettingsExceptionForAnUnknownProfile() {
    set(Settings.PROFILE, "huge");
    SettingsException e = assertThrows(SettingsException.class,
        () -> SettingsCheck.main(new String[0]));
    assertTrue(e.getMessage().contains("'huge'"), e.getMessage());
  }

  @Test
  void refusesARemoteTargetBeforeAnyLoad() {
    set("target.url", "http://203.0.113.5:8000");
    TargetException e = assertThrows(TargetException.class,
        () -> SettingsCheck.main(new String[0]));
    assertTrue(e.getMessage().contains("-Dtarget.allowRemote=true"), e.getMessage());
  }

  @Test
  void passesValidSettingsWithALoopbackTargetWithoutContactingIt() {
    set(Settings.PROFILE, "smoke");
    set("target.url", "http://127.0.0.1:1");
    assertDoesNotThrow(() -> SettingsCheck.main(new String[0]));
  }
}
