package org.port8000.perf.results;

/**
 * Written by a simulation that refused to start its load ({@code probe-could-not-start.json}), e.g.
 * a plan that would not fit under the open-file limit: the report states the area as a failed
 * finding with this reason, while the other simulations still run.
 *
 * @param simulation the simulation's class name
 * @param reason why it could not start, with the fix
 */
public record CouldNotStartFacts(String simulation, String reason) {
  public static final String PROBE = "could-not-start";
}
