package org.port8000.perf.probe;

/** The innermost cause of a failure, for a one-line reason (async and HTTP errors wrap it). */
final class RootCause {
  private RootCause() {}

  /** Its class and message, e.g. {@code ConnectException: Connection refused}. */
  static String describe(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }
}
