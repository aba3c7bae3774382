package org.port8000.perf.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.port8000.perf.results.CapabilityFacts;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.PhaseFacts;
import org.port8000.perf.results.RequestNames;
import org.port8000.perf.results.RequestStats;
import org.port8000.perf.results.ResourceFacts;
import org.port8000.perf.results.RunFacts;

/**
 * §1 Message throughput: the assignment's burst from one client (timed by the message probe, whose
 * sends Gatling cannot await), the same burst from many clients and the throughput steps (Gatling's
 * own figures for their {@code reply} and {@code first token} requests, so each p50/p95/p99 here is
 * what Gatling's HTML report shows), and the highest sustained rate by the knee rule ({@link
 * StepRule}: replies, p95, late sends; a broken step repeated once; a break below a held step is
 * transient; a break on a ≥ 90 % busy machine is the machine's bound).
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
  protected AreaResult analyze(
      GatlingRun run,
      Optional<RunFacts> meta,
      Optional<ResourceFacts> samples,
      AreaResult.Builder section) {
    Optional<PhaseFacts> timings = probe(run, PhaseFacts.PROBE, PhaseFacts.class);
    if (meta.isEmpty()) {
      String what =
          timings.isEmpty() ? "no phase completed" : "the phases that completed are shown";
      section.check(
          new Check(
              CheckIds.RUN_COMPLETED,
              0.0,
              "runs",
              "finished",
              Status.FAIL,
              "the load generator's JVM died before the end of the run (no run facts written); "
                  + what));
      section.note("The load generator's JVM died before the end of the run: " + what + ".");
    }
    if (timings.isEmpty()) {
      section.note("The run wrote no message timings (probe-timings.json): it did not finish.");
    }
    section.detail(
        "Where the latencies are",
        "Gatling's report (linked above) times every"
            + " round trip of the many-client burst and the steps: its '"
            + RequestNames.reply("…")
            + "' and '"
            + RequestNames.firstToken("…")
            + "' rows are the"
            + " figures below. The one-client burst's sends do not wait for replies, so Gatling"
            + " cannot time them: its '"
            + RequestNames.ONE_CLIENT_BURST_SEND
            + "' rows are sends"
            + " only, and the burst's latencies are the probe's, in this section.");
    boolean noStreams =
        CapabilityFacts.read(run.folder())
            .map(c -> Boolean.FALSE.equals(c.streams()))
            .orElse(false);
    List<PhaseFacts.Phase> phases = timings.map(t -> measured(run, t)).orElse(List.of());
    oneClientBurst(phase(phases, RequestNames.ONE_CLIENT_BURST), section);
    manyClientBurst(phase(phases, RequestNames.BURST), noStreams, section);
    String headline = sustained(phases, section);
    targetResources(samples, section);
    return section.build(headline);
  }

  /**
   * The target's memory and CPU over the whole run, per instance when it has several: figures only,
   * §1 sets no target for them. Not measured, with the reason, when the run could not read them.
   */
  private static void targetResources(Optional<ResourceFacts> samples, AreaResult.Builder section) {
    String memory = "Target's memory during the run (at load start / peak / end)";
    if (samples.isEmpty() || !samples.get().measured()) {
      section.detail(
          memory,
          "not measured: "
              + samples
                  .map(MemorySeries::sourceText)
                  .orElse("the run wrote no readings (" + ResourceFacts.PROBE + " probe file)"));
      return;
    }
    ResourceFacts s = samples.get();
    InstanceTable.Figures f = InstanceTable.sum(s);
    section.detail(
        memory,
        InstanceTable.mb(f.startBytes())
            + " / "
            + InstanceTable.mb(f.peakBytes())
            + " / "
            + InstanceTable.mb(f.endBytes()));
    section.detail(
        "Target's CPU during the run (mean / peak, % of one core)",
        InstanceTable.percent(f.cpuMean()) + " / " + InstanceTable.percent(f.cpuPeak()));
    section.detail("Memory source", MemorySeries.sourceText(s));
    InstanceTable.of(s).ifPresent(section::table);
  }

  /** The assignment's burst: one client, latency per message, judged. */
  private void oneClientBurst(Optional<PhaseFacts.Phase> burst, AreaResult.Builder section) {
    if (burst.isEmpty() || burst.get().latency() == null) {
      burstNotMeasured(burst, section);
      return;
    }
    PhaseFacts.Phase p = burst.get();
    PhaseFacts.Latency l = p.latency();
    long dropped = p.planned() - p.replied();
    Optional<String> queued = burstDetails(p, section);
    Check latency = Thresholds.LATENCY.check(CheckIds.BURST_P95, l.p95());
    section.check(latency);
    section.check(Thresholds.LATENCY.check(CheckIds.BURST_AVG, l.mean()));
    section.check(Check.none(CheckIds.BURST_DROPPED, dropped, "messages"));
    if (latency.status() == Status.FAIL || !Thresholds.LATENCY.met(l.mean())) {
      section.recommend(
          "High Latency Issues (> 200 ms)",
          "Add caching, compress messages, batch updates",
          "burst latency p95 "
              + l.p95()
              + " ms, avg "
              + l.mean()
              + " ms"
              + queued.map(s -> "; " + s).orElse(""));
    }
    if (dropped > 0) {
      section.recommend(
          "Dropped messages",
          "Find where replies are lost (handler errors, overflowing queues, closed sockets)"
              + " before tuning speed",
          dropped + " of " + p.planned() + " burst messages failed" + failures(p));
    }
  }

  /** The one-client burst's rows; returns the sentence when its replies queued up. */
  private static Optional<String> burstDetails(PhaseFacts.Phase p, AreaResult.Builder section) {
    PhaseFacts.Latency l = p.latency();
    section.detail(
        "Burst, one client",
        p.planned()
            + " messages on one connection, one every "
            + Format.number(1000.0 / p.offeredPerSecond())
            + " ms regardless of replies");
    section.detail("Messages sent", p.sent() + " of " + p.planned() + " planned");
    section.detail("Messages received", p.replied() + failures(p));
    section.detail("Avg latency", l.mean() + " ms");
    section.detail("Max latency", l.max() + " ms");
    section.detail("Min latency", l.min() + " ms");
    section.detail("p50 / p95 / p99 latency", l.p50() + " / " + l.p95() + " / " + l.p99() + " ms");
    section.detail(
        "First token, one client (the message's scheduled send → its first stream"
            + " frame, timed by the probe) p50 / p95",
        p.firstToken() != null
            ? p.firstToken().p50() + " / " + p.firstToken().p95() + " ms"
            : "not streamed (no stream frame arrived, only final responses)");
    Optional<String> queued = queueing(p);
    queued.ifPresent(
        s -> {
          section.detail("Replies queued", s);
          section.note("Burst, one client: " + s);
        });
    section.detail(
        "Burst throughput",
        Format.number(p.achievedPerSecond())
            + " messages/second (offered: "
            + Format.number(p.offeredPerSecond())
            + " msg/s; the"
            + " burst's fixed cadence caps it, see the sustained steps)");
    return queued;
  }

  private static void burstNotMeasured(
      Optional<PhaseFacts.Phase> burst, AreaResult.Builder section) {
    String why =
        burst.isPresent()
            ? "no reply arrived: every burst message failed" + failures(burst.get())
            : "the burst did not run (see the run's notes)";
    section.check(Thresholds.LATENCY.notMeasured(CheckIds.BURST_P95, why));
    section.check(Thresholds.LATENCY.notMeasured(CheckIds.BURST_AVG, why));
    if (burst.isPresent()) {
      section.check(Check.none(CheckIds.BURST_DROPPED, burst.get().planned(), "messages"));
    } else {
      section.check(Check.notMeasured(CheckIds.BURST_DROPPED, "messages", "0 messages", why));
    }
    section.note("Burst latency not measured: " + why + ".");
  }

  /**
   * The same burst from many clients, one connection per message, each round trip a Gatling
   * request: judged like the one-client burst (p95 within the latency target, none dropped), as the
   * simulation's Gatling assertions do.
   */
  private void manyClientBurst(
      Optional<PhaseFacts.Phase> burst, boolean noStreams, AreaResult.Builder section) {
    if (burst.isEmpty()) {
      return;
    }
    PhaseFacts.Phase p = burst.get();
    section.detail(
        "Burst, many clients (one connection per message; Gatling's '"
            + RequestNames.reply(RequestNames.BURST)
            + "')",
        p.replied()
            + "/"
            + p.planned()
            + " answered"
            + gatlingFailures(p)
            + (p.latency() == null
                ? ""
                : ", p50 / p95 / p99 "
                    + p.latency().p50()
                    + " / "
                    + p.latency().p95()
                    + " / "
                    + p.latency().p99()
                    + " ms"));
    section.detail(FIRST_TOKEN_LABEL + ", many clients", firstToken(p, noStreams));
    if (p.latency() == null) {
      section.check(
          Thresholds.LATENCY.notMeasured(
              CheckIds.MANY_CLIENTS_P95, "no reply arrived: every burst message failed"));
    } else {
      section.check(Thresholds.LATENCY.check(CheckIds.MANY_CLIENTS_P95, p.latency().p95()));
    }
    section.check(
        Check.none(
            CheckIds.MANY_CLIENTS_DROPPED, Math.max(0, p.planned() - p.replied()), "messages"));
  }

  /** What Gatling's first-token rows measure. */
  static final String FIRST_TOKEN_LABEL =
      "First token (send → first stream frame, timed by Gatling from the send) p50 / p95";

  private static String firstToken(PhaseFacts.Phase p, boolean noStreams) {
    if (p.firstToken() != null) {
      return p.firstToken().p50() + " / " + p.firstToken().p95() + " ms";
    }
    return noStreams
        ? "not streamed (the target sends no stream frames, only the final" + " response)"
        : "not measured (no first stream frame was recorded)";
  }

  /** " (failed: 3 not answered (Gatling's report lists each KO's reason), 2 not sent)" or "". */
  static String gatlingFailures(PhaseFacts.Phase p) {
    List<String> f = new ArrayList<>();
    long unsent = Math.max(0, p.planned() - p.sent());
    long unanswered = Math.max(0, p.planned() - p.replied() - unsent);
    if (unanswered > 0) {
      f.add(
          unanswered
              + " not answered (error frame, error reply, timeout or closed socket:"
              + " Gatling's report lists each KO's reason)");
    }
    if (unsent > 0) {
      f.add(unsent + " not sent");
    }
    return f.isEmpty() ? "" : " (failed: " + String.join(", ", f) + ")";
  }

  /**
   * The phases as the report judges them: the probe's facts (planned, sent, late sends, CPU, span)
   * with, for every phase but the one-client burst, Gatling's own figures for its {@code reply} and
   * {@code first token} requests (answered = OK replies; latency = Gatling's
   * min/mean/percentiles/max, as its HTML report shows them). A retry that did not run is left out.
   * Without any Gatling figures (a run whose JVM died) the probe's own counts stand, without
   * latencies.
   */
  public static List<PhaseFacts.Phase> measured(GatlingRun run, PhaseFacts timings) {
    List<PhaseFacts.Phase> out = new ArrayList<>();
    for (PhaseFacts.Phase p : timings.phases()) {
      // A run whose JVM died leaves a log Gatling cannot read: only the probe's counts remain.
      if (p.name().equals(RequestNames.ONE_CLIENT_BURST) || run.requests().isEmpty()) {
        out.add(p);
        continue;
      }
      if (RequestNames.isRetry(p.name()) && p.sent() == 0) {
        continue;
      }
      Optional<RequestStats> reply = run.request(RequestNames.reply(p.name()));
      Optional<RequestStats> first = run.request(RequestNames.firstToken(p.name()));
      long ok = reply.map(RequestStats::ok).orElse(0L);
      out.add(
          new PhaseFacts.Phase(
              p.name(),
              p.planned(),
              p.offeredPerSecond(),
              p.connections(),
              p.sent(),
              ok,
              0,
              0,
              Math.max(0, p.sent() - ok),
              p.lateSends(),
              p.maxSendLagMs(),
              p.firstSendMs(),
              p.lastReplyMs(),
              reply.map(ThroughputAnalyzer::latency).orElse(null),
              first.map(ThroughputAnalyzer::latency).orElse(null),
              null,
              p.generatorCpuPercent(),
              p.generatorCpuSeconds(),
              p.machineCpuPercent(),
              p.connections(),
              p.connections(),
              p.connectionBoundBy(),
              0));
    }
    return out;
  }

  /**
   * Gatling's own figures for a request, from the reader its HTML report uses. Its percentiles come
   * from a t-digest (randomised), so two readings of one log can differ by a few per cent; exact
   * nearest-rank percentiles of the raw times differ from the HTML report's by more (up to ~7 % at
   * p95 measured here), so the report shows Gatling's estimate.
   */
  private static PhaseFacts.Latency latency(RequestStats s) {
    return s.ok() == 0
        ? null
        : new PhaseFacts.Latency(
            (int) s.ok(), s.min(), s.mean(), s.p50(), s.p95(), s.p99(), s.max());
  }

  /**
   * A sentence when the one-client burst's replies queued up: the last messages waited markedly
   * longer than the first (by at least the interval between sends).
   */
  static Optional<String> queueing(PhaseFacts.Phase p) {
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
    return Optional.of(
        "the replies queued up: the target took longer to answer than the "
            + Format.number(interval)
            + " ms between this client's messages, so each reply waited"
            + " behind the previous ones (latency grew from "
            + Format.number(first)
            + " ms for the first messages to "
            + Format.number(last)
            + " ms for the last).");
  }

  private static double median(List<Integer> values) {
    List<Integer> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get((sorted.size() - 1) / 2);
  }

  /** " (3 error frames, 2 error replies, 1 timed out)" or "". */
  static String failures(PhaseFacts.Phase p) {
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

  /**
   * Sustained throughput by the knee rule; returns the headline. Each step is decided by its last
   * try (a broken first try is repeated once after a cool-down; the report shows both); the highest
   * step that held is the sustained rate, and a break below it was transient. The first step above
   * it that broke is the knee, reported as the machine's bound when the whole machine was at least
   * {@link #MACHINE_BUSY_PERCENT} % busy at the break.
   */
  private String sustained(List<PhaseFacts.Phase> phases, AreaResult.Builder section) {
    List<StepTries> tries = stepTries(phases);
    StepTries highest = null;
    for (StepTries t : tries) {
      if (t.held()) {
        highest = t;
      }
    }
    StepTries broke = knee(tries, highest);
    boolean passedHighest = false;
    for (StepTries t : tries) {
      section.detail(
          "Step " + t.first.phase.name(),
          t.describe(!passedHighest && highest != null && t != highest));
      passedHighest |= t == highest;
    }
    Optional<String> machineBound =
        broke == null ? Optional.empty() : broke.decisive().machineLimit();
    // why() already names the machine's CPU at the break: say only what follows from it.
    String bound =
        machineBound
            .map(m -> "; so this knee is the machine's bound, not the" + " target's")
            .orElse("");
    Sustained sustained;
    if (highest != null) {
      sustained = held(highest, broke, machineBound.isPresent(), bound, section);
    } else if (broke != null && Thresholds.THROUGHPUT.met(broke.first.phase.offeredPerSecond())) {
      sustained = firstStepAboveTargetBroke(broke, machineBound.isPresent(), bound, section);
    } else if (broke != null) {
      sustained = firstStepBroke(broke, bound, section);
    } else {
      sustained =
          new Sustained(
              Thresholds.THROUGHPUT.notMeasured(
                  CheckIds.THROUGHPUT_SUSTAINED, "no throughput step ran"),
              "not measured");
    }
    section.check(sustained.check());
    if (sustained.check().status() == Status.FAIL) {
      lowThroughputAdvice(highest, broke, section);
    }
    return sustained.headline();
  }

  /** The sustained rate's check and the section's headline. */
  private record Sustained(Check check, String headline) {}

  /** The steps in order, each with its first try and, when one ran, its retry. */
  private static List<StepTries> stepTries(List<PhaseFacts.Phase> phases) {
    Map<Integer, StepTries> steps = new LinkedHashMap<>();
    for (PhaseFacts.Phase p : phases) {
      if (RequestNames.isStep(p.name())) {
        StepTries t = steps.computeIfAbsent(RequestNames.stepRate(p.name()), r -> new StepTries());
        if (RequestNames.isRetry(p.name())) {
          t.retry = new StepOutcome(p);
        } else {
          t.first = new StepOutcome(p);
        }
      }
    }
    return steps.values().stream().filter(t -> t.first != null).toList();
  }

  /** The knee: the first step above the highest that held (or the first step) that broke. */
  private static StepTries knee(List<StepTries> tries, StepTries highest) {
    StepTries broke = null;
    boolean aboveHighest = highest == null;
    for (StepTries t : tries) {
      if (aboveHighest && !t.held() && broke == null) {
        broke = t;
      }
      aboveHighest |= t == highest;
    }
    return broke;
  }

  /** A step held: the highest one's achieved rate is the sustained rate. */
  private static Sustained held(
      StepTries highest,
      StepTries broke,
      boolean machineBound,
      String bound,
      AreaResult.Builder section) {
    double achieved = highest.decisive().phase.achievedPerSecond();
    String headline =
        Format.number(achieved) + " msg/sec" + (machineBound ? " (the machine's bound)" : "");
    String limit =
        broke == null
            ? "no step broke up to "
                + highest.first.phase.name()
                + " (the highest step"
                + " configured), so the real limit is higher"
            : "step " + broke.first.phase.name() + " broke: " + broke.why() + bound;
    section.detail(
        "Sustained throughput", headline + " at step " + highest.first.phase.name() + "; " + limit);
    return new Sustained(
        Thresholds.THROUGHPUT.check(CheckIds.THROUGHPUT_SUSTAINED, achieved).withNote(limit),
        headline);
  }

  /**
   * The first step already offered more than the target: whether the target holds the target rate
   * is unknown, so this is no FAIL of "< 50 msg/s" (and no such advice).
   */
  private static Sustained firstStepAboveTargetBroke(
      StepTries broke, boolean machineBound, String bound, AreaResult.Builder section) {
    String why =
        "the first step "
            + broke.first.phase.name()
            + " already broke ("
            + broke.why()
            + bound
            + "), and no lower step ran; add lower -Dthroughput.steps to"
            + " find the sustained rate";
    section.detail("Sustained throughput", "not measured: " + why);
    return new Sustained(
        Thresholds.THROUGHPUT.notMeasured(CheckIds.THROUGHPUT_SUSTAINED, why),
        "below "
            + broke.first.phase.name()
            + " (first step broke"
            + (machineBound ? " at the machine's bound" : "")
            + ")");
  }

  /** The first step, below the target, already broke: no rate was sustained. */
  private static Sustained firstStepBroke(
      StepTries broke, String bound, AreaResult.Builder section) {
    section.detail(
        "Sustained throughput",
        "none: the first step " + broke.first.phase.name() + " broke: " + broke.why() + bound);
    return new Sustained(
        Thresholds.THROUGHPUT
            .check(CheckIds.THROUGHPUT_SUSTAINED, 0)
            .withNote(
                "the first step "
                    + broke.first.phase.name()
                    + " already broke: "
                    + broke.why()
                    + bound),
        "below " + broke.first.phase.name() + " (first step broke)");
  }

  private static void lowThroughputAdvice(
      StepTries highest, StepTries broke, AreaResult.Builder section) {
    section.recommend(
        "Low Throughput (< 50 msg/sec)",
        "Optimize WebSocket handler, reduce processing",
        highest == null
            ? "no step held ("
                + Thresholds.STEP_REPLIES.prose()
                + " of replies and p95 "
                + Thresholds.LATENCY.prose()
                + "); the first, "
                + broke.first.phase.name()
                + ", broke: "
                + broke.why()
            : "sustained "
                + Format.number(highest.decisive().phase.achievedPerSecond())
                + " msg/s"
                + (broke == null
                    ? ""
                    : "; step " + broke.first.phase.name() + " broke: " + broke.why()));
  }

  /**
   * Whether one try of a throughput step held ({@link StepRule}): the one rule, also for the
   * baseline comparison's steps.
   */
  public static boolean stepHeld(PhaseFacts.Phase step) {
    return new StepOutcome(step).passed();
  }

  private static Optional<PhaseFacts.Phase> phase(List<PhaseFacts.Phase> phases, String name) {
    return phases.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** A step's first try and, when it broke, its second. */
  private static final class StepTries {
    StepOutcome first;
    StepOutcome retry;

    StepOutcome decisive() {
      return retry != null ? retry : first;
    }

    boolean held() {
      return decisive().passed();
    }

    String why() {
      return retry == null
          ? first.why() + (first.passed() ? "" : " (not repeated)")
          : "broke on both tries: first " + first.why() + "; then " + retry.why();
    }

    /** Both tries when there were two; {@code transientBreak}: a higher step held. */
    String describe(boolean belowHighest) {
      String text = first.describe();
      if (retry != null) {
        text =
            "try 1: "
                + text
                + "; try 2 after a cool-down: "
                + retry.describe()
                + (retry.passed() ? " (the first try's break was transient)" : "");
      }
      if (belowHighest && !held()) {
        text += " — transient: a higher step held";
      }
      return text;
    }
  }

  /** One try's figures and whether it held. */
  private record StepOutcome(PhaseFacts.Phase phase) {

    StepRule.Figures figures() {
      return new StepRule.Figures(
          phase.planned(),
          phase.replied(),
          phase.latency() == null ? 0 : phase.latency().p95(),
          phase.lateSends());
    }

    boolean passed() {
      return StepRule.held(figures());
    }

    String why() {
      List<String> w = new ArrayList<>(StepRule.why(figures()));
      machineLimit().ifPresent(w::add);
      return String.join(", ", w);
    }

    /** When the machine was busy: the whole machine's CPU if measured, else the generator's. */
    Optional<String> machineLimit() {
      Double machine = phase.machineCpuPercent();
      Double generator = phase.generatorCpuPercent();
      if (machine != null && machine >= MACHINE_BUSY_PERCENT) {
        return Optional.of(
            "this machine's CPU was "
                + Format.number(machine)
                + "% busy"
                + (generator == null
                    ? ""
                    : " (the load generator "
                        + Format.number(generator)
                        + "%, the target and everything else the rest)"));
      }
      if (machine == null && generator != null && generator >= GENERATOR_BUSY_PERCENT) {
        return Optional.of(
            "the load generator itself used "
                + Format.number(generator)
                + "% of this machine's CPU");
      }
      return Optional.empty();
    }

    String describe() {
      Double cpu = phase.generatorCpuPercent();
      Double machine = phase.machineCpuPercent();
      PhaseFacts.Latency l = phase.latency();
      String late =
          phase.lateSends() == 0
              ? ", no late sends"
              : ", "
                  + phase.lateSends()
                  + " late sends (the previous reply on their connection"
                  + " took longer than the pace; up to "
                  + phase.maxSendLagMs()
                  + " ms late)";
      return phase.replied()
          + "/"
          + phase.planned()
          + " answered ("
          + Format.percent(figures().repliedPercent() / 100)
          + ")"
          + gatlingFailures(phase)
          + (l == null
              ? ", p50 / p95 / p99 n/a"
              : ", p50 / p95 / p99 " + l.p50() + " / " + l.p95() + " / " + l.p99() + " ms")
          + (phase.firstToken() == null
              ? ""
              : ", first token p95 " + phase.firstToken().p95() + " ms")
          + late
          + ", achieved "
          + Format.number(phase.achievedPerSecond())
          + " msg/s over "
          + phase.connections()
          + " connections (one message each per "
          + Format.number(phase.connections() * 1000.0 / phase.offeredPerSecond())
          + " ms)"
          + (cpu == null ? "" : ", load generator CPU " + Format.number(cpu) + "%")
          + (machine == null ? "" : ", machine CPU " + Format.number(machine) + "%")
          + " — "
          + (passed() ? "held" : "broke: " + why());
    }
  }
}
