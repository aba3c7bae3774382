package org.port8000.perf.analysis;

/** The whole run's verdict: every check passed, some failed, or something was not measured. */
public enum Verdict {
  PASS,
  FAIL,
  INCOMPLETE
}
