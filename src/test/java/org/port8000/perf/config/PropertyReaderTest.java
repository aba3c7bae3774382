package org.port8000.perf.config;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PropertyReaderTest {

  private static PropertyReader reader(String... keyValues) {
    Map<String, String> m = new java.util.HashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return new PropertyReader(m);
  }

  @Test
  void unsetOrBlankSettingsTakeTheirDefault() {
    PropertyReader r = reader("a.blank", "  ");
    assertEquals(7, r.intValue("a.blank", 7, 0, 10));
    assertEquals(7L, r.longValue("a.missing", 7, 0, 10));
    assertEquals(0.5, r.doubleValue("a.missing", 0.5, 0, 1));
    assertTrue(r.booleanValue("a.missing", true));
    assertEquals("x", r.choice("a.missing", "x", "x", "y"));
    assertNull(r.pathValue("a.missing"));
  }

  @Test
  void givenValuesAreParsedAndTrimmed() {
    PropertyReader r = reader("n", " 9 ", "b", "false", "c", "y");
    assertEquals(9, r.intValue("n", 1, 0, 10));
    assertFalse(r.booleanValue("b", true));
    assertEquals("y", r.choice("c", "x", "x", "y"));
  }

  @Test
  void everyRefusalHasOneFormNamingSettingValueAcceptedAndFix() {
    assertRefused(
        () -> reader("n", "11").intValue("n", 1, 0, 10), "n", "11", "a whole number from 0 to 10");
    assertRefused(() -> reader("b", "yes").booleanValue("b", true), "b", "yes", "true or false");
    assertRefused(() -> reader("c", "z").choice("c", "x", "x", "y"), "c", "z", "one of x, y");
    assertRefused(
        () -> reader("d", "NaN").doubleValue("d", 0, 0, 1), "d", "NaN", "a number from 0.0 to 1.0");
    assertRefused(() -> reader().text("t"), "t", "", "a non-empty value");
  }

  private static void assertRefused(Runnable read, String name, String value, String accepted) {
    SettingsException e = assertThrows(SettingsException.class, read::run);
    assertEquals(
        "Setting '"
            + name
            + "' is '"
            + value
            + "': expected "
            + accepted
            + ". Fix: -D"
            + name
            + "=<value>.",
        e.getMessage());
  }
}
