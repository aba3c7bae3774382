package org.port8000.perf.probe;

/**
 * One look at the target process.
 *
 * @param rssBytes resident set size
 * @param cpuMillis CPU time (user + system) used since the process started, or -1 if unknown
 */
record ProcessReading(long rssBytes, long cpuMillis) {}
