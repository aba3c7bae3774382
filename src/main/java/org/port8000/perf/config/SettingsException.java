package org.port8000.perf.config;

/** A setting has a value the suite cannot use; the message names the setting, value and fix. */
public final class SettingsException extends IllegalArgumentException {
  public SettingsException(String message) {
    super(message);
  }
}
