package org.port8000.perf.analysis;

/**
 * The id of every check of the four areas, once: the analyzers, the run history, the baseline
 * comparison, summary.json and junit.xml all name a check by these.
 */
public final class CheckIds {
  private CheckIds() {}

  public static final String HEARTBEAT_STABILITY = "websocket.heartbeat.stability";
  public static final String THROUGHPUT_SUSTAINED = "message.throughput.sustained";
  public static final String MEMORY_PER_CONNECTION = "websocket.memory.perConnection";
  public static final String UI_DISPLAY = "ui.message.display";
  public static final String LEAK_RATE = "memory.leak.rate";
  public static final String BURST_P95 = "message.burst.latency.p95";
  public static final String BURST_DROPPED = "message.burst.dropped";
  public static final String HEARTBEAT_MEDIAN = "websocket.heartbeat.latency.median";
  public static final String MANY_CLIENTS_P95 = "message.burst.manyClients.latency.p95";
  public static final String BURST_MEDIAN = "message.burst.latency.median";
  public static final String BURST_AVG = "message.burst.latency.avg";
  public static final String SOAK_WINDOW = "websocket.heartbeat.soakWindow";
  public static final String UI_SCROLL_FPS = "ui.scroll.fps";
  public static final String THROUGHPUT_STEPS = "message.throughput.steps";
  public static final String RUN_COMPLETED = "message.run.completed";
  public static final String MANY_CLIENTS_DROPPED = "message.burst.manyClients.dropped";
  public static final String LEAK_PER_CYCLE = "memory.leak.perCycle";
  public static final String LEAK_MESSAGES_ANSWERED = "memory.leak.messagesAnswered";
  public static final String LEAK_CYCLES_COMPLETED = "memory.leak.cyclesCompleted";
}
