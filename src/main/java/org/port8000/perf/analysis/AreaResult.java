package org.port8000.perf.analysis;

import java.util.List;

/**
 * What the report says about one area: the headline of the assignment's format (Metric, Result,
 * Target, Status), the detailed figures, an optional preformatted block (the memory block of the
 * assignment), the checks, recommendations, notes and links. Everything is already formatted.
 *
 * @param ran false when this invocation did not run the area's simulation
 * @param block preformatted lines shown in a code block; may be empty
 * @param notes plain sentences, e.g. why something was not measured or that the target died
 */
public record AreaResult(Area area, boolean ran, String metric, String result, String target,
    Status status, List<Detail> details, List<String> block, List<Check> checks,
    List<Recommendation> recommendations, List<String> notes, List<Link> links,
    List<Chart> charts) {

  public AreaResult {
    details = List.copyOf(details);
    block = List.copyOf(block);
    checks = List.copyOf(checks);
    recommendations = List.copyOf(recommendations);
    notes = List.copyOf(notes);
    links = List.copyOf(links);
    charts = List.copyOf(charts);
  }

  /** The target could not be reached, so nothing of this area was measured. */
  public static AreaResult targetDown(Area area, String why) {
    return new AreaResult(area, true, area.metric(), "not measured: the target did not answer",
        area.target(), Status.NOT_MEASURED, List.of(), List.of(),
        List.of(Check.notMeasured(area.headlineCheck(), "", area.target(), why)), List.of(),
        List.of(why), List.of(), List.of());
  }

  /** The area's simulation did not run in this invocation: no figures, no verdict. */
  public static AreaResult notRun(Area area) {
    return new AreaResult(area, false, area.metric(), "not run in this invocation", area.target(),
        Status.NOT_MEASURED, List.of(), List.of(), List.of(), List.of(),
        List.of("Not run in this invocation. Run it with `" + area.command() + "` (or `mvn verify`"
            + " for the whole suite)."), List.of(), List.of());
  }
}
