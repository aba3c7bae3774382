package org.port8000.perf.report;

import java.util.List;
import org.port8000.perf.analysis.Format;
import org.port8000.perf.results.InjectorFacts;
import org.port8000.perf.results.MergedRunFolder;

/**
 * The "Injectors" section of a merged run's report, formatted: one table per simulation, one row
 * per injector, and a headline with the pooled figures.
 */
public final class InjectorsModel {
  private InjectorsModel() {}

  /** One simulation's injectors. */
  public record Table(String simulation, String headline, List<Row> rows) {}

  /** One injector; every cell already formatted and markdown-safe. */
  public record Row(
      String index,
      String host,
      String target,
      String users,
      String requests,
      String rate,
      String started,
      String injectorCpu,
      String machineCpu,
      String saturated) {}

  public static List<Table> of(List<MergedRunFolder.Injectors> merged) {
    return merged.stream().map(InjectorsModel::table).toList();
  }

  static Table table(MergedRunFolder.Injectors m) {
    long ok = m.rows().stream().mapToLong(MergedRunFolder.Row::ok).sum();
    long ko = m.rows().stream().mapToLong(MergedRunFolder.Row::ko).sum();
    long saturated =
        m.rows().stream().filter(r -> Boolean.TRUE.equals(r.facts().saturated())).count();
    String headline =
        m.rows().size()
            + " injectors, run `"
            + Markdown.cell(m.runId())
            + "`: "
            + (ok + ko)
            + " requests ("
            + ok
            + " OK, "
            + ko
            + " KO) at "
            + Format.number(m.requestsPerSecond())
            + " requests/s over "
            + Format.number(m.windowMs() / 1000.0)
            + " s, pooled from every injector's log."
            + (saturated == 0
                ? ""
                : " "
                    + saturated
                    + " injector"
                    + (saturated == 1 ? " was" : "s" + " were")
                    + " CPU-saturated: "
                    + "its load may have come late, and its latencies include its own queueing.");
    return new Table(
        Markdown.cell(m.simulation()),
        headline,
        m.rows().stream().map(InjectorsModel::row).toList());
  }

  static Row row(MergedRunFolder.Row r) {
    InjectorFacts f = r.facts();
    String cpu =
        f.processCpuPercent() == null
            ? "not measured (the JVM does not tell)"
            : Format.number(f.processCpuPercent())
                + " % of "
                + f.cores()
                + " cores ("
                + Format.number(f.processCpuSeconds())
                + " CPU-s)";
    String machine =
        f.machineCpuPercent() == null
            ? "not measured"
            : Format.number(f.machineCpuPercent()) + " %";
    Boolean s = f.saturated();
    String saturated =
        s == null
            ? "not measured"
            : s ? "**yes** (≥ " + Format.number(InjectorFacts.SATURATED_PERCENT) + " %)" : "no";
    return new Row(
        String.valueOf(f.index()),
        Markdown.cell(f.host()),
        r.target() == null ? "not recorded" : Markdown.cell(r.target()),
        String.valueOf(r.usersStarted()),
        r.ok() + " OK / " + r.ko() + " KO",
        Format.number(r.requestsPerSecond()),
        "+" + Format.number(r.startOffsetMs() / 1000.0) + " s",
        Markdown.cell(cpu),
        machine,
        saturated);
  }
}
