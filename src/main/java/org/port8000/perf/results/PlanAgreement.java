package org.port8000.perf.results;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Figures of a plan every injector must share before their counts can be summed: injectors that ran
 * different plans (another profile, another interval) counted unlike things, and a sum of them
 * would be no run's figure. The refusal names the file, the field and every folder's value.
 */
final class PlanAgreement {
  private PlanAgreement() {}

  static <T> void require(
      String file, Map<Path, T> byFolder, String field, Function<T, Object> value) {
    Set<Object> distinct = new LinkedHashSet<>();
    byFolder.values().forEach(f -> distinct.add(value.apply(f)));
    if (distinct.size() < 2) {
      return;
    }
    StringBuilder values = new StringBuilder();
    byFolder.forEach(
        (folder, f) ->
            values
                .append(values.length() == 0 ? "" : ", ")
                .append(Objects.toString(value.apply(f)))
                .append(" in ")
                .append(folder));
    throw new MergeRefused(
        "Refusing to merge "
            + file
            + ": the injectors' "
            + field
            + " differ ("
            + values
            + "). Their counts are not of one plan; run every injector with the same profile"
            + " and settings.");
  }
}
