package org.port8000.perf.results;

import java.time.Instant;
import java.util.List;

/**
 * What a simulation wrote about its own run ({@code probe-run.json}): the profile, the target,
 * and whether the target still answered at the end.
 */
public record RunMeta(String simulation, String profile, boolean fullAssignment, String targetUrl,
    boolean targetStartedByRun, Long targetPid, Instant startedAt, Instant endedAt,
    boolean targetAnsweredAtEnd, List<String> notes) {

  public static final String PROBE = "run";

  public RunMeta {
    notes = notes == null ? List.of() : List.copyOf(notes);
  }
}
