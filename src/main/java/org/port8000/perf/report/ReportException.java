package org.port8000.perf.report;

/** The reports could not be produced; nothing was written. */
public final class ReportException extends RuntimeException {
  public ReportException(String message) {
    super(message);
  }

  public ReportException(String message, Throwable cause) {
    super(message, cause);
  }
}
