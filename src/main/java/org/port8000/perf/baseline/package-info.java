/**
 * Baselines and regressions: each run leaves a snapshot (its key figures and the raw samples a
 * comparison needs); a run can be promoted to the baseline of its target and profile; later
 * runs are compared with it metric by metric, with a statistical test plus a minimum practical
 * change, and append one line to a history that the report draws as a trend.
 *
 * <p>Reads {@code results/} (and the message-timings probe record) and the analysis' checks;
 * knows nothing of the report's rendering: it hands the report step a flat, pre-formatted view
 * and the comparison checks. {@link org.port8000.perf.baseline.BaselineSettings#from} and the
 * promotion entry point {@link org.port8000.perf.baseline.Promote} read {@code config/}.
 */
package org.port8000.perf.baseline;
