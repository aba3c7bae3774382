package org.port8000.perf.probe.browser;

import java.util.ArrayList;
import java.util.List;
import org.port8000.perf.results.Distribution;

/** The per-reply timestamps of the page instruments turned into distributions. */
record ReplyTimings(
    Distribution display, Distribution displayDom, Distribution sendToPainted, List<String> notes) {

  static ReplyTimings of(List<ChatPage.Reply> replies) {
    List<Double> display = new ArrayList<>();
    List<Double> dom = new ArrayList<>();
    List<Double> sendToPainted = new ArrayList<>();
    int incomplete = 0;
    for (ChatPage.Reply r : replies) {
      ChatPage.Mark first = r.first();
      if (first == null || first.domAt() == null || first.paintedAt() == null) {
        incomplete++;
        continue;
      }
      display.add(first.paintedAt() - first.at());
      dom.add(first.domAt() - first.at());
      if (r.sendAt() != null && r.last() != null && r.last().paintedAt() != null) {
        sendToPainted.add(r.last().paintedAt() - r.sendAt());
      }
    }
    List<String> notes = new ArrayList<>();
    if (incomplete > 0) {
      notes.add(
          incomplete
              + " of "
              + replies.size()
              + " replies were never seen painted and are"
              + " not in the display figures.");
    }
    return new ReplyTimings(
        display.isEmpty() ? null : Distribution.of(display),
        dom.isEmpty() ? null : Distribution.of(dom),
        sendToPainted.isEmpty() ? null : Distribution.of(sendToPainted),
        notes);
  }
}
