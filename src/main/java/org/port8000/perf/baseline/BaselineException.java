package org.port8000.perf.baseline;

/** A baseline could not be read, written or promoted; the message says why and what to do. */
public final class BaselineException extends RuntimeException {
  public BaselineException(String message) {
    super(message);
  }

  public BaselineException(String message, Throwable cause) {
    super(message, cause);
  }
}
