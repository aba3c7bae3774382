package org.port8000.perf.reference;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Sends bytes exactly as given over a fresh loopback socket and reads the answer: what
 * java.net.http cannot send (lowercase methods, broken escapes, bad versions, junk).
 */
final class RawHttp {

  /** No status line came back: the server closed the connection or the read timed out. */
  static final int NO_ANSWER = -1;

  /** The status, the first bytes of the answer and the bytes read in all. */
  record Answer(int status, String head, long bytes) {}

  private final int port;

  RawHttp(int port) {
    this.port = port;
  }

  /** One request; the answer is read until the server closes or {@code readTimeoutMs}. */
  Answer send(byte[] request, int readTimeoutMs) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      s.setSoTimeout(readTimeoutMs);
      OutputStream out = s.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (IOException e) {
        // The server may refuse mid-request (e.g. 413 then close): read what it said.
      }
      return read(s.getInputStream());
    } catch (IOException e) {
      return new Answer(NO_ANSWER, e.toString(), 0);
    }
  }

  Answer send(String request) {
    return send(request.getBytes(StandardCharsets.ISO_8859_1), 20_000);
  }

  /** A request with {@code Connection: close}, so the answer ends with the connection. */
  Answer request(String method, String target, String body, String... headers) {
    StringBuilder b =
        new StringBuilder(method)
            .append(' ')
            .append(target)
            .append(" HTTP/1.1\r\n")
            .append("Host: 127.0.0.1:")
            .append(port)
            .append("\r\nConnection: close\r\n");
    for (String h : headers) {
      b.append(h).append("\r\n");
    }
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (body != null) {
      b.append("Content-Type: application/json\r\nContent-Length: ")
          .append(content.length)
          .append("\r\n");
    }
    b.append("\r\n");
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(b.toString().getBytes(StandardCharsets.UTF_8));
    all.writeBytes(content);
    return send(all.toByteArray(), 60_000);
  }

  private static Answer read(InputStream in) throws IOException {
    byte[] buf = new byte[64 * 1024];
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    long total = 0;
    try {
      int n;
      while ((n = in.read(buf)) > 0) {
        if (head.size() < 512) {
          head.write(buf, 0, Math.min(n, 512 - head.size()));
        }
        total += n;
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      // what came before the timeout or reset is the answer
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    int status = NO_ANSWER;
    if (text.startsWith("HTTP/1.") && text.length() >= 12) {
      try {
        status = Integer.parseInt(text.substring(9, 12));
      } catch (NumberFormatException ignored) {
        // not a status line
      }
    }
    return new Answer(status, text, total);
  }
}
