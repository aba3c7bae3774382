package org.port8000.perf.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.PhaseTimings;
import org.port8000.perf.results.RequestNames;
import org.port8000.perf.results.RequestStats;
import org.port8000.perf.results.RunMeta;

/**
 * §1 Message throughput: the burst's latency and drops, and the highest sustained rate — the
 * highest step below the first that broke (fewer than 99.9 % of replies or p95 over 200 ms).
 */
public final class ThroughputAnalyzer extends AreaAnalyzer {
  /**
   * The load generator shares the machine with a local target: above this share of all cores a
   * broken step may be the machine's limit, and the report says so.
   */
  static final double GENERATOR_BUSY_PERCENT = 80;

  public ThroughputAnalyzer() {
    super(Area.THROUGHPUT, "message throughput");
  }

  @Override
  protected AreaResult analyze(GatlingRun run, Optional<RunMeta> meta,
      AreaResult.Builder section) {
    Optional<PhaseTimings> timings =
        probe(run, PhaseTimings.PROBE, PhaseTimings.class);
    if (timings.isEmpty()) {
      section.note("The run wrote no message timings (probe-timings.json): it did not finish.");
    }
    burst(run, timings, section);
    String headline = sustained(run, timings, section);
    return section.build(headline);
  }

  /** The burst: latency, dropped messages and the burst's own rate. */
  private void burst(GatlingRun run, Optional<PhaseTimings> timings,
      AreaResult.Builder section) {
    Optional<PhaseTimings.Phase> burstPhase = timings.flatMap(t -> phase(t, RequestNames.BURST));
    Optional<RequestStats> reply = run.request(RequestNames.reply(RequestNames.BURST));
    if (burstPhase.isEmpty() || reply.isEmpty() || reply.get().ok() == 0) {
      burstNotMeasured(burstPhase, reply, section);
      return;
    }
    PhaseTimings.Phase p = burstPhase.get();
    RequestStats r = reply.get();
    long connectFailures = run.request(RequestNames.connect(RequestNames.BURST))
        .map(RequestStats::ko).orElse(0L);
    long dropped = p.planned() - r.ok();
    section.detail("Messages sent", p.sent() + " of " + p.planned() + " planned"
        + (connectFailures > 0 ? " (" + connectFailures + " could not connect)" : ""));
    section.detail("Messages received", r.ok() + (dropped > 0
        ? " (" + dropped + " lost: no reply within the timeout)" : ""));
    section.detail("Avg latency", r.mean() + " ms");
    section.detail("Max latency", r.max() + " ms");
    section.detail("Min latency", r.min() + " ms");
    section.detail("p50 / p95 / p99 latency", r.p50() + " / " + r.p95() + " / " + r.p99()
        + " ms");
    run.request(RequestNames.reply(RequestNames.WARMUP)).ifPresent(w -> section.detail(
        "Warm-up (not counted)",
        w.total() + " messages before the burst, so a fresh server's JIT is not measured"));
    run.request(RequestNames.firstToken(RequestNames.BURST)).filter(f -> f.ok() > 0)
        .ifPresent(f -> section.detail("First token (send → first stream frame) p50 / p95",
            f.p50() + " / " + f.p95() + " ms"));
    section.detail("Burst throughput", Format.number(p.achievedPerSecond())
        + " messages/second (offered: " + Format.number(p.offeredPerSecond()) + " msg/s; the"
        + " burst's fixed cadence caps it, see the sustained steps)");
    Check latency = Targets.LATENCY.check("message.burst.latency.p95", r.p95());
    section.check(latency);
    section.check(Targets.LATENCY.check("message.burst.latency.avg", r.mean()));
    section.check(Check.none("message.burst.dropped", dropped, "messages"));
    if (latency.status() == Status.FAIL || !Targets.LATENCY.met(r.mean())) {
      section.recommend("High Latency Issues (> 200 ms)",
          "Add caching, compress messages, batch updates",
          "burst latency p95 " + r.p95() + " ms, avg " + r.mean() + " ms");
    }
    if (dropped > 0) {
      section.recommend("Dropped messages",
          "Find where replies are lost (handler errors, overflowing queues, closed sockets)"
              + " before tuning speed",
          dropped + " of " + p.planned() + " burst messages got no reply within the timeout");
    }
  }

  private static void burstNotMeasured(Optional<PhaseTimings.Phase> burstPhase,
      Optional<RequestStats> reply, AreaResult.Builder section) {
    String why = reply.isPresent() ? "no reply arrived: every burst message timed out or failed"
        : "the burst did not send any message (see the run's notes)";
    section.check(Targets.LATENCY.notMeasured("message.burst.latency.p95", why));
    section.check(Targets.LATENCY.notMeasured("message.burst.latency.avg", why));
    if (burstPhase.isPresent() && reply.isPresent()) {
      section.check(Check.none("message.burst.dropped", burstPhase.get().planned(),
          "messages"));
    } else {
      section.check(Check.notMeasured("message.burst.dropped", "messages", "0 messages", why));
    }
    section.note("Burst latency not measured: " + why + ".");
  }

  /** Sustained throughput: the highest rising step that held; returns the headline. */
  private String sustained(GatlingRun run, Optional<PhaseTimings> timings,
      AreaResult.Builder section) {
    List<StepOutcome> outcomes = new ArrayList<>();
    timings.ifPresent(t -> t.phases().stream().filter(p -> !p.name().equals(RequestNames.BURST))
        .forEach(p -> outcomes.add(StepOutcome.of(p, run.request(RequestNames.reply(p.name()))))));
    StepOutcome highest = null;
    StepOutcome broke = null;
    for (StepOutcome o : outcomes) {
      section.detail("Step " + o.phase.name(), o.describe());
      if (broke == null && o.passed()) {
        highest = o;
      } else if (broke == null) {
        broke = o;
      }
    }
    Check sustained;
    String headline;
    if (highest != null) {
      double achieved = highest.phase.achievedPerSecond();
      headline = Format.number(achieved) + " msg/sec";
      String limit = broke == null
          ? "no step broke up to " + highest.phase.name() + " (the highest step configured), so"
              + " the real limit is higher"
          : "step " + broke.phase.name() + " broke: " + broke.why();
      section.detail("Sustained throughput", headline + " at step " + highest.phase.name()
          + "; " + limit);
      sustained = Targets.THROUGHPUT.check("message.throughput.sustained", achieved)
          .withNote(limit);
    } else if (broke != null) {
      sustained = Targets.THROUGHPUT.check("message.throughput.sustained", 0).withNote(
          "the first step " + broke.phase.name() + " already broke: " + broke.why());
      headline = "below " + broke.phase.name() + " (first step broke)";
      section.detail("Sustained throughput", "none: the first step " + broke.phase.name()
          + " broke: " + broke.why());
    } else {
      sustained = Targets.THROUGHPUT.notMeasured("message.throughput.sustained",
          "no throughput step ran");
      headline = "not measured";
    }
    section.check(sustained);
    if (sustained.status() == Status.FAIL) {
      section.recommend("Low Throughput (< 50 msg/sec)",
          "Optimize WebSocket handler, reduce processing",
          highest == null
              ? "no step held (" + Targets.STEP_REPLIES.prose() + " of replies and p95 "
                  + Targets.LATENCY.prose() + "); the first, " + broke.phase.name() + ", broke: "
                  + broke.why()
              : "sustained " + Format.number(highest.phase.achievedPerSecond()) + " msg/s"
                  + (broke == null ? "" : "; step " + broke.phase.name() + " broke: "
                      + broke.why()));
    }
    return headline;
  }

  /**
   * Whether a throughput step held ({@link Targets#STEP_REPLIES} of its replies, p95 within
   * {@link Targets#LATENCY}): the one rule, also for the baseline comparison's steps.
   */
  public static boolean stepHeld(PhaseTimings.Phase step, Optional<RequestStats> reply) {
    return StepOutcome.of(step, reply).passed();
  }

  private static Optional<PhaseTimings.Phase> phase(PhaseTimings t, String name) {
    return t.phases().stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** One step's figures and whether it held. */
  private record StepOutcome(PhaseTimings.Phase phase, long replied, double ratio, int p95) {
    static StepOutcome of(PhaseTimings.Phase p, Optional<RequestStats> reply) {
      long ok = reply.map(RequestStats::ok).orElse(0L);
      double ratio = p.planned() == 0 ? 0 : (double) ok / p.planned();
      return new StepOutcome(p, ok, ratio, reply.map(RequestStats::p95).orElse(0));
    }

    /** Computed from the counts, so 999 of 1,000 is exactly 99.9. */
    double repliedPercent() {
      return phase.planned() == 0 ? 0 : replied * 100.0 / phase.planned();
    }

    boolean passed() {
      return replied > 0 && Targets.STEP_REPLIES.met(repliedPercent()) && Targets.LATENCY.met(p95);
    }

    String why() {
      List<String> w = new ArrayList<>();
      if (!Targets.STEP_REPLIES.met(repliedPercent())) {
        w.add(Format.percent(ratio) + " of replies arrived (needs " + Targets.STEP_REPLIES.prose()
            + ")");
      }
      if (replied > 0 && !Targets.LATENCY.met(p95)) {
        w.add("p95 " + p95 + " ms (needs " + Targets.LATENCY.prose() + ")");
      }
      Double cpu = phase.generatorCpuPercent();
      if (cpu != null && cpu >= GENERATOR_BUSY_PERCENT) {
        w.add("the load generator itself used " + Format.number(cpu) + "% of this machine's CPU,"
            + " so this may be the machine's limit rather than the target's");
      }
      return String.join(", ", w);
    }

    String describe() {
      Double cpu = phase.generatorCpuPercent();
      return replied + "/" + phase.planned() + " replies (" + Format.percent(ratio) + "), p95 "
          + (replied > 0 ? p95 + " ms" : "n/a") + ", achieved "
          + Format.number(phase.achievedPerSecond()) + " msg/s"
          + (cpu == null ? "" : ", load generator CPU " + Format.number(cpu) + "%") + " — "
          + (passed() ? "held" : "broke: " + why());
    }
  }
}
