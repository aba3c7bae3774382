package org.port8000.perf.results;

/** Results are missing or unreadable; the message names the file and what to do. */
public final class ResultsException extends RuntimeException {
  public ResultsException(String message) {
    super(message);
  }

  public ResultsException(String message, Throwable cause) {
    super(message, cause);
  }
}
