package org.port8000.perf.probe.browser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.port8000.perf.results.UiProbeResult;

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
      UiProbeResult.Memory memory,
      UiProbeResult.Cpu cpu,
      List<String> notes,
      String displayFailure) {}

  Outcome run(int count, Duration replyTimeout) {
    List<String> notes = new ArrayList<>();
    RendererMetrics.Sample before = metrics.sample();
    Optional<Integer> pid = process.find(before.processTimeS());
    Long rssBefore = pid.flatMap(process::rss).orElse(null);
    long peakHeap = before.jsHeapUsedBytes();
    Long peakRss = rssBefore;
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
    RendererMetrics.Sample after = metrics.sample();
    peakHeap = Math.max(peakHeap, after.jsHeapUsedBytes());
    // re-identify at the end: a renderer is only trusted when both readings name the same one
    Optional<Integer> pidAfter = process.find(after.processTimeS());
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
    double wallMs = (after.wallNanos() - before.wallNanos()) / 1e6;
    UiProbeResult.Cpu cpu =
        new UiProbeResult.Cpu(
            wallMs,
            100.0 * (after.processTimeS() - before.processTimeS()) * 1000.0 / wallMs,
            100.0 * (after.taskDurationS() - before.taskDurationS()) * 1000.0 / wallMs);
    UiProbeResult.Memory memory =
        new UiProbeResult.Memory(
            before.jsHeapUsedBytes(),
            peakHeap,
            after.jsHeapUsedBytes(),
            rssBefore,
            peakRss,
            source,
            after.nodes(),
            painted + 2);
    return new Outcome(sent, painted, memory, cpu, notes, displayFailure);
  }

  private static Long max(Long a, Long b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : Math.max(a, b);
  }
}
