package org.port8000.perf.app;

import org.port8000.perf.config.Settings;
import org.port8000.perf.config.SettingsException;
import org.port8000.perf.target.TargetLauncher;

/**
 * Prints the command that starts the reference server as the suite does, one argument per line (for
 * {@code bench/two-injectors.sh}): the same JVM options and heap, so a server a script starts
 * measures like one the suite starts. Settings as {@code -D} options of this JVM.
 */
public final class ReferenceCommand {
  private ReferenceCommand() {}

  public static void main(String[] args) {
    try {
      TargetLauncher.referenceServerCommand(Settings.load()).forEach(System.out::println);
    } catch (SettingsException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    }
  }
}
