package org.port8000.perf.reference;

import io.javalin.http.Context;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntSupplier;

/** {@code GET /metrics}: process and server figures in the Prometheus text format. */
final class MetricsEndpoint {

  private static final Path PROC_STATUS = Path.of("/proc/self/status");

  private final ServerCounters counters;
  private final IntSupplier openConnections;
  private final IntSupplier bots;
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final long startMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
  private volatile oshi.software.os.OSProcess oshiProcess; // only where /proc is missing

  MetricsEndpoint(ServerCounters counters, IntSupplier openConnections, IntSupplier bots) {
    this.counters = counters;
    this.openConnections = openConnections;
    this.bots = bots;
  }

  void handle(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(render());
  }

  String render() {
    StringBuilder sb = new StringBuilder(2048);
    process(sb);
    jvm(sb);
    webSocketConnections(sb);
    chat(sb);
    webSocketFrames(sb);
    apiAndBots(sb);
    faultLeaks(sb);
    return sb.toString();
  }

  /** The Prometheus client's standard process family. */
  private void process(StringBuilder sb) {
    gauge(sb, "process_resident_memory_bytes", "Resident memory size in bytes.", residentBytes());
    counter(
        sb,
        "process_cpu_seconds_total",
        "Total user and system CPU time spent in seconds.",
        cpuSeconds());
    gauge(
        sb,
        "process_start_time_seconds",
        "Start time of the process since unix epoch in seconds.",
        startMillis / 1000.0);
  }

  private void jvm(StringBuilder sb) {
    MemoryUsage heap = memory.getHeapMemoryUsage();
    MemoryUsage nonHeap = memory.getNonHeapMemoryUsage();
    gauge(sb, "jvm_memory_heap_used_bytes", "Used heap memory in bytes.", heap.getUsed());
    gauge(
        sb,
        "jvm_memory_heap_committed_bytes",
        "Committed heap memory in bytes.",
        heap.getCommitted());
    gauge(sb, "jvm_memory_nonheap_used_bytes", "Used non-heap memory in bytes.", nonHeap.getUsed());
    gauge(
        sb,
        "jvm_threads_live",
        "Live JVM threads.",
        ManagementFactory.getThreadMXBean().getThreadCount());
  }

  private void webSocketConnections(StringBuilder sb) {
    gauge(
        sb,
        "port8000_websocket_connections",
        "Open WebSocket connections.",
        openConnections.getAsInt());
    counter(
        sb,
        "port8000_websocket_connections_opened_total",
        "WebSocket connections accepted.",
        counters.wsConnectionsOpened.get());
  }

  /** Chat messages in and replies out, with those the reply faults dropped or replaced. */
  private void chat(StringBuilder sb) {
    counter(
        sb,
        "port8000_messages_handled_total",
        "Chat messages received (WebSocket and bot tasks).",
        counters.messagesHandled.get());
    counter(sb, "port8000_replies_sent_total", "Chat replies sent.", counters.repliesSent.get());
    counter(
        sb,
        "port8000_replies_dropped_total",
        "Chat replies dropped by the dropRate fault.",
        counters.repliesDropped.get());
    counter(
        sb,
        "port8000_fault_error_replies_total",
        "Replies replaced by the errorReplyRate fault's error text.",
        counters.errorReplies.get());
  }

  /** The frames besides chat: protocol pings, heartbeat acks, error frames. */
  private void webSocketFrames(StringBuilder sb) {
    counter(
        sb,
        "port8000_websocket_pings_total",
        "WebSocket protocol pings sent.",
        counters.pingsSent.get());
    counter(
        sb,
        "port8000_heartbeats_total",
        "WebSocket heartbeats acknowledged.",
        counters.heartbeats.get());
    counter(
        sb,
        "port8000_websocket_errors_total",
        "WebSocket error frames sent.",
        counters.wsErrors.get());
  }

  private void apiAndBots(StringBuilder sb) {
    counter(sb, "port8000_http_requests_total", "HTTP API requests.", counters.httpRequests.get());
    gauge(sb, "port8000_bots", "Bots launched and not stopped.", bots.getAsInt());
  }

  private static void faultLeaks(StringBuilder sb) {
    gauge(
        sb,
        "port8000_fault_leaked_bytes",
        "Bytes retained by the leakBytesPerMessage and leakBytesPerConnection faults.",
        FaultInjector.leakedBytes());
  }

  private long residentBytes() {
    try {
      List<String> lines = Files.readAllLines(PROC_STATUS);
      for (String line : lines) {
        if (line.startsWith("VmRSS:")) {
          String[] parts = line.substring(6).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024L; // the kernel reports kB
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux (or /proc hidden): fall back to OSHI below.
    }
    oshi.software.os.OSProcess p = oshiProcess;
    if (p == null) {
      p = new oshi.SystemInfo().getOperatingSystem().getCurrentProcess();
      oshiProcess = p;
    } else {
      p.updateAttributes();
    }
    return p.getResidentSetSize();
  }

  private static double cpuSeconds() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      long ns = os.getProcessCpuTime();
      return ns < 0 ? 0 : ns / 1e9;
    }
    return 0;
  }

  private static void gauge(StringBuilder sb, String name, String help, double value) {
    line(sb, name, help, "gauge", value);
  }

  private static void counter(StringBuilder sb, String name, String help, double value) {
    line(sb, name, help, "counter", value);
  }

  private static void line(StringBuilder sb, String name, String help, String type, double value) {
    sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
    sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    sb.append(name).append(' ');
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      sb.append((long) value);
    } else {
      sb.append(value);
    }
    sb.append('\n');
  }
}
