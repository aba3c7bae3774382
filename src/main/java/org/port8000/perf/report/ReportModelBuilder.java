package org.port8000.perf.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.port8000.perf.analysis.AreaResult;
import org.port8000.perf.analysis.Chart;
import org.port8000.perf.analysis.Check;
import org.port8000.perf.analysis.Detail;
import org.port8000.perf.analysis.Format;
import org.port8000.perf.analysis.Link;
import org.port8000.perf.analysis.Recommendation;
import org.port8000.perf.analysis.Status;
import org.port8000.perf.analysis.Targets;
import org.port8000.perf.config.Settings;
import org.port8000.perf.results.RunMeta;
import org.port8000.perf.results.TargetCapabilities;

/** Builds the flat, formatted model of the reports from the areas' results. */
public final class ReportModelBuilder {

  private final Function<Link, String> linkHref;
  private final Function<Chart, String> chartHref;

  public ReportModelBuilder(Function<Link, String> linkHref, Function<Chart, String> chartHref) {
    this.linkHref = linkHref;
    this.chartHref = chartHref;
  }

  /** The run's verdict: FAIL if any check failed; PASS only if all four areas passed whole. */
  public static Verdict verdict(List<AreaResult> areas) {
    List<Check> checks = areas.stream().flatMap(a -> a.checks().stream()).toList();
    if (checks.stream().anyMatch(c -> c.status() == Status.FAIL)
        || areas.stream().anyMatch(a -> a.ran() && a.status() == Status.FAIL)) {
      return Verdict.FAIL;
    }
    boolean whole = areas.stream().allMatch(a -> a.ran() && a.status() == Status.PASS)
        && checks.stream().allMatch(c -> c.status() == Status.PASS);
    return whole ? Verdict.PASS : Verdict.INCOMPLETE;
  }

  /** True when every run used the assignment's full parameters. */
  public static boolean fullAssignment(Collection<RunMeta> metas, boolean settingsFull) {
    return metas.isEmpty() ? settingsFull : metas.stream().allMatch(RunMeta::fullAssignment);
  }

  public ReportModel build(List<AreaResult> areas, Collection<RunMeta> metas,
      Optional<TargetCapabilities> capabilities, String settingsProfile, boolean settingsFull,
      Instant generatedAt) {
    Verdict verdict = verdict(areas);
    boolean full = fullAssignment(metas, settingsFull);
    String profile = metas.isEmpty() ? settingsProfile
        : String.join(", ", metas.stream().map(RunMeta::profile).distinct().sorted().toList());
    String target = metas.isEmpty() ? "(no run)"
        : metas.stream().allMatch(RunMeta::targetStartedByRun)
            ? "the embedded reference server, started fresh on 127.0.0.1 for each simulation"
        : String.join(", ", metas.stream().map(ReportModelBuilder::describeTarget).distinct()
            .sorted().toList());
    String notice = full ? "" : "This run did not use the assignment's full parameters"
        + " (profile '" + profile + "'" + (profile.contains(Settings.ASSIGNMENT)
            ? " with -D overrides of its figures" : "") + "): its figures are not a production"
        + " baseline and it cannot sign off. Run `mvn verify` for the full assignment.";

    // Every run measured the suite's own stand-in: a self-check, never a production verdict.
    boolean selfCheck = !metas.isEmpty() && metas.stream().allMatch(RunMeta::targetStartedByRun);
    List<Check> checks = areas.stream().flatMap(a -> a.checks().stream()).toList();
    List<Check> failed = checks.stream().filter(c -> c.status() == Status.FAIL).toList();
    List<Check> unmeasured = areas.stream().filter(AreaResult::ran)
        .flatMap(a -> a.checks().stream()).filter(c -> c.status() == Status.NOT_MEASURED).toList();

    List<String> summary = new ArrayList<>();
    if (verdict == Verdict.PASS) {
      summary.add(selfCheck ? "All measured metrics meet their targets on the embedded reference"
          + " server (a self-check of the suite, not a verdict on a Port 8000 server)"
          : full ? "All metrics meet production targets"
          : "All measured metrics meet their targets in this scaled-down run");
    } else {
      summary.add(failed.isEmpty() ? "No target missed, but not every metric was measured"
          : failed.size() + (failed.size() == 1 ? " issue" : " issues")
              + " found, recommendations below");
      failed.forEach(c -> summary.add("❌ " + c.metric() + ": " + c.display() + " (target "
          + c.target() + ")"));
      unmeasured.forEach(c -> summary.add("⚠️ " + c.metric() + " not measured: " + c.note()));
      areas.stream().filter(a -> !a.ran()).forEach(a -> summary.add("⚠️ " + a.area().title()
          + " not run in this invocation"));
    }

    List<ReportModel.Section> sections = areas.stream().map(this::section).toList();
    List<Recommendation> recs = areas.stream().flatMap(a -> a.recommendations().stream()).toList();
    List<String> recommendations = new ArrayList<>();
    for (Recommendation r : recs) {
      recommendations.add("**" + r.area().title() + " — " + r.rule() + ":** " + r.action()
          + ". Evidence: " + r.evidence() + ".");
    }
    if (recommendations.isEmpty()) {
      boolean allRan = areas.stream().allMatch(AreaResult::ran);
      // The rules fire past the targets: latency above its limit, throughput below its floor.
      recommendations.add("No optimization needed: no recommendation rule (latency > "
          + Format.number(Targets.LATENCY.limit()) + " ms, throughput < "
          + Format.number(Targets.THROUGHPUT.limit()) + " msg/sec, memory growing without bound,"
          + " scroll < 60 fps) was"
          + " triggered by the " + (allRan ? "" : "metrics ") + "measured"
          + (allRan ? " figures." : " in this run; the others were not run.")
          + " Monitor in production.");
    }

    String verdictSignOff = switch (verdict) {
      case PASS -> full ? "Performance baseline established. Ready for production."
          : "All measured targets met in a scaled-down run. Not signed off: this is not a"
              + " production baseline; run `mvn verify` with the assignment profile.";
      case FAIL -> "Not ready for production: " + failed.size() + " target"
          + (failed.size() == 1 ? "" : "s") + " missed (see Recommendations).";
      case INCOMPLETE -> "Not ready for production: not every metric was measured in this run.";
    };
    String signOff = selfCheck ? SELF_CHECK + " Verdict of the self-check: " + verdict.name()
        + "." : verdictSignOff;

    List<ReportModel.Row> findings = checks.stream().map(c -> new ReportModel.Row(
        Markdown.cell(c.metric()), Markdown.cell(c.display()), Markdown.cell(c.target()),
        c.status().label())).toList();
    List<String> completeness = areas.stream().map(a -> a.area().title() + ": "
        + (!a.ran() ? "not run in this invocation"
            : a.checks().stream().anyMatch(c -> c.status() == Status.NOT_MEASURED)
                ? "run, but not everything could be measured" : "measured")).toList();
    boolean allComplete = areas.stream().allMatch(a -> a.ran()
        && a.checks().stream().noneMatch(c -> c.status() == Status.NOT_MEASURED));
    boolean ready = verdict == Verdict.PASS && full && !selfCheck;
    String readyReason = selfCheck ? SELF_CHECK
        : ready ? "All four metrics were measured with the assignment's parameters"
        + " and met their targets."
        : !full ? "Not a full-assignment run (profile '" + profile + "')."
        : verdict == Verdict.FAIL ? failed.size() + " target" + (failed.size() == 1 ? "" : "s")
            + " missed."
        : "Not every metric was measured.";
    return new ReportModel(Format.time(generatedAt), profile, notice, target, verdict.name(),
        summary, sections, recommendations, signOff, findings, completeness,
        allComplete ? "YES" : "NO", ready ? "YES" : "NO", readyReason,
        capabilities.map(ReportModelBuilder::targetTable).orElse(List.of()), null, List.of());
  }

  /** The "Target" table: each capability, what was found, and what it changes in the report. */
  public static List<ReportModel.Row> targetTable(TargetCapabilities c) {
    return List.of(
        capability("Streams (`stream` frames before the `response`)", c.streams(),
            c.streamsDetail(), "first-token latency is shown only when it streams"),
        capability("Heartbeat ack (`heartbeat_ack`)", c.heartbeatAck(), c.heartbeatAckDetail(),
            "stability from acks when supported, else from WebSocket ping/pong"),
        capability("Echoes the message `id`", c.echoesId(), c.echoesIdDetail(),
            "replies matched by id when echoed, else in order"),
        capability("Chat page with the configured selectors", c.chatPage(),
            c.chatPageDetail(), "UI render is measured only on a page it can drive"),
        capability("`/metrics`", c.metrics(), c.metricsDetail(),
            "server memory from /metrics when no -Dtarget.pid"),
        capability("`-Dtarget.pid` alive", c.pidAlive(), c.pidDetail(),
            "server memory and CPU from the process"));
  }

  private static ReportModel.Row capability(String label, Boolean flag, String detail,
      String changes) {
    String value = (flag == null ? "unknown" : flag ? "yes" : "no")
        + (detail == null || detail.isBlank() ? "" : " — " + detail);
    return new ReportModel.Row(Markdown.cell(label), Markdown.cell(value), Markdown.cell(changes),
        "");
  }

  /** What a run against the embedded reference server signs off instead of production. */
  static final String SELF_CHECK = "Self-check of the suite: this run measured the suite's own"
      + " embedded reference server, not a Port 8000 server, so it signs nothing off. To judge"
      + " your server, start it and run `mvn verify -Dtarget.url=http://127.0.0.1:8000"
      + " -Dtarget.pid=<its pid>` (README, \"Run it against your server\").";

  private static String describeTarget(RunMeta m) {
    return m.targetUrl() + (m.targetStartedByRun() ? " (embedded reference server)" : "");
  }

  private ReportModel.Section section(AreaResult a) {
    List<ReportModel.Row> details = new ArrayList<>();
    for (Detail d : a.details()) {
      details.add(new ReportModel.Row(Markdown.cell(d.label()), Markdown.cell(d.value()), "",
          ""));
    }
    return new ReportModel.Section(a.area().title(), a.metric(), a.result(), a.target(),
        a.ran() ? a.status().label() : "⏭️ NOT RUN", details, a.block(), a.notes(),
        a.links().stream().map(l -> new ReportModel.Href(l.label(), linkHref.apply(l))).toList(),
        a.charts().stream().map(c -> new ReportModel.Href(c.title(), chartHref.apply(c))).toList());
  }
}
