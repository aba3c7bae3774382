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
import java.util.Enumeration;
import java.util.Locale;

/**
 * The {@code reference.http.rejectH2cUpgrade} switch: answers a request carrying {@code Upgrade:
 * h2c} with 400 "Unsupported upgrade request." and closes the connection, as uvicorn does. It lets
 * tests prove that a client speaks plain HTTP/1.1 (the JDK HttpClient asks for the h2c upgrade on
 * {@code http://} unless told to use HTTP/1.1).
 */
final class H2cUpgradeRefusal implements Filter {

  static final String MESSAGE = "Unsupported upgrade request.";

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest req
        && response instanceof HttpServletResponse res
        && asksForH2c(req)) {
      byte[] body = MESSAGE.getBytes(StandardCharsets.UTF_8);
      res.setStatus(400);
      res.setHeader("Connection", "close");
      res.setContentType("text/plain; charset=utf-8");
      res.setContentLength(body.length);
      res.getOutputStream().write(body);
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean asksForH2c(HttpServletRequest req) {
    Enumeration<String> values = req.getHeaders("Upgrade");
    while (values != null && values.hasMoreElements()) {
      for (String token : values.nextElement().split(",")) {
        if (token.trim().toLowerCase(Locale.ROOT).equals("h2c")) {
          return true;
        }
      }
    }
    return false;
  }
}
