/**
 * Probes that measure beside Gatling: message timings for throughput, the target's resources, the
 * browser. Each writes its result as a record the simulation saves beside the run.
 */
package org.port8000.perf.probe;
