package org.port8000.perf.target;

/** The target could not be started, reached or accepted; the message says what to check. */
public final class TargetException extends RuntimeException {
  public TargetException(String message) {
    super(message);
  }

  public TargetException(String message, Throwable cause) {
    super(message, cause);
  }
}
