package org.port8000.perf.probe.browser;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * What left the page: its WebSocket frames and HTTP requests (Playwright's events), so a page that
 * has the elements but cannot be driven can be described by what followed an action.
 */
final class PageActivity {
  private final List<String> sentFrames = new ArrayList<>();
  private final List<String> requests = new ArrayList<>();
  private int socketsOpened;

  static PageActivity watch(Page page) {
    PageActivity a = new PageActivity();
    page.onRequest(r -> a.request(r.method() + " " + path(r.url())));
    page.onWebSocket(
        ws -> {
          a.socketOpened();
          ws.onFrameSent(f -> a.frame(SocketTraffic.type(f.text())));
        });
    return a;
  }

  private static String path(String url) {
    return url.replaceFirst("^[a-z]+://[^/]+", "");
  }

  private synchronized void request(String r) {
    requests.add(r);
  }

  private synchronized void socketOpened() {
    socketsOpened++;
  }

  private synchronized void frame(String type) {
    sentFrames.add(type);
  }

  /** A position to describe what followed from. */
  synchronized int[] mark() {
    return new int[] {sentFrames.size(), requests.size()};
  }

  /** E.g. "no WebSocket frame and no HTTP request left the page". */
  synchronized String since(int[] mark) {
    List<String> frames = sentFrames.subList(mark[0], sentFrames.size());
    List<String> reqs = requests.subList(mark[1], requests.size());
    if (frames.isEmpty() && reqs.isEmpty()) {
      return "no WebSocket frame and no HTTP request left the page";
    }
    List<String> parts = new ArrayList<>();
    if (!frames.isEmpty()) {
      parts.add(
          frames.size()
              + " WebSocket frame(s) left the page (types: "
              + String.join(", ", frames.stream().distinct().toList())
              + ")");
    }
    if (!reqs.isEmpty()) {
      parts.add(
          reqs.size()
              + " HTTP request(s) ("
              + String.join(", ", reqs.stream().distinct().limit(5).toList())
              + ")");
    }
    return String.join(" and ", parts);
  }

  /** What the page did since it was opened, e.g. "it opened no WebSocket and made 1 request". */
  synchronized String overall() {
    return "since it was opened the page opened "
        + (socketsOpened == 0 ? "no WebSocket" : socketsOpened + " WebSocket(s)")
        + " and made "
        + requests.size()
        + " HTTP request(s)"
        + (requests.isEmpty()
            ? ""
            : " (" + String.join(", ", requests.stream().distinct().limit(5).toList()) + ")");
  }
}
