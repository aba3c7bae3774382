package org.port8000.perf.probe.browser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.port8000.perf.results.UiFacts;

/**
 * The render phase: the user sends {@code count} messages one after another (fill, Enter) and each
 * reply is awaited until painted, while the renderer's heap, resident memory and CPU are sampled.
 * Bounded by the count and, per reply, by the reply timeout.
 */
final class RenderRun {
  /** Resident memory is read every this many replies (and before and after). */
  private static final int RSS_EVERY = 10;

  private final ChatPage chat;
  private final RendererMetrics metrics;
  private final RendererProcess process;
  private final SocketTraffic traffic;

  RenderRun(
      ChatPage chat, RendererMetrics metrics, RendererProcess process, SocketTraffic traffic) {
    this.chat = chat;
    this.metrics = metrics;
    this.process = process;
    this.traffic = traffic;
  }

  /**
   * @param displayFailure the page's WebSocket finding when a reply never came, or null
   */
  record Outcome(
      int sent,
      int painted,
      UiFacts.Memory memory,
      UiFacts.Cpu cpu,
      List<String> notes,
      String displayFailure) {}

  /** What the send loop saw: counts, the first unanswered reply's finding, and the peaks. */
  private record Sending(
      int sent, int painted, String displayFailure, long peakHeap, Long peakRss) {}

  Outcome run(int count, Duration replyTimeout) {
    List<String> notes = new ArrayList<>();
    RendererMetrics.Sample before = metrics.sample();
    Optional<Integer> pid = process.find(before.processTimeS());
    Long rssBefore = pid.flatMap(process::rss).orElse(null);
    Sending sending = sendAll(count, replyTimeout, pid, before.jsHeapUsedBytes(), rssBefore, notes);
    RendererMetrics.Sample after = metrics.sample();
    UiFacts.Memory memory = memory(before, after, pid, rssBefore, sending, notes);
    return new Outcome(
        sending.sent(),
        sending.painted(),
        memory,
        cpu(before, after),
        notes,
        sending.displayFailure());
  }

  /**
   * Sends the messages one after another, each awaited until its reply is painted; stops at the
   * first reply not painted within the timeout. Samples the JS heap after each reply and the
   * renderer's resident memory every {@link #RSS_EVERY} replies.
   */
  private Sending sendAll(
      int count,
      Duration replyTimeout,
      Optional<Integer> pid,
      long peakHeap,
      Long peakRss,
      List<String> notes) {
    int sent = 0;
    int painted = 0;
    String displayFailure = null;
    for (int i = 1; i <= count; i++) {
      sent++;
      int mark = traffic.mark();
      boolean ok =
          chat.sendAndAwaitReply(
              "UI probe message " + i + " of " + count + ": how fast does the reply appear?",
              i,
              replyTimeout);
      if (!ok) {
        displayFailure = traffic.unanswered(mark, replyTimeout.toMillis()).orElse(null);
        notes.add(
            "Reply "
                + i
                + " was not painted within "
                + replyTimeout.toMillis()
                + " ms; the render phase stopped after "
                + painted
                + " replies.");
        break;
      }
      painted++;
      peakHeap = Math.max(peakHeap, metrics.sample().jsHeapUsedBytes());
      if (pid.isPresent() && i % RSS_EVERY == 0) {
        peakRss = max(peakRss, process.rss(pid.get()).orElse(null));
      }
    }
    return new Sending(sent, painted, displayFailure, peakHeap, peakRss);
  }

  /**
   * JS heap and renderer memory over the phase. The renderer is re-identified at the end: its
   * resident memory is only trusted when both readings name the same process.
   */
  private UiFacts.Memory memory(
      RendererMetrics.Sample before,
      RendererMetrics.Sample after,
      Optional<Integer> pid,
      Long rssBefore,
      Sending sending,
      List<String> notes) {
    Optional<Integer> pidAfter = process.find(after.processTimeS());
    Long peakRss = sending.peakRss();
    String source;
    if (pid.isPresent() && pid.equals(pidAfter)) {
      peakRss = max(peakRss, process.rss(pid.get()).orElse(null));
      source =
          "resident memory (RSS, via OSHI) of renderer process "
              + pid.get()
              + ", identified by its CPU time (CDP SystemInfo.getProcessInfo = Performance.getMetrics"
              + " ProcessTime)";
    } else {
      peakRss = null;
      rssBefore = null;
      source =
          "not measured: the page's renderer process could not be identified among"
              + " Chromium's processes (CDP SystemInfo.getProcessInfo)";
      notes.add("Renderer memory " + source + ".");
    }
    return new UiFacts.Memory(
        before.jsHeapUsedBytes(),
        Math.max(sending.peakHeap(), after.jsHeapUsedBytes()),
        after.jsHeapUsedBytes(),
        rssBefore,
        peakRss,
        source,
        after.nodes(),
        sending.painted() + 2);
  }

  /** Renderer CPU and main-thread busy time, each as a share of one core over the phase. */
  private static UiFacts.Cpu cpu(RendererMetrics.Sample before, RendererMetrics.Sample after) {
    double wallMs = (after.wallNanos() - before.wallNanos()) / 1e6;
    return new UiFacts.Cpu(
        wallMs,
        100.0 * (after.processTimeS() - before.processTimeS()) * 1000.0 / wallMs,
        100.0 * (after.taskDurationS() - before.taskDurationS()) * 1000.0 / wallMs);
  }

  private static Long max(Long a, Long b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : Math.max(a, b);
  }
}
