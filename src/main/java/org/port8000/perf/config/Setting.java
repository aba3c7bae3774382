package org.port8000.perf.config;

import java.util.function.BiFunction;

/**
 * One setting of a run: its name, how its value is read and checked, what it accepts, its default
 * (none: every profile sets it), its unit and one line of documentation. The registry ({@link
 * SettingsRegistry}) holds them all; {@link Settings}, the settings check and docs/settings.md come
 * from it.
 *
 * @param <T> the parsed value's type
 */
public final class Setting<T> {
  private final String name;
  private final String unit;
  private final String accepted;
  private final String defaultValue;
  private final String meaning;
  private final BiFunction<PropertyReader, String, T> reader;

  Setting(
      String name,
      String unit,
      String accepted,
      String defaultValue,
      String meaning,
      BiFunction<PropertyReader, String, T> reader) {
    this.name = name;
    this.unit = unit;
    this.accepted = accepted;
    this.defaultValue = defaultValue;
    this.meaning = meaning;
    this.reader = reader;
  }

  /** The same setting with a default, for a setting no profile needs to set. */
  Setting<T> orElse(String value) {
    return new Setting<>(name, unit, accepted, value, meaning, reader);
  }

  public String name() {
    return name;
  }

  public String unit() {
    return unit;
  }

  /** What values it accepts, e.g. "1 to 100000". */
  public String accepted() {
    return accepted;
  }

  /** The value used when neither the profile nor a -D sets it; null when every profile must. */
  public String defaultValue() {
    return defaultValue;
  }

  public String meaning() {
    return meaning;
  }

  T read(PropertyReader r) {
    return reader.apply(r, name);
  }

  @Override
  public String toString() {
    return name;
  }
}
