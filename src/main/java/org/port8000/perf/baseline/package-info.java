/**
 * Baselines and regressions: each run leaves a snapshot (its key figures and the raw samples a
 * comparison needs); a run can be promoted to the baseline of its target and profile; later runs
 * are compared with it metric by metric, with a statistical test plus a minimum practical change,
 * and append one line to a history that the report draws as a trend.
 *
 * <p>Reads only {@code results/} (probe records, request names, Gatling's log) and the analysis'
 * checks; imports neither {@code config/} nor {@code probe/}: its settings arrive as one {@link
 * org.port8000.perf.baseline.BaselineSettings} record that {@code app/} reads. Knows nothing of the
 * report's rendering: it hands the report step a flat, pre-formatted view and the comparison
 * checks.
 */
package org.port8000.perf.baseline;
