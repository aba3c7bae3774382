/**
 * Reads what a run measured — Gatling's {@code simulation.log} files and the probes' JSON files
 * beside them — into immutable records. Nothing here judges or formats.
 */
package org.port8000.perf.results;
