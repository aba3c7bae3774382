/**
 * The entry points: {@link org.port8000.perf.app.SettingsCheck} before any load, {@link
 * org.port8000.perf.app.ReportMain} after the simulations and {@link
 * org.port8000.perf.app.PromoteMain} to promote a run to the baseline, {@link
 * org.port8000.perf.app.MergeMain} to merge injectors and {@link org.port8000.perf.app.NextStart},
 * deploy/suite.sh's start barrier between simulations. They wire the other packages together
 * (settings reach {@code baseline/} through {@link org.port8000.perf.app.BaselineSettingsReader})
 * and nothing imports them.
 */
package org.port8000.perf.app;
