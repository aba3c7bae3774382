package org.port8000.perf.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Instant;
import java.util.List;

/**
 * What a simulation wrote about its own run ({@code probe-run.json}): the profile, the target, and
 * whether the target still answered at the end. {@code targetMaxHeapMb} is the maximum heap the run
 * gave the reference server it launched ({@code null}: a target it did not launch, or a file
 * written before the field existed).
 */
public record RunFacts(
    String simulation,
    String profile,
    boolean fullAssignment,
    String targetUrl,
    boolean targetStartedByRun,
    Long targetPid,
    Instant startedAt,
    Instant endedAt,
    boolean targetAnsweredAtEnd,
    List<String> notes,
    Integer targetMaxHeapMb) {

  public static final String PROBE = "run";

  @JsonCreator
  public RunFacts {
    notes = notes == null ? List.of() : List.copyOf(notes);
  }
}
