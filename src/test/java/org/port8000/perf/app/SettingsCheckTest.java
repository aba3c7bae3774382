package org.port8000.perf.app;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.SystemProperties;
import org.port8000.perf.config.Settings;
import org.port8000.perf.config.SettingsException;
import org.port8000.perf.reference.ReferenceConfig;
import org.port8000.perf.reference.ReferenceServer;
import org.port8000.perf.target.TargetException;

/** SettingsCheck reads the real system properties; each test restores the ones it set. */
class SettingsCheckTest {

  private final SystemProperties properties = new SystemProperties();

  private void set(String key, String value) {
    properties.set(key, value);
  }

  @AfterEach
  void restoreSystemProperties() {
    properties.restore();
  }

  @Test
  void failsWithTheSettingsExceptionForABadValue() {
    set("target.allowRemote", "maybe");
    SettingsException e =
        assertThrows(SettingsException.class, () -> SettingsCheck.main(new String[0]));
    assertTrue(e.getMessage().contains("'target.allowRemote'"), e.getMessage());
    assertTrue(e.getMessage().contains("'maybe'"), e.getMessage());
  }

  @Test
  void failsWithTheSettingsExceptionForAnUnknownProfile() {
    set(Settings.PROFILE, "huge");
    SettingsException e =
        assertThrows(SettingsException.class, () -> SettingsCheck.main(new String[0]));
    assertTrue(e.getMessage().contains("'huge'"), e.getMessage());
  }

  @Test
  void refusesARemoteTargetBeforeAnyLoadAndWritesNoReports(@TempDir Path root) {
    set("target.url", "http://203.0.113.5:8000");
    set("report.root", root.toString());
    set("perf.outputFolder", root.resolve("perf").toString());
    TargetException e =
        assertThrows(TargetException.class, () -> SettingsCheck.main(new String[0]));
    assertTrue(e.getMessage().contains("-Dtarget.allowRemote=true"), e.getMessage());
    assertFalse(Files.exists(root.resolve(".deia")), "a refused target is not a target down");
  }

  @Test
  void anUnwritableReportRootFailsBeforeAnyLoadNamingTheSetting(@TempDir Path root)
      throws Exception {
    Path notAFolder = Files.writeString(root.resolve("a-file"), "x");
    set("report.root", notAFolder.resolve("reports").toString());
    SettingsException e =
        assertThrows(SettingsException.class, () -> SettingsCheck.main(new String[0]));
    assertTrue(e.getMessage().startsWith("Setting 'report.root' is '"), e.getMessage());
    assertTrue(e.getMessage().contains("Fix: -Dreport.root="), e.getMessage());
  }

  @Test
  void aDeadTargetPidFailsBeforeAnyLoadNamingTheSetting() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    set("target.pid", String.valueOf(gone.pid()));
    SettingsException e =
        assertThrows(SettingsException.class, () -> SettingsCheck.main(new String[0]));
    assertTrue(
        e.getMessage()
            .startsWith("Setting 'target.pid' is '" + gone.pid() + "': no" + " running process"),
        e.getMessage());
    assertTrue(e.getMessage().contains("Fix: -Dtarget.pid="), e.getMessage());
  }

  @Test
  void passesValidSettingsWithALoopbackTargetThatAnswers() {
    try (ReferenceServer server =
        ReferenceServer.start(ReferenceConfig.fromSystemProperties().withPort(0))) {
      set(Settings.PROFILE, "smoke");
      set("target.url", "http://127.0.0.1:" + server.port());
      assertDoesNotThrow(() -> SettingsCheck.main(new String[0]));
    }
  }

  @Test
  void aTargetThatIsDownGetsReportsSayingSoWithinTheStartTimeout(@TempDir Path root)
      throws Exception {
    set(Settings.PROFILE, "smoke");
    set("target.url", "http://127.0.0.1:1");
    set("target.startTimeoutSeconds", "2");
    set("report.root", root.toString());
    set("perf.outputFolder", root.resolve("perf").toString());
    long t0 = System.nanoTime();

    TargetException e =
        assertThrows(TargetException.class, () -> SettingsCheck.main(new String[0]));

    assertTrue((System.nanoTime() - t0) / 1e9 < 15, "bounded by the start timeout");
    assertTrue(e.getMessage().contains("http://127.0.0.1:1"), e.getMessage());
    String report =
        Files.readString(root.resolve(".deia/reports/PORT-8000-PERFORMANCE-OPTIMIZATION.md"));
    assertTrue(report.contains("not measured: the target did not answer"), report);
    assertTrue(report.contains("http://127.0.0.1:1/api/health"), report);
    assertFalse(report.contains("✅ PASS"), report);
    String status =
        Files.readString(
            root.resolve(
                ".deia/hive/responses/deiasolutions/BOT-003-PERFORMANCE-OPTIMIZATION-WINDOW-2-COMPLETE.md"));
    assertTrue(status.contains("## Ready for Window 3?\n**NO**"), status);
  }
}
