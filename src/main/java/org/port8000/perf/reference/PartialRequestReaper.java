package org.port8000.perf.reference;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.Request;

/**
 * Closes an HTTP connection whose request stays incomplete (headers or body still arriving) for a
 * whole {@code idleTimeoutMs}: Jetty's idle timeout alone lets a client that sends a byte now and
 * then hold a connection for ever. A partial request lives between one and two timeouts; a request
 * whose headers and body have arrived is never touched, however long its handler takes.
 */
final class PartialRequestReaper implements Connection.Listener {

  private final ScheduledExecutorService timer;
  private final long periodMs;
  private final Map<Connection, ScheduledFuture<?>> checks = new ConcurrentHashMap<>();

  PartialRequestReaper(ScheduledExecutorService timer, long idleTimeoutMs) {
    this.timer = timer;
    this.periodMs = idleTimeoutMs;
  }

  @Override
  public void onOpened(Connection connection) {
    if (connection instanceof HttpConnection http) {
      Check check = new Check(http);
      try {
        checks.put(
            connection,
            timer.scheduleAtFixedRate(check, periodMs, periodMs, TimeUnit.MILLISECONDS));
      } catch (RuntimeException e) {
        // The timer is stopping with the server: Jetty's idle timeout still applies.
      }
    }
  }

  @Override
  public void onClosed(Connection connection) {
    ScheduledFuture<?> f = checks.remove(connection);
    if (f != null) {
      f.cancel(false);
    }
  }

  /** Seen partial at two checks in a row with no request completed between them: closed. */
  private static final class Check implements Runnable {
    private final HttpConnection http;
    private boolean partialBefore;
    private long messagesBefore = -1;

    Check(HttpConnection http) {
      this.http = http;
    }

    @Override
    public void run() {
      try {
        check();
      } catch (RuntimeException e) {
        // A periodic task that throws is never run again: say why, keep checking.
        System.err.println("reference server: partial-request check failed: " + e);
      }
    }

    private void check() {
      HttpParser p = http.getParser();
      Request request = http.getHttpChannel().getRequest();
      // A request being handled is partial only while a body it declared is still coming:
      // a GET waiting for a history slot has all it will send, whatever state the parser
      // and the unread input are left in (reaped as partial, 60 of 100 pages got nothing).
      boolean handling = !http.getHttpChannel().getState().isIdle();
      boolean bodyDeclared =
          request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
      boolean partial =
          handling
              ? bodyDeclared && !request.getHttpInput().isFinished()
              : (p.inHeaderState() && !p.isStart()) || p.inContentState();
      long messages = http.getMessagesIn();
      if (partial
          && partialBefore
          && messages == messagesBefore
          && http.getEndPoint().getConnection() == http) {
        http.getEndPoint().close();
        return;
      }
      partialBefore = partial;
      messagesBefore = messages;
    }
  }
}
