package org.port8000.perf.analysis;

import java.util.List;

/**
 * A small table of a section, already formatted, e.g. the target's memory per instance.
 *
 * @param title shown above it
 * @param columns the header cells
 * @param rows each as many cells as there are columns
 * @param note a sentence below it; may be empty
 */
public record Table(String title, List<String> columns, List<List<String>> rows, String note) {
  public Table {
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
  }
}
