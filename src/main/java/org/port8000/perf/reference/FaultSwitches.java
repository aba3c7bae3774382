package org.port8000.perf.reference;

import java.util.ArrayList;
import java.util.List;
import org.port8000.perf.config.PropertyReader;

/**
 * The fault switches, all off by default. They exist so the suite's own tests can prove that its
 * verdicts flag a slow, lossy, leaking, failing or crashing target; a normal run never turns them
 * on.
 *
 * @param replyLatencyMs added before every chat reply (WebSocket and bot task)
 * @param dropRate fraction (0..1) of WebSocket chat replies never sent
 * @param dropSeed seed of the drop and error decisions, so a run is reproducible
 * @param leakBytesPerMessage bytes retained forever per chat message (a deliberate leak)
 * @param crashAfterMessages the process halts when this many chat messages arrived (0 = never)
 * @param uiRenderDelayMs render delay the chat UI reads from {@code /ui-config.js}
 * @param leakBytesPerConnection bytes retained forever per WebSocket connection opened
 * @param errorFrameRate fraction (0..1) of WebSocket chat messages answered with an {@code
 *     {"type":"error"}} frame instead of a reply
 * @param errorReplyRate fraction (0..1) of WebSocket chat messages answered with a normal {@code
 *     response} frame whose content is {@value #ERROR_REPLY_CONTENT}, as the original server
 *     answers when its model is overloaded
 * @param taskErrorRate fraction (0..1) of bot tasks answered HTTP 200 {@code "success": false}
 */
public record FaultSwitches(
    long replyLatencyMs,
    double dropRate,
    long dropSeed,
    int leakBytesPerMessage,
    long crashAfterMessages,
    long uiRenderDelayMs,
    int leakBytesPerConnection,
    double errorFrameRate,
    double errorReplyRate,
    double taskErrorRate) {

  public static final FaultSwitches OFF = new FaultSwitches(0, 0.0, 42, 0, 0, 0, 0, 0.0, 0.0, 0.0);

  /** The reply content of the errorReplyRate fault, the original server's overload answer. */
  public static final String ERROR_REPLY_CONTENT = "[Error: Connection error.]";

  /** The error frame's message of the errorFrameRate fault. */
  public static final String ERROR_FRAME_MESSAGE = "Error processing message: Connection error.";

  public FaultSwitches {
    // One decision per message picks drop, error frame, error reply or a normal reply.
    if (dropRate + errorFrameRate + errorReplyRate > 1.0 + 1e-9) {
      throw new IllegalArgumentException(
          "invalid reference.fault.dropRate="
              + dropRate
              + ", reference.fault.errorFrameRate="
              + errorFrameRate
              + ", reference.fault.errorReplyRate="
              + errorReplyRate
              + ": expected a sum of at most 1 (each decides the fate of a share of messages)");
    }
  }

  static FaultSwitches read(PropertyReader r) {
    return new FaultSwitches(
        r.longValue("reference.fault.replyLatencyMs", 0, 0, 600_000),
        r.doubleValue("reference.fault.dropRate", 0.0, 0.0, 1.0),
        r.longValue("reference.fault.dropSeed", 42, Long.MIN_VALUE, Long.MAX_VALUE),
        r.intValue("reference.fault.leakBytesPerMessage", 0, 0, 16 * 1024 * 1024),
        r.longValue("reference.fault.crashAfterMessages", 0, 0, Long.MAX_VALUE),
        r.longValue("reference.fault.uiRenderDelayMs", 0, 0, 600_000),
        r.intValue("reference.fault.leakBytesPerConnection", 0, 0, 16 * 1024 * 1024),
        r.doubleValue("reference.fault.errorFrameRate", 0.0, 0.0, 1.0),
        r.doubleValue("reference.fault.errorReplyRate", 0.0, 0.0, 1.0),
        r.doubleValue("reference.fault.taskErrorRate", 0.0, 0.0, 1.0));
  }

  /** The switches that are on, e.g. {@code [replyLatencyMs=300]}; empty when all are off. */
  public List<String> describeActive() {
    List<String> on = new ArrayList<>();
    if (replyLatencyMs > 0) {
      on.add("replyLatencyMs=" + replyLatencyMs);
    }
    if (dropRate > 0) {
      on.add("dropRate=" + dropRate + " (seed " + dropSeed + ")");
    }
    if (leakBytesPerMessage > 0) {
      on.add("leakBytesPerMessage=" + leakBytesPerMessage);
    }
    if (crashAfterMessages > 0) {
      on.add("crashAfterMessages=" + crashAfterMessages);
    }
    if (uiRenderDelayMs > 0) {
      on.add("uiRenderDelayMs=" + uiRenderDelayMs);
    }
    if (leakBytesPerConnection > 0) {
      on.add("leakBytesPerConnection=" + leakBytesPerConnection);
    }
    if (errorFrameRate > 0) {
      on.add("errorFrameRate=" + errorFrameRate + " (seed " + dropSeed + ")");
    }
    if (errorReplyRate > 0) {
      on.add("errorReplyRate=" + errorReplyRate + " (seed " + dropSeed + ")");
    }
    if (taskErrorRate > 0) {
      on.add("taskErrorRate=" + taskErrorRate);
    }
    return on;
  }

  public FaultSwitches withDropRate(double v) {
    return new FaultSwitches(
        replyLatencyMs,
        v,
        dropSeed,
        leakBytesPerMessage,
        crashAfterMessages,
        uiRenderDelayMs,
        leakBytesPerConnection,
        errorFrameRate,
        errorReplyRate,
        taskErrorRate);
  }
}
