package org.port8000.perf.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.port8000.perf.config.Settings;
import org.port8000.perf.config.SettingsException;
import org.port8000.perf.config.SettingsRegistry;
import org.port8000.perf.config.TargetInstance;

/**
 * Checks before any load that the settings point at things that exist: a report root the suite can
 * write, and a {@code -Dtarget.pid} that is a running process. Each failure names the setting, the
 * value and the fix.
 */
final class PreFlight {
  private PreFlight() {}

  static void check(Settings s) {
    writable("report.root", s.reportRoot());
    writable("perf.outputFolder", s.perfOutputFolder());
    pidAlive(s.targetPid());
    instancesAlive(s.raw(SettingsRegistry.TARGET_INSTANCES.name()), s.targetInstances());
  }

  static void writable(String setting, Path folder) {
    try {
      Files.createDirectories(folder);
      Path probe = Files.createTempFile(folder, ".write-check", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new SettingsException(
          "Setting '"
              + setting
              + "' is '"
              + folder
              + "': the suite"
              + " cannot write there ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "). Fix: -D"
              + setting
              + "=<a folder this user can write>, or make it writable.");
    }
  }

  static void pidAlive(OptionalLong pid) {
    if (pid.isEmpty()) {
      return;
    }
    long p = pid.getAsLong();
    if (!ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false)) {
      throw new SettingsException(
          "Setting 'target.pid' is '"
              + p
              + "': no running process has"
              + " that id. Fix: -Dtarget.pid=<the server's process id> (e.g. from `pgrep -f"
              + " uvicorn`), or leave it unset to read the target's memory from its /metrics.");
    }
  }

  /** Every {@code pid:} instance is a running process (a URL is checked when sampled). */
  static void instancesAlive(String value, List<TargetInstance> instances) {
    for (TargetInstance i : instances) {
      long p = i.pid().orElse(-1);
      if (i.isPid() && !ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false)) {
        throw new SettingsException(
            "Setting 'target.instances' is '"
                + value
                + "': no running process has the id of "
                + i.name()
                + ". Fix: -Dtarget.instances=<each instance's pid:<id> or /metrics URL>, with"
                + " the ids of the running server processes (e.g. from `pgrep -f uvicorn`).");
      }
    }
  }
}
