package org.port8000.perf.reference;

/**
 * A refused HTTP request. Like the original server, refusals answer HTTP 200 with {@code
 * {"success":false,"error":...}}; only oversized bodies use a status of their own (413).
 */
final class ApiException extends RuntimeException {
  private final int status;

  ApiException(String message) {
    this(200, message);
  }

  ApiException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
