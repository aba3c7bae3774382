package org.port8000.perf.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * The fault switches, all off by default. They exist so the suite's own tests can prove that its
 * verdicts flag a slow, lossy, leaking or crashing target; a normal run never turns them on.
 *
 * @param replyLatencyMs      added before every chat reply (WebSocket and bot task)
 * @param dropRate            fraction (0..1) of WebSocket chat replies never sent
 * @param dropSeed            seed of the drop decisions, so a run is reproducible
 * @param leakBytesPerMessage bytes retained forever per chat message (a deliberate leak)
 * @param crashAfterMessages  the process halts when this many chat messages arrived (0 = never)
 * @param uiRenderDelayMs     render delay the chat UI reads from {@code /ui-config.js}
 * @param taskErrorRate       fraction (0..1) of bot tasks answered HTTP 200 {@code "success": false}
 */
public record FaultSwitches(
        long replyLatencyMs,
        double dropRate,
        long dropSeed,
        int leakBytesPerMessage,
        long crashAfterMessages,
        long uiRenderDelayMs,
        double taskErrorRate) {

    public static final FaultSwitches OFF = new FaultSwitches(0, 0.0, 42, 0, 0, 0);

    /** The switches without a task error rate (it stays off). */
    public FaultSwitches(long replyLatencyMs, double dropRate, long dropSeed,
            int leakBytesPerMessage, long crashAfterMessages, long uiRenderDelayMs) {
        this(replyLatencyMs, dropRate, dropSeed, leakBytesPerMessage, crashAfterMessages,
                uiRenderDelayMs, 0.0);
    }

    static FaultSwitches read(ReferenceConfig.PropertyReader r) {
        return new FaultSwitches(
                r.longValue("reference.fault.replyLatencyMs", 0, 0, 600_000),
                r.doubleValue("reference.fault.dropRate", 0.0, 0.0, 1.0),
                r.longValue("reference.fault.dropSeed", 42, Long.MIN_VALUE, Long.MAX_VALUE),
                r.intValue("reference.fault.leakBytesPerMessage", 0, 0, 16 * 1024 * 1024),
                r.longValue("reference.fault.crashAfterMessages", 0, 0, Long.MAX_VALUE),
                r.longValue("reference.fault.uiRenderDelayMs", 0, 0, 600_000))
                .withTaskErrorRate(r.doubleValue("reference.fault.taskErrorRate", 0.0, 0.0, 1.0));
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
        if (taskErrorRate > 0) {
            on.add("taskErrorRate=" + taskErrorRate);
        }
        return on;
    }

    public FaultSwitches withReplyLatencyMs(long v) {
        return new FaultSwitches(v, dropRate, dropSeed, leakBytesPerMessage, crashAfterMessages, uiRenderDelayMs);
    }

    public FaultSwitches withDropRate(double v) {
        return new FaultSwitches(replyLatencyMs, v, dropSeed, leakBytesPerMessage, crashAfterMessages, uiRenderDelayMs);
    }

    public FaultSwitches withLeakBytesPerMessage(int v) {
        return new FaultSwitches(replyLatencyMs, dropRate, dropSeed, v, crashAfterMessages, uiRenderDelayMs);
    }

    public FaultSwitches withUiRenderDelayMs(long v) {
        return new FaultSwitches(replyLatencyMs, dropRate, dropSeed, leakBytesPerMessage, crashAfterMessages, v);
    }

    public FaultSwitches withTaskErrorRate(double v) {
        return new FaultSwitches(replyLatencyMs, dropRate, dropSeed, leakBytesPerMessage, crashAfterMessages, uiRenderDelayMs, v);
    }
}
