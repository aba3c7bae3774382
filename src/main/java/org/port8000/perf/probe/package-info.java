/**
 * Probes that measure the target from outside while a simulation loads it: the resource sampler
 * (resident memory and CPU of the target process, from its PID or its {@code /metrics}).
 */
package org.port8000.perf.probe;
