package org.port8000.perf.config;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A setting has a value the suite cannot use; the message names the setting, value and fix. */
public final class SettingsException extends IllegalArgumentException {
  public SettingsException(String message) {
    super(message);
  }

  /**
   * A refusal of settings that are fine one by one but not together, in the one-setting form:
   * {@code Settings 'a' is '1' and 'b' is '2': <why>. Fix: -Da=<value> or -Db=<value>, or change
   * them in resources/profiles/.}
   */
  static SettingsException of(List<Setting<?>> settings, Map<String, String> values, String why) {
    String named =
        settings.stream()
            .map(s -> "'" + s.name() + "' is '" + values.getOrDefault(s.name(), "") + "'")
            .collect(Collectors.joining(" and "));
    String fix =
        settings.stream()
            .map(s -> "-D" + s.name() + "=<value>")
            .collect(Collectors.joining(" or "));
    return new SettingsException(
        "Settings "
            + named
            + ": together they "
            + why
            + ". Fix: "
            + fix
            + ", or change them in resources/profiles/.");
  }
}
