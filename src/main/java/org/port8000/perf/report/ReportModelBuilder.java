package org.port8000.perf.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.port8000.perf.analysis.AreaResult;
import org.port8000.perf.analysis.Chart;
import org.port8000.perf.analysis.Detail;
import org.port8000.perf.analysis.Format;
import org.port8000.perf.analysis.Link;
import org.port8000.perf.analysis.Recommendation;
import org.port8000.perf.analysis.RunVerdict;
import org.port8000.perf.analysis.Status;
import org.port8000.perf.analysis.Table;
import org.port8000.perf.analysis.Thresholds;
import org.port8000.perf.baseline.BaselineView;
import org.port8000.perf.config.Settings;
import org.port8000.perf.results.CapabilityFacts;
import org.port8000.perf.results.RunFacts;

/** Builds the flat, formatted model of the reports from the areas' results. */
public final class ReportModelBuilder {

  private final Function<Link, String> linkHref;
  private final Function<Chart, String> chartHref;

  public ReportModelBuilder(Function<Link, String> linkHref, Function<Chart, String> chartHref) {
    this.linkHref = linkHref;
    this.chartHref = chartHref;
  }

  /** The flat model of the optimization and status reports of {@code run}. */
  public ReportModel build(ReportInput run, Instant generatedAt) {
    // The baseline's trend charts first: the order in which the charts are rendered.
    BaselineView baseline = run.baseline() == null ? null : run.baseline().view(chartHref);
    List<AreaResult> areas = run.areas();
    RunVerdict v = run.verdict();
    return new ReportModel(
        Format.time(generatedAt),
        v.profile(),
        notice(v),
        target(run.metas(), v),
        v.targets().name(),
        v.summary(),
        areas.stream().map(this::section).toList(),
        recommendations(areas),
        v.signOff(),
        findings(areas),
        completeness(areas),
        v.allComplete() ? "YES" : "NO",
        v.ready() ? "YES" : "NO",
        v.readyReason(),
        run.capabilities().map(ReportModelBuilder::targetTable).orElse(List.of()),
        baseline,
        InjectorsModel.of(run.injectors()));
  }

  /** What was measured, as the reports name it at the top. */
  private static String target(Collection<RunFacts> metas, RunVerdict v) {
    if (metas.isEmpty()) {
      return "(no run)";
    }
    if (v.selfCheck()) {
      return "the embedded reference server, started fresh on 127.0.0.1 for each simulation"
          + maxHeap(metas);
    }
    return String.join(
        ", ", metas.stream().map(ReportModelBuilder::describeTarget).distinct().sorted().toList());
  }

  /** The warning atop a run that did not use the assignment's full parameters; empty otherwise. */
  private static String notice(RunVerdict v) {
    return v.full()
        ? ""
        : "This run did not use the assignment's full parameters"
            + " (profile '"
            + v.profile()
            + "'"
            + (v.profile().contains(Settings.ASSIGNMENT) ? " with -D overrides of its figures" : "")
            + "): its figures are not a production"
            + " baseline and it cannot sign off. Run `mvn verify` for the full assignment.";
  }

  /** Every check of every area, one row each. */
  private static List<ReportModel.Row> findings(List<AreaResult> areas) {
    return areas.stream()
        .flatMap(a -> a.checks().stream())
        .map(
            c ->
                new ReportModel.Row(
                    Markdown.cell(c.metric()),
                    Markdown.cell(c.display()),
                    Markdown.cell(c.target()),
                    c.status().label()))
        .toList();
  }

  /** Whether each area ran and measured everything. */
  private static List<String> completeness(List<AreaResult> areas) {
    return areas.stream()
        .map(
            a ->
                a.area().title()
                    + ": "
                    + (!a.ran()
                        ? "not run in this invocation"
                        : a.checks().stream().anyMatch(c -> c.status() == Status.NOT_MEASURED)
                            ? "run, but not everything could be measured"
                            : "measured"))
        .toList();
  }

  private static List<String> recommendations(List<AreaResult> areas) {
    List<String> recommendations = new ArrayList<>();
    for (Recommendation r : areas.stream().flatMap(a -> a.recommendations().stream()).toList()) {
      recommendations.add(
          "**"
              + r.area().title()
              + " — "
              + r.rule()
              + ":** "
              + r.action()
              + ". Evidence: "
              + r.evidence()
              + ".");
    }
    if (recommendations.isEmpty()) {
      boolean allRan = areas.stream().allMatch(AreaResult::ran);
      // The rules fire past the targets: latency above its limit, throughput below its floor.
      recommendations.add(
          "No optimization needed: no recommendation rule (latency > "
              + Format.number(Thresholds.LATENCY.limit())
              + " ms, throughput < "
              + Format.number(Thresholds.THROUGHPUT.limit())
              + " msg/sec, memory growing without bound,"
              + " scroll < 60 fps) was"
              + " triggered by the "
              + (allRan ? "" : "metrics ")
              + "measured"
              + (allRan ? " figures." : " in this run; the others were not run.")
              + " Monitor in production.");
    }
    return recommendations;
  }

  /** The "Target" table: each capability, what was found, and what it changes in the report. */
  public static List<ReportModel.Row> targetTable(CapabilityFacts c) {
    return List.of(
        capability(
            "Streams (`stream` frames before the `response`)",
            c.streams(),
            c.streamsDetail(),
            "first-token latency is shown only when it streams"),
        capability(
            "Heartbeat ack (`heartbeat_ack`)",
            c.heartbeatAck(),
            c.heartbeatAckDetail(),
            "stability from acks when yes, from WebSocket ping/pong when no; when unknown the soak"
                + " checks acks and runs ping/pong, and reports both"),
        capability(
            "Echoes the message `id`",
            c.echoesId(),
            c.echoesIdDetail(),
            "replies matched by id when echoed, else in order"),
        capability(
            "Chat page with the configured selectors",
            c.chatPage(),
            c.chatPageDetail(),
            "UI render is measured only on a page it can drive"),
        capability(
            "`/metrics`",
            c.metrics(),
            c.metricsDetail(),
            "server memory from /metrics when no -Dtarget.pid"),
        capability(
            "`-Dtarget.pid` alive",
            c.pidAlive(),
            c.pidDetail(),
            "server memory and CPU from the process"));
  }

  private static ReportModel.Row capability(
      String label, Boolean flag, String detail, String changes) {
    String value =
        CapabilityFacts.state(flag) + (detail == null || detail.isBlank() ? "" : " — " + detail);
    return new ReportModel.Row(
        Markdown.cell(label), Markdown.cell(value), Markdown.cell(changes), "");
  }

  private static String describeTarget(RunFacts m) {
    return m.targetUrl()
        + (!m.targetStartedByRun()
            ? ""
            : m.targetMaxHeapMb() == null
                ? " (embedded reference server)"
                : " (embedded reference server, maximum heap " + m.targetMaxHeapMb() + " MB)");
  }

  /** The heap the runs gave the reference server they launched, as the reports name it. */
  private static String maxHeap(Collection<RunFacts> metas) {
    List<String> heaps =
        metas.stream()
            .map(RunFacts::targetMaxHeapMb)
            .filter(Objects::nonNull)
            .distinct()
            .sorted()
            .map(mb -> mb + " MB")
            .toList();
    return heaps.isEmpty()
        ? ""
        : ", maximum heap "
            + String.join(" / ", heaps)
            + " (`-Xmx`, setting `reference.maxHeapMb`)";
  }

  private ReportModel.Section section(AreaResult a) {
    List<ReportModel.Row> details = new ArrayList<>();
    for (Detail d : a.details()) {
      details.add(new ReportModel.Row(Markdown.cell(d.label()), Markdown.cell(d.value()), "", ""));
    }
    return new ReportModel.Section(
        a.area().title(),
        a.metric(),
        a.result(),
        a.target(),
        a.ran() ? a.status().label() : "⏭️ NOT RUN",
        details,
        a.block(),
        a.notes(),
        a.links().stream().map(l -> new ReportModel.Href(l.label(), linkHref.apply(l))).toList(),
        a.charts().stream().map(c -> new ReportModel.Href(c.title(), chartHref.apply(c))).toList(),
        a.tables().stream().map(ReportModelBuilder::table).toList());
  }

  private static ReportModel.Table table(Table t) {
    return new ReportModel.Table(
        t.title(),
        t.columns().stream().map(Markdown::cell).toList(),
        t.rows().stream().map(r -> r.stream().map(Markdown::cell).toList()).toList(),
        t.note());
  }
}
