package org.port8000.perf.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.port8000.perf.analysis.BenchmarkResult.Ramp;

/**
 * Collects what the benchmark's judges conclude, in the order they add it: checks, the lines of
 * "Comparison to Targets" and the headroom, recommendations, notes and the capacity ramps. The
 * benchmark's status is always the worst of its checks.
 */
final class BenchmarkSection {
  final List<Check> checks = new ArrayList<>();
  final List<String> comparison = new ArrayList<>();
  final List<String> headroom = new ArrayList<>();
  final List<String> recommendations = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  final List<Ramp> ramps = new ArrayList<>();

  Check check(Check c) {
    checks.add(c);
    return c;
  }

  void compare(String line) {
    comparison.add(line);
  }

  void headroom(String line) {
    headroom.add(line);
  }

  void recommend(String line) {
    recommendations.add(line);
  }

  void note(String sentence) {
    notes.add(sentence);
  }

  void ramp(Ramp ramp) {
    ramps.add(ramp);
  }

  /** Rewrites the ramps whose title starts with {@code title}, e.g. to add a finding. */
  void updateRamp(String title, UnaryOperator<Ramp> change) {
    ramps.replaceAll(r -> r.title().startsWith(title) ? change.apply(r) : r);
  }

  Status status() {
    return Status.worst(checks.stream().map(Check::status).toList());
  }
}
