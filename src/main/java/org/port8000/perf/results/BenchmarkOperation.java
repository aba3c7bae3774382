package org.port8000.perf.results;

import java.util.List;

/**
 * The operations of the benchmark, each with its fixed Gatling request name (the simulation writes
 * it, the analysis reads it) and the seed's latency target, judged by p95.
 */
public enum BenchmarkOperation {
  LIST_BOTS("list bots", "List bots", 100, true),
  BOTS_STATUS("bots status", "Bots status (all)", 100, true),
  BOT_STATUS("bot status", "Get bot status", 100, true),
  LAUNCH_BOT("launch bot", "Launch bot", 2_000, false),
  STOP_BOT("stop bot", "Stop bot", 1_000, false),
  SEND_TASK("send task", "Send message (bot task)", 500, false),
  LOAD_HISTORY("load history", "Load history (100)", 100, true),
  SAVE_MESSAGE("save message", "Database write (save chat message)", 50, false),
  HISTORY_QUERY("history query", "Database query (history by bot)", 50, true),
  WS_MESSAGE("ws message", "WebSocket message (send → response)", 50, false);

  private final String requestName;
  private final String label;
  private final int targetP95Ms;
  private final boolean read;

  BenchmarkOperation(String requestName, String label, int targetP95Ms, boolean read) {
    this.requestName = requestName;
    this.label = label;
    this.targetP95Ms = targetP95Ms;
    this.read = read;
  }

  /** Gatling request name in the latency phase. */
  public String requestName() {
    return requestName;
  }

  public String label() {
    return label;
  }

  /** The seed's target, judged by p95 (ms, strictly below). */
  public int targetP95Ms() {
    return targetP95Ms;
  }

  /** The read operations, which make up the API calls/s mix. */
  public static List<BenchmarkOperation> reads() {
    return java.util.Arrays.stream(values()).filter(o -> o.read).toList();
  }

  /** Request name of this operation in an API step, e.g. {@code api 200/s list bots}. */
  public String apiStepName(int ratePerSecond) {
    return BenchmarkRequests.apiStep(ratePerSecond, requestName);
  }

  /** Request name of this operation during the warm-up (not judged). */
  public String warmUpName() {
    return BenchmarkRequests.warmUp(requestName);
  }
}
