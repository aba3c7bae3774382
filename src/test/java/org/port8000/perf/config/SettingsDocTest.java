package org.port8000.perf.config;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SettingsDocTest {

  @Test
  void docsSettingsTableIsTheRegistrysTable() throws Exception {
    String doc = Files.readString(Path.of("docs", "settings.md"), StandardCharsets.UTF_8);
    assertEquals(
        SettingsDoc.replaceTable(doc),
        doc,
        "docs/settings.md differs from the settings registry: run mvn exec:java@settings-doc");
  }

  @Test
  void everySettingWithoutADefaultIsSetByEveryProfile() {
    for (String profile : Settings.PROFILES) {
      var values = Settings.readProfile(profile);
      for (Setting<?> s : SettingsRegistry.ALL) {
        if (s.defaultValue() == null) {
          assertTrue(values.containsKey(s.name()), profile + " profile lacks " + s.name());
        }
      }
    }
  }

  @Test
  void tableHasOneRowPerSettingInRegistryOrder() {
    String[] rows = SettingsDoc.table().split("\n");
    assertEquals(SettingsRegistry.ALL.size() + 2, rows.length);
    for (int i = 0; i < SettingsRegistry.ALL.size(); i++) {
      assertTrue(
          rows[i + 2].startsWith("| `" + SettingsRegistry.ALL.get(i).name() + "` |"), rows[i + 2]);
    }
  }

  @Test
  void twoSettingsRefusedTogetherAreNamedWithTheirValuesAndFixes() {
    var props = new java.util.Properties();
    props.setProperty("perf.profile", "smoke");
    props.setProperty("burst.messages", "5");
    props.setProperty("burst.intervalMs", "100");
    SettingsException e = assertThrows(SettingsException.class, () -> Settings.load(props));
    assertEquals(
        "Settings 'burst.messages' is '5' and 'burst.intervalMs' is '100': together they"
            + " make a burst shorter than 1 s, which Gatling cannot inject; raise one of them. Fix:"
            + " -Dburst.messages=<value> or -Dburst.intervalMs=<value>, or change them in"
            + " resources/profiles/.",
        e.getMessage());
  }
}
