package org.port8000.perf.reference;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses, before any route runs, the requests no handler should see: a method that is not an
 * upper-case standard method (400 for another spelling, 405 for an unknown one), any method
 * override header (Javalin would otherwise let a GET reach a POST route), a path or query string
 * with a broken percent-escape (Javalin's and Jetty's decoders would throw, a 500), and a WebSocket
 * handshake whose {@code Sec-WebSocket-Key} is not base64 of 16 bytes (RFC 6455, 4.2.1). Refusals
 * are JSON {@code {"success":false,"error":...}} like every other refusal.
 */
final class RequestGate implements Filter {

  static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE");
  static final String ALLOW = "GET, HEAD, POST";
  static final Set<String> OVERRIDE_HEADERS =
      Set.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest req && response instanceof HttpServletResponse res) {
      String method = req.getMethod();
      if (!METHODS.contains(method)) {
        boolean otherSpelling = METHODS.contains(method.toUpperCase(Locale.ROOT));
        res.setHeader("Allow", ALLOW);
        refuse(
            res,
            otherSpelling ? 400 : 405,
            otherSpelling
                ? "method names are case-sensitive: use " + method.toUpperCase(Locale.ROOT)
                : "method not allowed; allowed: " + ALLOW);
        return;
      }
      for (String header : OVERRIDE_HEADERS) {
        if (req.getHeader(header) != null) {
          refuse(res, 400, header + " is not supported: send the method itself");
          return;
        }
      }
      // Javalin decodes path parameters before any handler runs, and throws on a broken
      // escape such as %u002e; Jetty's query parser throws likewise.
      if (!PercentDecoding.isValid(req.getRequestURI())) {
        refuse(res, 400, "invalid path: broken percent-escape or not UTF-8");
        return;
      }
      String query = req.getQueryString();
      if (query != null && !PercentDecoding.isValid(query)) {
        refuse(res, 400, "invalid query string: broken percent-escape or not UTF-8");
        return;
      }
      if (asksForWebSocket(req) && !validKey(req.getHeader("Sec-WebSocket-Key"))) {
        refuse(res, 400, "invalid Sec-WebSocket-Key: expected base64 of 16 bytes");
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private static boolean asksForWebSocket(HttpServletRequest req) {
    String upgrade = req.getHeader("Upgrade");
    return upgrade != null && upgrade.trim().equalsIgnoreCase("websocket");
  }

  /** RFC 6455: the key is a base64-encoded 16-byte value (24 characters with padding). */
  static boolean validKey(String key) {
    if (key == null || key.trim().length() != 24) {
      return false;
    }
    try {
      return Base64.getDecoder().decode(key.trim()).length == 16;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static void refuse(HttpServletResponse res, int status, String reason) throws IOException {
    byte[] body =
        ("{\"success\":false,\"error\":\"" + reason.replace("\"", "'") + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    res.setStatus(status);
    res.setContentType("application/json");
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }
}
