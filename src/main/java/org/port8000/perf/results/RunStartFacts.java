package org.port8000.perf.results;

/**
 * Written by a simulation as soon as it has results to keep ({@code probe-started.json}): which
 * simulation the run folder belongs to, so a run whose JVM died (no {@link RunFacts}, perhaps an
 * unreadable {@code simulation.log}) can still be reported as such with what it completed.
 */
public record RunStartFacts(String simulation) {
  public static final String PROBE = "started";
}
