package org.port8000.perf.analysis;

/**
 * An optimization the measured evidence calls for.
 *
 * @param rule the assignment's trigger, e.g. "High latency (> 200 ms)"
 * @param action what to do, e.g. "Add caching, compress messages, batch updates"
 * @param evidence the measured figure that triggered it, e.g. "burst p95 latency 312 ms"
 */
public record Recommendation(Area area, String rule, String action, String evidence) {}
