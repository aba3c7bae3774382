/**
 * Turns measured figures into verdicts against the assignment's targets (PASS, FAIL, NOT MEASURED),
 * detects leaks from the measured trend, and derives recommendations that cite the figure that
 * triggered them. Reads only {@code results/} (never {@code config/} or {@code probe/}): a run
 * folder is judged by the parameters the run recorded. Produces flat, already-formatted results for
 * the report.
 */
package org.port8000.perf.analysis;
