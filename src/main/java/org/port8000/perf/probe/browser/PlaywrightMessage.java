package org.port8000.perf.probe.browser;

/**
 * A Playwright failure as a report can state it: its message and call log on one line, without the
 * "Error {" wrapper, the "name=" / "stack=" parts or the log's "=====" rules, trimmed at a word to
 * a readable length (never cut to its first line, which is often just "Error {").
 */
final class PlaywrightMessage {
  static final int MAX_CHARS = 400;

  private PlaywrightMessage() {}

  static String readable(String raw) {
    if (raw == null || raw.isBlank()) {
      return "(no message)";
    }
    String t = raw;
    int msg = t.indexOf("message='");
    if (msg >= 0) {
      t = t.substring(msg + "message='".length());
      int end = firstOf(t, "\n  name='", "\n  stack='", "\nname='", "\nstack='");
      if (end >= 0) {
        t = t.substring(0, end);
      }
      t = t.replaceFirst("'\\s*$", "");
    }
    t =
        t.replaceAll("=+ logs =+", " Call log: ")
            .replaceAll("={3,}", "")
            .replaceAll("\\s+", " ")
            .strip();
    if (t.startsWith("Error {")) {
      t = t.substring("Error {".length()).strip();
    }
    if (t.length() <= MAX_CHARS) {
      return t;
    }
    int cut = t.lastIndexOf(' ', MAX_CHARS);
    return t.substring(0, cut > MAX_CHARS / 2 ? cut : MAX_CHARS) + " …";
  }

  private static int firstOf(String s, String... markers) {
    int best = -1;
    for (String m : markers) {
      int i = s.indexOf(m);
      if (i >= 0 && (best < 0 || i < best)) {
        best = i;
      }
    }
    return best;
  }
}
