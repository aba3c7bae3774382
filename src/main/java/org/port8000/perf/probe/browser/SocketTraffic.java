package org.port8000.perf.probe.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.port8000.perf.results.ProbeFiles;

/**
 * The page's own WebSocket frames (Playwright's frame events), so a reply that never comes can be
 * explained: which frame type the UI sent and whether anything came back.
 */
final class SocketTraffic {
  /** One frame: sent by the page or received, and its JSON type. */
  record Frame(boolean sent, String type) {}

  private final List<Frame> frames = new ArrayList<>();

  static SocketTraffic watch(Page page) {
    SocketTraffic t = new SocketTraffic();
    page.onWebSocket(
        ws -> {
          ws.onFrameSent(f -> t.add(true, f.text()));
          ws.onFrameReceived(f -> t.add(false, f.text()));
        });
    return t;
  }

  private synchronized void add(boolean sent, String text) {
    frames.add(new Frame(sent, type(text)));
  }

  static String type(String text) {
    if (text == null) {
      return "(binary)";
    }
    try {
      JsonNode n = ProbeFiles.JSON.readTree(text);
      return n.path("type").isTextual() ? n.path("type").asText() : "(no type)";
    } catch (IOException e) {
      return "(not JSON)";
    }
  }

  synchronized int mark() {
    return frames.size();
  }

  /**
   * After a reply that was not painted: the finding when the page sent frames since {@code mark}
   * and received none, e.g. "the UI sent a `command` frame …"; empty otherwise.
   */
  synchronized Optional<String> unanswered(int mark, long timeoutMs) {
    List<Frame> since = frames.subList(Math.min(mark, frames.size()), frames.size());
    List<String> sentTypes = new ArrayList<>();
    since.stream().filter(Frame::sent).map(Frame::type).distinct().forEach(sentTypes::add);
    boolean received = since.stream().anyMatch(f -> !f.sent());
    if (sentTypes.isEmpty() || received) {
      return Optional.empty();
    }
    return Optional.of(
        "the UI sent a `"
            + String.join("`, `", sentTypes)
            + "` frame over its"
            + " WebSocket and received nothing back within "
            + timeoutMs
            + " ms: a typed message"
            + " never gets an answer");
  }
}
