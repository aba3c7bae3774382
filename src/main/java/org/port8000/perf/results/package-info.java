/**
 * The contract between the simulations and the analysis: every file a run leaves — Gatling's {@code
 * simulation.log} and the probes' JSON files beside it, each record with its file name — and the
 * Gatling request names both sides use. Imports no other package of the project; nothing here
 * judges or formats.
 */
package org.port8000.perf.results;
