package org.port8000.perf.app;

import java.nio.file.Path;
import org.port8000.perf.baseline.Promote;
import org.port8000.perf.config.Settings;

/**
 * {@code mvn exec:java@baseline}: makes the latest run the baseline of its target and profile (see
 * {@link Promote}); a run that did not PASS needs {@code -Dbaseline.force=true}.
 */
public final class PromoteMain {
  private PromoteMain() {}

  public static void main(String[] args) {
    Path folder = Promote.promote(BaselineSettingsReader.read(Settings.load()));
    System.out.println("[perf] baseline promoted: " + folder);
  }
}
