package org.port8000.perf.report;

import java.util.List;
import org.port8000.perf.baseline.BaselineView;

/**
 * Everything the templates show, already formatted: the templates only list and test.
 *
 * @param profileNotice empty for a run with the assignment's full parameters; otherwise the warning
 *     shown at the top of every report
 * @param baseline the "Compared with baseline" section; null when the report step did not compare
 *     (then the section is left out)
 * @param targetTable the target's capabilities (label = capability, value = yes/no/unknown, target
 *     = what it changes); empty when no run recorded them
 * @param injectors the injectors of a merged run, one table per simulation; empty for a run of one
 *     injector (then the section is left out)
 */
public record ReportModel(
    String generatedAt,
    String profile,
    String profileNotice,
    String target,
    String verdict,
    List<String> summary,
    List<Section> sections,
    List<String> recommendations,
    String signOff,
    List<Row> keyFindings,
    List<String> completeness,
    String allComplete,
    String readyForWindow3,
    String readyReason,
    List<Row> targetTable,
    BaselineView baseline,
    List<InjectorsModel.Table> injectors) {

  /** One metric's section, in the assignment's REPORT FORMAT. */
  public record Section(
      String title,
      String metric,
      String result,
      String target,
      String status,
      List<Row> details,
      List<String> block,
      List<String> notes,
      List<Href> links,
      List<Href> charts,
      List<Table> tables) {}

  /** A small table of a section: header cells, rows of as many cells, a note below (or empty). */
  public record Table(String title, List<String> columns, List<List<String>> rows, String note) {}

  /** A table row or a label/value line; cells are markdown-safe. */
  public record Row(String label, String value, String target, String status) {}

  /** A link relative to the report's folder. */
  public record Href(String label, String href) {}
}
