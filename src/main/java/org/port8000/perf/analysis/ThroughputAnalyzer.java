package org.port8000.perf.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.PhaseTimings;
import org.port8000.perf.results.RequestNames;
import org.port8000.perf.results.ResourceSamples;
import org.port8000.perf.results.RunMeta;

/**
 * §1 Message throughput, from the message-timings probe: the assignment's burst from one client
 * (judged) beside the same burst from many clients, and the highest sustained rate — the highest
 * step below the first that broke (fewer than 99.9 % of messages answered, or p95 over 200 ms).
 * Error frames and error replies are failed messages.
 */
public final class ThroughputAnalyzer extends AreaAnalyzer {
  /**
   * The load generator shares the machine with a local target: above this share of all cores a
   * broken step may be the machine's limit, and the report says so.
   */
  static final double GENERATOR_BUSY_PERCENT = 80;
  /** The same for the whole machine (generator, target and everything else). */
  static final double MACHINE_BUSY_PERCENT = 90;

  public ThroughputAnalyzer() {
    super(Area.THROUGHPUT, "message throughput");
  }

  @Override
  protected AreaResult analyze(GatlingRun run, Optional<RunMeta> meta,
      Optional<ResourceSamples> samples, AreaResult.Builder section) {
    Optional<PhaseTimings> timings =
        probe(run, PhaseTimings.PROBE, PhaseTimings.class);
    if (meta.isEmpty()) {
      String what = timings.isEmpty() ? "no phase completed"
          : "the phases that completed are shown";
      section.check(new Check("message.run.completed", 0.0, "runs", "finished", Status.FAIL,
          "the load generator's JVM died before the end of the run (no run facts written); "
              + what));
      section.note("The load generator's JVM died before the end of the run: " + what + ".");
    }
    if (timings.isEmpty()) {
      section.note("The run wrote no message timings (probe-timings.json): it did not finish.");
    }
    oneClientBurst(timings, section);
    manyClientBurst(timings, section);
    String headline = sustained(timings, section);
    return section.build(headline);
  }

  /** The assignment's burst: one client, latency per message, judged. */
  private void oneClientBurst(Optional<PhaseTimings> timings, AreaResult.Builder section) {
    Optional<PhaseTimings.Phase> burst =
        timings.flatMap(t -> phase(t, RequestNames.ONE_CLIENT_BURST));
    if (burst.isEmpty() || burst.get().latency() == null) {
      burstNotMeasured(burst, section);
      return;
    }
    PhaseTimings.Phase p = burst.get();
    PhaseTimings.Latency l = p.latency();
    long dropped = p.planned() - p.replied();
    section.detail("Burst, one client", p.planned() + " messages on one connection, one every "
        + Format.number(1000.0 / p.offeredPerSecond()) + " ms regardless of replies");
    section.detail("Messages sent", p.sent() + " of " + p.planned() + " planned");
    section.detail("Messages received", p.replied() + failures(p));
    section.detail("Avg latency", l.mean() + " ms");
    section.detail("Max latency", l.max() + " ms");
    section.detail("Min latency", l.min() + " ms");
    section.detail("p50 / p95 / p99 latency", l.p50() + " / " + l.p95() + " / " + l.p99()
        + " ms");
    firstToken(p, section, "First token (send → first stream frame) p50 / p95");
    Optional<String> queued = queueing(p);
    queued.ifPresent(s -> {
      section.detail("Replies queued", s);
      section.note("Burst, one client: " + s);
    });
    section.detail("Burst throughput", Format.number(p.achievedPerSecond())
        + " messages/second (offered: " + Format.number(p.offeredPerSecond()) + " msg/s; the"
        + " burst's fixed cadence caps it, see the sustained steps)");
    Check latency = Targets.LATENCY.check("message.burst.latency.p95", l.p95());
    section.check(latency);
    section.check(Targets.LATENCY.check("message.burst.latency.avg", l.mean()));
    section.check(Check.none("message.burst.dropped", dropped, "messages"));
    if (latency.status() == Status.FAIL || !Targets.LATENCY.met(l.mean())) {
      section.recommend("High Latency Issues (> 200 ms)",
          "Add caching, compress messages, batch updates",
          "burst latency p95 " + l.p95() + " ms, avg " + l.mean() + " ms"
              + queued.map(s -> "; " + s).orElse(""));
    }
    if (dropped > 0) {
      section.recommend("Dropped messages",
          "Find where replies are lost (handler errors, overflowing queues, closed sockets)"
              + " before tuning speed",
          dropped + " of " + p.planned() + " burst messages failed" + failures(p));
    }
  }

  private static void burstNotMeasured(Optional<PhaseTimings.Phase> burst,
      AreaResult.Builder section) {
    String why = burst.isPresent()
        ? "no reply arrived: every burst message failed" + failures(burst.get())
        : "the burst did not run (see the run's notes)";
    section.check(Targets.LATENCY.notMeasured("message.burst.latency.p95", why));
    section.check(Targets.LATENCY.notMeasured("message.burst.latency.avg", why));
    if (burst.isPresent()) {
      section.check(Check.none("message.burst.dropped", burst.get().planned(), "messages"));
    } else {
      section.check(Check.notMeasured("message.burst.dropped", "messages", "0 messages", why));
    }
    section.note("Burst latency not measured: " + why + ".");
  }

  /** The same burst from many clients, one connection per message: shown beside, not judged. */
  private void manyClientBurst(Optional<PhaseTimings> timings, AreaResult.Builder section) {
    timings.flatMap(t -> phase(t, RequestNames.BURST)).ifPresent(p -> section.detail(
        "Burst, many clients (one connection per message)",
        p.replied() + "/" + p.planned() + " answered" + failures(p) + (p.latency() == null ? ""
            : ", p50 / p95 " + p.latency().p50() + " / " + p.latency().p95() + " ms")));
  }

  /**
   * A sentence when the one-client burst's replies queued up: the last messages waited markedly
   * longer than the first (by at least the interval between sends).
   */
  static Optional<String> queueing(PhaseTimings.Phase p) {
    if (p.perMessageMs() == null) {
      return Optional.empty();
    }
    List<Integer> answered = p.perMessageMs().stream().filter(v -> v >= 0).toList();
    if (answered.size() < 4) {
      return Optional.empty();
    }
    int tenth = Math.max(1, answered.size() / 10);
    double first = median(answered.subList(0, tenth));
    double last = median(answered.subList(answered.size() - tenth, answered.size()));
    double interval = 1000.0 / p.offeredPerSecond();
    if (last - first < interval) {
      return Optional.empty();
    }
    return Optional.of("the replies queued up: the target took longer to answer than the "
        + Format.number(interval) + " ms between this client's messages, so each reply waited"
        + " behind the previous ones (latency grew from " + Format.number(first)
        + " ms for the first messages to " + Format.number(last) + " ms for the last).");
  }

  private static double median(List<Integer> values) {
    List<Integer> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get((sorted.size() - 1) / 2);
  }

  private static void firstToken(PhaseTimings.Phase p, AreaResult.Builder section,
      String label) {
    section.detail(label, p.firstToken() != null
        ? p.firstToken().p50() + " / " + p.firstToken().p95() + " ms"
        : "the target sends no stream frames (only the final response)");
  }

  /** " (3 error frames, 2 error replies, 1 timed out)" or "". */
  static String failures(PhaseTimings.Phase p) {
    List<String> f = new ArrayList<>();
    if (p.errorFrames() > 0) {
      f.add(p.errorFrames() + " error frames");
    }
    if (p.errorReplies() > 0) {
      f.add(p.errorReplies() + " error replies");
    }
    if (p.timedOut() > 0) {
      f.add(p.timedOut() + " without a reply within the timeout");
    }
    long unsent = p.planned() - p.sent();
    if (unsent > 0) {
      f.add(unsent + " not sent");
    }
    return f.isEmpty() ? "" : " (failed: " + String.join(", ", f) + ")";
  }

  /** Sustained throughput: the highest rising step that held; returns the headline. */
  private String sustained(Optional<PhaseTimings> timings, AreaResult.Builder section) {
    List<StepOutcome> outcomes = new ArrayList<>();
    timings.ifPresent(t -> t.phases().stream()
        .filter(p -> RequestNames.isStep(p.name()))
        .forEach(p -> outcomes.add(new StepOutcome(p))));
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
    } else if (broke != null && Targets.THROUGHPUT.met(broke.phase.offeredPerSecond())) {
      // The first step already offered more than the target: whether the target holds the
      // target rate is unknown, so this is no FAIL of "< 50 msg/s" (and no such advice).
      String why = "the first step " + broke.phase.name() + " already broke (" + broke.why()
          + "), and no lower step ran; add lower -Dthroughput.steps to find the sustained rate";
      sustained = Targets.THROUGHPUT.notMeasured("message.throughput.sustained", why);
      headline = "below " + broke.phase.name() + " (first step broke)";
      section.detail("Sustained throughput", "not measured: " + why);
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
  public static boolean stepHeld(PhaseTimings.Phase step) {
    return new StepOutcome(step).passed();
  }

  private static Optional<PhaseTimings.Phase> phase(PhaseTimings t, String name) {
    return t.phases().stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** One step's figures and whether it held. */
  private record StepOutcome(PhaseTimings.Phase phase) {

    int p95() {
      return phase.latency() == null ? 0 : phase.latency().p95();
    }

    /** Computed from the counts, so 999 of 1,000 is exactly 99.9. */
    double repliedPercent() {
      return phase.planned() == 0 ? 0 : phase.replied() * 100.0 / phase.planned();
    }

    boolean passed() {
      return phase.replied() > 0 && Targets.STEP_REPLIES.met(repliedPercent())
          && Targets.LATENCY.met(p95());
    }

    String why() {
      List<String> w = new ArrayList<>();
      if (!Targets.STEP_REPLIES.met(repliedPercent())) {
        w.add(Format.percent(repliedPercent() / 100) + " of messages answered (needs "
            + Targets.STEP_REPLIES.prose() + ")" + failures(phase));
      }
      if (phase.replied() > 0 && !Targets.LATENCY.met(p95())) {
        w.add("p95 " + p95() + " ms (needs " + Targets.LATENCY.prose() + ")");
      }
      machineLimit().ifPresent(w::add);
      return String.join(", ", w);
    }

    /** When the machine was busy: the whole machine's CPU if measured, else the generator's. */
    Optional<String> machineLimit() {
      Double machine = phase.machineCpuPercent();
      Double generator = phase.generatorCpuPercent();
      if (machine != null && machine >= MACHINE_BUSY_PERCENT) {
        return Optional.of("this machine's CPU was " + Format.number(machine) + "% busy"
            + (generator == null ? "" : " (the load generator " + Format.number(generator)
                + "%, the target and everything else the rest)")
            + ", so this may be the machine's limit rather than the target's");
      }
      if (machine == null && generator != null && generator >= GENERATOR_BUSY_PERCENT) {
        return Optional.of("the load generator itself used " + Format.number(generator)
            + "% of this machine's CPU, so this may be the machine's limit rather than the"
            + " target's");
      }
      return Optional.empty();
    }

    String describe() {
      Double cpu = phase.generatorCpuPercent();
      Double machine = phase.machineCpuPercent();
      String late = phase.lateSends() == 0 ? ""
          : "; " + phase.lateSends() + " sends fell more than 50 ms behind schedule (up to "
              + phase.maxSendLagMs() + " ms; counted in their latency)";
      return phase.replied() + "/" + phase.planned() + " answered ("
          + Format.percent(repliedPercent() / 100) + ")" + failures(phase) + ", p95 "
          + (phase.replied() > 0 ? p95() + " ms" : "n/a") + ", achieved "
          + Format.number(phase.achievedPerSecond()) + " msg/s over " + phase.connections()
          + " connections"
          + (cpu == null ? "" : ", load generator CPU " + Format.number(cpu) + "%")
          + (machine == null ? "" : ", machine CPU " + Format.number(machine) + "%") + late
          + " — " + (passed() ? "held" : "broke: " + why());
    }
  }
}
