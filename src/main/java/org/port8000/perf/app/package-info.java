/**
 * The entry points: {@link org.port8000.perf.app.SettingsCheck} before any load and
 * {@link org.port8000.perf.app.ReportMain} after the simulations. They wire the other packages
 * together and nothing imports them.
 */
package org.port8000.perf.app;
