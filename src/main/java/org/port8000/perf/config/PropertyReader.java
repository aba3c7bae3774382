package org.port8000.perf.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * The one reader of settings: parses and range-checks one property at a time, and every error has
 * one form, naming the setting, the value, what is accepted and the fix: {@code Setting
 * 'burst.messages' is 'abc': expected a whole number from 1 to 100000. Fix:
 * -Dburst.messages=<value>}. A blank value counts as unset. Reads with a default are for settings
 * nothing else sets; the others are required.
 */
public final class PropertyReader {
  private final Map<String, String> values;
  private final String alsoFix;

  /** {@code alsoFix} is added to every fix, e.g. ", or change it in resources/profiles/". */
  public PropertyReader(Map<?, ?> properties, String alsoFix) {
    this.values = copy(properties);
    this.alsoFix = alsoFix;
  }

  public PropertyReader(Map<?, ?> properties) {
    this(properties, "");
  }

  private static Map<String, String> copy(Map<?, ?> properties) {
    Map<String, String> m = new HashMap<>();
    if (properties instanceof Properties p) {
      for (String name : p.stringPropertyNames()) {
        m.put(name, p.getProperty(name));
      }
    } else {
      properties.forEach((k, v) -> m.put(String.valueOf(k), v == null ? null : v.toString()));
    }
    return m;
  }

  /** The trimmed value, or null when unset or blank. */
  private String raw(String name) {
    String v = values.get(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    return v.trim();
  }

  /** The error for a value that is not accepted (also for checks across settings). */
  public SettingsException invalid(String name, String accepted) {
    String v = raw(name);
    return new SettingsException(
        "Setting '"
            + name
            + "' is '"
            + (v == null ? "" : v)
            + "': expected "
            + accepted
            + ". Fix: -D"
            + name
            + "=<value>"
            + alsoFix
            + ".");
  }

  // Reads with a default, for settings no profile sets.

  public int intValue(String name, int def, int min, int max) {
    return (int) longValue(name, def, min, max);
  }

  public long longValue(String name, long def, long min, long max) {
    return raw(name) == null ? def : requiredLong(name, min, max);
  }

  public double doubleValue(String name, double def, double min, double max) {
    String s = raw(name);
    if (s == null) {
      return def;
    }
    try {
      double v = Double.parseDouble(s);
      if (v >= min && v <= max) { // also refuses NaN
        return v;
      }
    } catch (NumberFormatException ignored) {
      // reported below with the accepted range
    }
    throw invalid(name, "a number from " + min + " to " + max);
  }

  public boolean booleanValue(String name, boolean def) {
    return raw(name) == null ? def : requiredBoolean(name);
  }

  /** One of {@code allowed}, exactly as spelt there. */
  public String choice(String name, String def, String... allowed) {
    String s = raw(name);
    if (s == null) {
      return def;
    }
    if (Arrays.asList(allowed).contains(s)) {
      return s;
    }
    throw invalid(name, "one of " + String.join(", ", allowed));
  }

  /** An absolute path, or null when unset. */
  public Path pathValue(String name) {
    String s = raw(name);
    if (s == null) {
      return null;
    }
    try {
      return Path.of(s).toAbsolutePath();
    } catch (InvalidPathException e) {
      throw invalid(name, "a folder path");
    }
  }

  // Required reads.

  public String text(String name) {
    String s = raw(name);
    if (s == null) {
      throw invalid(name, "a non-empty value");
    }
    return s;
  }

  public int requiredInt(String name, int min, int max) {
    return (int) requiredLong(name, min, max);
  }

  private long requiredLong(String name, long min, long max) {
    String s = raw(name);
    try {
      long v = Long.parseLong(s == null ? "" : s);
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException ignored) {
      // reported below with the accepted range
    }
    throw invalid(name, "a whole number from " + min + " to " + max);
  }

  public double requiredDouble(String name, double min, double max) {
    String s = raw(name);
    try {
      double v = Double.parseDouble(s == null ? "" : s);
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException ignored) {
      // reported below with the accepted range
    }
    throw invalid(name, "a number from " + min + " to " + max);
  }

  public boolean requiredBoolean(String name) {
    String s = raw(name);
    if ("true".equals(s) || "false".equals(s)) {
      return Boolean.parseBoolean(s);
    }
    throw invalid(name, "true or false");
  }

  /** A comma-separated list of rising whole numbers, e.g. {@code 10,25,50,100}. */
  public List<Integer> risingInts(String name, int min, int max) {
    String accepted =
        "a comma-separated list of rising whole numbers from "
            + min
            + " to "
            + max
            + ", e.g. 10,25,50,100";
    List<Integer> out = new ArrayList<>();
    try {
      for (String part : text(name).split(",")) {
        out.add(Integer.parseInt(part.trim()));
      }
    } catch (NumberFormatException | SettingsException e) {
      throw invalid(name, accepted);
    }
    for (int i = 0; i < out.size(); i++) {
      int v = out.get(i);
      if (v < min || v > max || (i > 0 && v <= out.get(i - 1))) {
        throw invalid(name, accepted);
      }
    }
    return List.copyOf(out);
  }

  /** An http(s) URL with a host, without a trailing slash; empty when unset. */
  public Optional<URI> optionalUrl(String name) {
    String s = raw(name);
    if (s == null) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(s);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return Optional.of(URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s));
      }
    } catch (URISyntaxException ignored) {
      // reported below
    }
    throw invalid(name, "an http:// or https:// URL with a host, e.g. http://127.0.0.1:8000");
  }

  /** A process id; empty when unset. */
  public OptionalLong optionalPid(String name) {
    String s = raw(name);
    if (s == null) {
      return OptionalLong.empty();
    }
    try {
      long pid = Long.parseLong(s);
      if (pid > 0) {
        return OptionalLong.of(pid);
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw invalid(name, "the process id (a positive whole number) of the target server");
  }

  /** A path as given (not made absolute); required. */
  public Path path(String name) {
    return Path.of(text(name));
  }

  /** The trimmed value; empty when unset or blank. */
  public Optional<String> optionalText(String name) {
    return Optional.ofNullable(raw(name));
  }

  public Optional<Path> optionalPath(String name) {
    String s = raw(name);
    return s == null ? Optional.empty() : Optional.of(Path.of(s));
  }
}
