package org.port8000.perf;

import java.util.HashMap;
import java.util.Map;

/**
 * Sets system properties for a test and puts back what was there before, so one test's settings
 * never leak into the next. Call {@link #restore()} from {@code @AfterEach} or {@code finally}.
 */
public final class SystemProperties {
  private final Map<String, String> saved = new HashMap<>();

  public void set(String key, String value) {
    if (!saved.containsKey(key)) {
      saved.put(key, System.getProperty(key));
    }
    System.setProperty(key, value);
  }

  public void setAll(Map<String, String> properties) {
    properties.forEach(this::set);
  }

  public void restore() {
    saved.forEach(
        (key, value) -> {
          if (value == null) {
            System.clearProperty(key);
          } else {
            System.setProperty(key, value);
          }
        });
    saved.clear();
  }
}
