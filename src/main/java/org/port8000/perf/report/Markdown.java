package org.port8000.perf.report;

/** Keeps text from breaking markdown tables. */
final class Markdown {
  private Markdown() {}

  static String cell(String s) {
    return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
  }
}
