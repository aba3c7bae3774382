package org.port8000.perf.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * What the report says about one area: the headline of the assignment's format (Metric, Result,
 * Target, Status), the detailed figures, an optional preformatted block (the memory block of the
 * assignment), the checks, recommendations, notes and links. Everything is already formatted.
 *
 * @param ran false when this invocation did not run the area's simulation
 * @param block preformatted lines shown in a code block; may be empty
 * @param notes plain sentences, e.g. why something was not measured or that the target died
 * @param tables small tables after the details, e.g. the target's memory per instance; may be empty
 */
public record AreaResult(
    Area area,
    boolean ran,
    String metric,
    String result,
    String target,
    Status status,
    List<Detail> details,
    List<String> block,
    List<Check> checks,
    List<Recommendation> recommendations,
    List<String> notes,
    List<Link> links,
    List<Chart> charts,
    List<Table> tables) {

  public AreaResult {
    details = List.copyOf(details);
    block = List.copyOf(block);
    checks = List.copyOf(checks);
    recommendations = List.copyOf(recommendations);
    notes = List.copyOf(notes);
    links = List.copyOf(links);
    charts = List.copyOf(charts);
    tables = List.copyOf(tables);
  }

  /** A section without tables. */
  public AreaResult(
      Area area,
      boolean ran,
      String metric,
      String result,
      String target,
      Status status,
      List<Detail> details,
      List<String> block,
      List<Check> checks,
      List<Recommendation> recommendations,
      List<String> notes,
      List<Link> links,
      List<Chart> charts) {
    this(
        area,
        ran,
        metric,
        result,
        target,
        status,
        details,
        block,
        checks,
        recommendations,
        notes,
        links,
        charts,
        List.of());
  }

  /** The target could not be reached, so nothing of this area was measured. */
  public static AreaResult targetDown(Area area, String why) {
    return new AreaResult(
        area,
        true,
        area.metric(),
        "not measured: the target did not answer",
        area.target(),
        Status.NOT_MEASURED,
        List.of(),
        List.of(),
        List.of(Check.notMeasured(area.headlineCheck(), "", area.target(), why)),
        List.of(),
        List.of(why),
        List.of(),
        List.of());
  }

  /** The area's simulation did not run in this invocation: no figures, no verdict. */
  public static AreaResult notRun(Area area) {
    return new AreaResult(
        area,
        false,
        area.metric(),
        "not run in this invocation",
        area.target(),
        Status.NOT_MEASURED,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(
            "Not run in this invocation. Run it with `"
                + area.command()
                + "` (or `mvn verify`"
                + " for the whole suite)."),
        List.of(),
        List.of());
  }

  /** Collects a section that ran; see {@link Builder}. */
  public static Builder builder(Area area) {
    return new Builder(area);
  }

  /**
   * Collects one section's figures in the order they are added. The section's status is always the
   * worst of its checks (PASS only when every check passed; no check is never a pass).
   */
  public static final class Builder {
    private final Area area;
    private String metric;
    private final List<Detail> details = new ArrayList<>();
    private final List<String> block = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private final List<Recommendation> recommendations = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final List<Chart> charts = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();

    private Builder(Area area) {
      this.area = area;
      this.metric = area.metric();
    }

    /** The headline metric when the run's own parameters name it, e.g. its duration. */
    public Builder metric(String text) {
      this.metric = text;
      return this;
    }

    public Builder detail(String label, String value) {
      details.add(new Detail(label, value));
      return this;
    }

    public Builder block(String line) {
      block.add(line);
      return this;
    }

    public Builder check(Check check) {
      checks.add(check);
      return this;
    }

    public Builder recommend(String rule, String action, String evidence) {
      recommendations.add(new Recommendation(area, rule, action, evidence));
      return this;
    }

    public Builder note(String sentence) {
      notes.add(sentence);
      return this;
    }

    public Builder notes(List<String> sentences) {
      notes.addAll(sentences);
      return this;
    }

    public Builder link(Link link) {
      links.add(link);
      return this;
    }

    public Builder chart(Chart chart) {
      charts.add(chart);
      return this;
    }

    public Builder table(Table table) {
      tables.add(table);
      return this;
    }

    /** The section with {@code result} as its headline figure. */
    public AreaResult build(String result) {
      Status status =
          checks.isEmpty()
              ? Status.NOT_MEASURED
              : Status.worst(checks.stream().map(Check::status).toList());
      return new AreaResult(
          area,
          true,
          metric,
          result,
          area.target(),
          status,
          details,
          block,
          checks,
          recommendations,
          notes,
          links,
          charts,
          tables);
    }
  }
}
