package org.port8000.perf.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.port8000.perf.analysis.BenchmarkResult.Ramp;
import org.port8000.perf.results.BenchmarkFacts;
import org.port8000.perf.results.BenchmarkFacts.Snapshot;
import org.port8000.perf.results.BenchmarkFacts.Step;

/**
 * Whether churn gives memory and open files back. Memory: after the churn ramp the simulation
 * churns in rounds at one fixed rate, each followed by a cool-down and a reading of the server's
 * resident memory. A JVM grows its heap once under new load and does not give it back, which is no
 * leak per connection; so the series starts at the reading after the first round, and the memory
 * kept per connection is the Theil–Sen slope of the later readings over cumulative connections,
 * with Sen's 95 % interval. It passes when the whole interval is under the limit, fails when the
 * whole interval is over it, and otherwise (or when the limit times the judged connections is
 * inside a JVM's noise) says it cannot resolve the figure: never a verdict on what the run could
 * not tell. Open files: after the last round's cool-down, compared with the reading before the
 * churn ramp.
 */
final class ChurnRetention {
  static final String RAMP_TITLE = "Connect/disconnect churn";
  static final String MEMORY_METRIC = "benchmark.churn.retainedPerConnection";
  static final String FILES_METRIC = "benchmark.churn.openFilesAfterCoolDown";

  /** Memory kept per churned connection above this is retained (a leak per connection). */
  static final Threshold RETAINED = new Threshold("<=", 32, "KB");

  /**
   * A JVM's resident memory moves by a few MB on its own (heap resizing, code cache): growth within
   * this over the judged connections is not attributed to them.
   */
  static final double NOISE_FLOOR_MB = 4;

  /** Open files may differ from the baseline by this many (server housekeeping). */
  static final int OPEN_FILES_SLACK = 5;

  /** Readings the slope needs (after the first round): fewer give no interval. */
  static final int MIN_READINGS = 3;

  static final String RAISE = "raise benchmark.churn.roundConnections or benchmark.churn.rounds";

  private final BenchmarkSection section;

  private ChurnRetention(BenchmarkSection section) {
    this.section = section;
  }

  /** A reading after a round: cumulative connections churned so far and resident memory. */
  record Reading(long connections, long rssBytes) {}

  static void judge(BenchmarkRun run, BenchmarkSection section) {
    new ChurnRetention(section).judge(run);
  }

  private void judge(BenchmarkRun run) {
    Optional<BenchmarkFacts> facts = run.facts();
    String text = memory(facts) + " " + openFiles(facts);
    section.compare("Churn: " + text);
    section.updateRamp(
        RAMP_TITLE, r -> new Ramp(r.title(), r.rule(), r.steps(), r.result() + " " + text));
  }

  /** The readings after each round that ran, in order; the first is after round 1. */
  static List<Reading> readings(BenchmarkFacts f) {
    List<Reading> out = new ArrayList<>();
    long connections = 0;
    for (int i = 0; i < f.churnRounds().size(); i++) {
      Step round = f.churnRounds().get(i);
      if (round.skipped()) {
        break;
      }
      connections += round.ok() + round.failed();
      long sofar = connections;
      f.snapshot(BenchmarkFacts.churnRoundLabel(i + 1))
          .ifPresent(s -> out.add(new Reading(sofar, s.rssBytes())));
    }
    return out;
  }

  /** The memory slope over the readings: KB per connection with its 95 % interval. */
  private record Slope(
      int readings, long judged, double kb, double lo, double hi, long firstRss, long lastRss) {

    /** The slope of the readings, or null when they give none. */
    static Slope of(List<Reading> r, long judged) {
      double[] x = r.stream().mapToDouble(Reading::connections).toArray();
      double[] y = r.stream().mapToDouble(Reading::rssBytes).toArray();
      TheilSen.Estimate e = judged > 0 ? TheilSen.estimate(x, y) : null;
      if (e == null) {
        return null;
      }
      return new Slope(
          r.size(),
          judged,
          e.slope() / 1024,
          e.lower() / 1024,
          e.upper() / 1024,
          r.get(0).rssBytes(),
          r.get(r.size() - 1).rssBytes());
    }

    String figures() {
      return Format.number(kb)
          + " KB per connection (95 % interval "
          + Format.number(lo)
          + " to "
          + Format.number(hi)
          + " KB; Theil–Sen slope of "
          + readings
          + " readings, one after each churn round from the first on (its growth"
          + " excluded), over the "
          + judged
          + " connections after the first; memory "
          + Format.mb(firstRss)
          + " → "
          + Format.mb(lastRss)
          + " MB)";
    }
  }

  /** A verdict on the slope and what the report says of it. */
  private record Judged(Status status, String note) {}

  private String memory(Optional<BenchmarkFacts> facts) {
    List<Reading> r = facts.map(ChurnRetention::readings).orElse(List.of());
    if (r.size() < MIN_READINGS) {
      return memoryNotMeasured(tooFewReadings(facts, r.size()));
    }
    long judged = r.get(r.size() - 1).connections() - r.get(0).connections();
    Slope slope = Slope.of(r, judged);
    if (slope == null) {
      return memoryNotMeasured("the rounds after the first churned " + judged + " connections");
    }
    Judged j = judge(slope);
    Status status = j.status();
    String figures = slope.figures();
    section.check(
        new Check(
            MEMORY_METRIC,
            status == Status.NOT_MEASURED ? null : slope.kb(),
            RETAINED.unit(),
            RETAINED.text() + " per connection",
            status,
            status == Status.NOT_MEASURED ? j.note() + " (" + figures + ")" : j.note()));
    if (status == Status.FAIL) {
      section.recommend(
          "**Per-connection memory** — the server kept "
              + Format.number(slope.kb())
              + " KB per churned connection (at least "
              + Format.number(slope.lo())
              + " KB) round after"
              + " round: look for per-connection state (buffers, conversations, listeners) not"
              + " released on close.");
    }
    return switch (status) {
      case PASS ->
          "Memory kept per churned connection: "
              + figures
              + ", under the "
              + RETAINED.prose()
              + " limit: returned to its level.";
      case FAIL ->
          "Memory kept per churned connection: "
              + figures
              + ", over the "
              + RETAINED.prose()
              + " limit: NOT given back.";
      default -> "Memory kept per churned connection: " + j.note() + ".";
    };
  }

  private static String tooFewReadings(Optional<BenchmarkFacts> facts, int readings) {
    if (facts.isEmpty()) {
      return "the run wrote no benchmark facts";
    }
    if (!facts.get().processMeasured()) {
      return facts.get().processSource();
    }
    return "only "
        + readings
        + " memory readings after the churn rounds (needs "
        + MIN_READINGS
        + "; "
        + facts.get().churnRounds().size()
        + " rounds ran)";
  }

  private String memoryNotMeasured(String why) {
    section.check(RETAINED.notMeasured(MEMORY_METRIC, why));
    return "Memory kept per churned connection not measured: " + why + ".";
  }

  /**
   * Pass or fail only when the whole interval is on one side of the limit and the growth the limit
   * allows over the judged connections is above a JVM's own noise.
   */
  private static Judged judge(Slope slope) {
    // The smallest rate per connection that growth above the noise floor could show.
    double floorKb = NOISE_FLOOR_MB * 1024 / slope.judged();
    double lo = slope.lo();
    double hi = slope.hi();
    if (floorKb > RETAINED.limit()) {
      double resolution = Math.max(floorKb, (hi - lo) / 2);
      return new Judged(
          Status.NOT_MEASURED,
          "cannot resolve (± "
              + Format.number(resolution)
              + " KB per connection): "
              + slope.judged()
              + " connections × "
              + RETAINED.prose()
              + " is inside the "
              + Format.number(NOISE_FLOOR_MB)
              + " MB a JVM's memory moves on its own; "
              + RAISE);
    }
    Status status = RETAINED.judgeInterval(lo, hi);
    if (status != Status.NOT_MEASURED) {
      return new Judged(status, slope.figures());
    }
    return new Judged(
        status,
        "cannot resolve (± "
            + Format.number((hi - lo) / 2)
            + " KB per connection): the"
            + " 95 % interval "
            + Format.number(lo)
            + " to "
            + Format.number(hi)
            + " KB straddles the "
            + RETAINED.prose()
            + " limit; "
            + RAISE);
  }

  private String openFiles(Optional<BenchmarkFacts> facts) {
    Optional<Snapshot> base = facts.flatMap(f -> f.snapshot(BenchmarkFacts.CHURN_BASELINE));
    Optional<Snapshot> after = facts.flatMap(f -> f.snapshot(BenchmarkFacts.CHURN_AFTER));
    String target = "baseline + " + OPEN_FILES_SLACK;
    if (base.isEmpty() || after.isEmpty()) {
      String why =
          facts
              .map(f -> f.processMeasured() ? "the churn phase did not finish" : f.processSource())
              .orElse("the run wrote no benchmark facts");
      section.check(Check.notMeasured(FILES_METRIC, "files", target, why));
      return "Open files after the churn not measured: " + why + ".";
    }
    long baseFiles = base.get().openFiles();
    long afterFiles = after.get().openFiles();
    long limit = baseFiles + OPEN_FILES_SLACK;
    Status status =
        baseFiles < 0 || afterFiles < 0
            ? Status.NOT_MEASURED
            : afterFiles <= limit ? Status.PASS : Status.FAIL;
    section.check(
        new Check(
            FILES_METRIC,
            (double) afterFiles,
            "files",
            "<= " + limit + " files (baseline " + baseFiles + " + " + OPEN_FILES_SLACK + ")",
            status,
            "open file descriptors of the server (sockets included)"));
    if (status == Status.FAIL) {
      section.recommend(
          "**Open files** — "
              + (afterFiles - baseFiles)
              + " more open files"
              + " after the churn's cool-down than before: sockets or files are not closed with"
              + " their connection.");
    }
    return "Open files "
        + baseFiles
        + " → "
        + afterFiles
        + " after the last round's"
        + " cool-down: "
        + (status == Status.PASS
            ? "back to their baseline."
            : status == Status.FAIL ? "NOT back to their baseline." : "not measured.");
  }
}
