package org.port8000.perf.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.port8000.perf.analysis.BenchmarkResult.LatencyRow;
import org.port8000.perf.results.BenchmarkOperation;
import org.port8000.perf.results.RequestStats;

/**
 * The latency table: each operation's count, errors (timeouts and {@code success:false} among them)
 * and percentiles from Gatling's stats of the latency phase, judged by p95 against the seed's
 * target for that operation.
 */
final class LatencyRows {
  private LatencyRows() {}

  static List<LatencyRow> judge(BenchmarkRun run, BenchmarkSection section) {
    List<LatencyRow> rows = new ArrayList<>();
    for (BenchmarkOperation o : BenchmarkOperation.values()) {
      rows.add(row(o, run.request(o.requestName()), section));
    }
    return rows;
  }

  private static LatencyRow row(
      BenchmarkOperation o, Optional<RequestStats> s, BenchmarkSection section) {
    String key = "benchmark.latency." + o.name().toLowerCase(Locale.ROOT);
    String target = "< " + o.targetP95Ms() + " ms";
    if (s.isEmpty() || s.get().ok() == 0) {
      return notMeasured(o, s, section, key, target);
    }
    RequestStats r = s.get();
    Check p95 =
        section.check(new Threshold("<", o.targetP95Ms(), "ms").check(key + ".p95", r.p95()));
    Check errors =
        section.check(
            Check.none(key + ".errors", r.ko(), "errors")
                .withNote(
                    r.ko() > 0
                        ? r.ko()
                            + " of "
                            + r.total()
                            + " failed (errors, timeouts or"
                            + " success:false)"
                        : ""));
    Status st = Status.worst(List.of(p95.status(), errors.status()));
    String margin = BenchmarkThresholds.margin(r.p95(), o.targetP95Ms());
    section.compare(
        o.label()
            + ": p95 "
            + r.p95()
            + " ms, "
            + margin
            + " the "
            + o.targetP95Ms()
            + " ms target"
            + (r.ko() > 0 ? "; " + r.ko() + " errors" : ""));
    if (st == Status.FAIL) {
      section.recommend(recommendation(o, r, p95.status(), errors.status()));
    }
    return new LatencyRow(
        o.label(),
        String.valueOf(r.total()),
        String.valueOf(r.ko()),
        r.p50() + " ms",
        r.p95() + " ms",
        r.p99() + " ms",
        r.max() + " ms",
        target,
        margin,
        st.label());
  }

  /** An operation the run sent no request of, or whose every request failed. */
  private static LatencyRow notMeasured(
      BenchmarkOperation o,
      Optional<RequestStats> s,
      BenchmarkSection section,
      String key,
      String target) {
    String why =
        s.isEmpty()
            ? "the run sent no '" + o.requestName() + "' request"
            : "all " + s.get().ko() + " '" + o.requestName() + "' requests failed";
    section.check(Check.notMeasured(key + ".p95", "ms", target, why));
    return new LatencyRow(
        o.label(),
        s.map(x -> String.valueOf(x.total())).orElse("0"),
        s.map(x -> String.valueOf(x.ko())).orElse("–"),
        "–",
        "not measured: " + why,
        "–",
        "–",
        target,
        "–",
        Status.NOT_MEASURED.label());
  }

  /** What to do about an operation that missed its p95 target, had errors, or both. */
  private static String recommendation(
      BenchmarkOperation o, RequestStats r, Status p95, Status errors) {
    return "**"
        + o.label()
        + "** — "
        + (p95 == Status.FAIL
            ? "p95 "
                + r.p95()
                + " ms is not under the "
                + o.targetP95Ms()
                + " ms target: profile this endpoint under the latency"
                + " phase's load (Gatling request '"
                + o.requestName()
                + "')"
            : "")
        + (errors == Status.FAIL
            ? (p95 == Status.FAIL ? "; " : "")
                + r.ko()
                + " of "
                + r.total()
                + " requests failed: see the errors of '"
                + o.requestName()
                + "' in the Gatling report"
            : "")
        + ".";
  }
}
