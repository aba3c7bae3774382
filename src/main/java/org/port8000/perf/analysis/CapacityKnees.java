package org.port8000.perf.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.port8000.perf.analysis.BenchmarkResult.Ramp;
import org.port8000.perf.analysis.BenchmarkResult.StepRow;
import org.port8000.perf.results.BenchmarkFacts;
import org.port8000.perf.results.BenchmarkFacts.Step;
import org.port8000.perf.results.BenchmarkOperation;
import org.port8000.perf.results.BenchmarkRequests;
import org.port8000.perf.results.RequestStats;

/**
 * The rising capacity ramps (API calls/s, idle WebSocket connections, connect/disconnect churn),
 * each judged by {@link CapacityRule} on the steps as the simulation recorded them: the same rule
 * on the same data that stopped the ramp, so the knee is the step that stopped it. Capacity is
 * judged apart from latency (a slow server that holds every level holds them); each step's latency
 * is shown beside it, as the simulation timed it and as Gatling's report shows it, and the latency
 * targets are judged by the latency rows only. Each step shows the load generator's CPU, so a knee
 * the generator caused is not blamed on the target.
 */
final class CapacityKnees {
  /** Timed request kinds as the simulation's steps record them. */
  private static final String CHAT = BenchmarkRequests.STEP_CHAT;

  private static final String CONNECT = BenchmarkRequests.STEP_CONNECT;
  private static final String REPLY = BenchmarkRequests.STEP_REPLY;

  private final BenchmarkRun run;
  private final BenchmarkSection section;
  private final CapacityRule share999;
  private final CapacityRule all;

  CapacityKnees(BenchmarkRun run, BenchmarkSection section, BenchmarkFacts.Parameters p) {
    this.run = run;
    this.section = section;
    this.share999 = CapacityRule.mostUsers(p.capacityLatencyFactor(), p.capacityLatencyAddMs());
    this.all = CapacityRule.everyUser(p.capacityLatencyFactor(), p.capacityLatencyAddMs());
  }

  /** The ramp's first step that ran: the baseline of the responsiveness rule. */
  private static Step lowest(List<Step> steps) {
    return steps.stream().filter(s -> !s.skipped()).findFirst().orElse(null);
  }

  /** The rule's reason for a step, or the simulation's when it cut the step short. */
  private static String why(CapacityRule rule, Step s, Step lowest) {
    if (s.skipped()) {
      return skippedWhy(s);
    }
    String why = rule.why(s, lowest);
    return cutShort(s, why);
  }

  /**
   * How a ramp is shown: its title and rule, the unit of its knee (a rate or a count), and the
   * timed request whose p95 spread over the steps the knee's text names (null: the worst).
   */
  private record Table(
      String title,
      String rule,
      String unit,
      boolean perSecond,
      String spreadKind,
      String spreadLabel) {}

  /** A step's row of the ramp's table, given why it broke (null when it held). */
  private interface RowOf {
    StepRow row(Step s, String why);
  }

  /** Judges each step by {@code rule}, finds the knee and adds the ramp's table. */
  private Knee ramp(List<Step> steps, CapacityRule rule, Table table, RowOf rowOf) {
    if (steps.isEmpty()) {
      return null;
    }
    Step lowest = lowest(steps);
    List<String> whys = new ArrayList<>();
    List<StepRow> rows = new ArrayList<>();
    for (Step s : steps) {
      String why = why(rule, s, lowest);
      whys.add(why);
      rows.add(rowOf.row(s, why));
    }
    Knee k = Knee.walk(steps, whys, spread(steps, table.spreadKind(), table.spreadLabel()));
    section.ramp(
        new Ramp(
            table.title(),
            table.rule(),
            rows,
            k.text(table.unit(), table.perSecond()) + stopped(steps) + busyNote(k)));
    return k;
  }

  /** An open mix of the read operations in rising steps; null when the ramp did not run. */
  Knee api(List<Step> steps) {
    return ramp(
        steps,
        share999,
        new Table(
            "API calls/s (open mix of the read operations)",
            "A step holds while ≥ 99.9 % of its calls succeed and "
                + share999.describe()
                + ";"
                + " the worst p95 relative to its latency target is shown (the latency targets are"
                + " judged by the latency rows).",
            "calls/s",
            true,
            null,
            "worst operation p95"),
        this::apiRow);
  }

  private StepRow apiRow(Step s, String why) {
    long ok = 0;
    long ko = 0;
    int worstP95 = 0;
    BenchmarkOperation worstOp = null;
    for (BenchmarkOperation o : BenchmarkOperation.reads()) {
      Optional<RequestStats> r = run.request(o.apiStepName(s.level()));
      if (r.isEmpty()) {
        continue;
      }
      ok += r.get().ok();
      ko += r.get().ko();
      if (r.get().p95() * 1.0 / o.targetP95Ms()
          > (worstOp == null ? -1 : worstP95 * 1.0 / worstOp.targetP95Ms())) {
        worstP95 = r.get().p95();
        worstOp = o;
      }
    }
    return new StepRow(
        s.name(),
        achieved(s, "calls/s"),
        s.skipped() ? "–" : ok + " ok, " + ko + " failed",
        worstOp == null ? "–" : worstP95 + " ms (" + worstOp.requestName() + ")",
        generatorCpu(s),
        "–",
        result(s, why));
  }

  /** Idle connections in rising levels while a probe chats; null when the ramp did not run. */
  Knee connections(List<Step> steps) {
    return ramp(
        steps,
        all,
        new Table(
            "Concurrent WebSocket connections (idle, rising levels)",
            "A level holds when every connection opened, the server counts them all (when it has a"
                + " count), and a probe connection chatting meanwhile gets every reply with "
                + all.describe()
                + ". The chat latency is shown beside each level; the < "
                + BenchmarkOperation.WS_MESSAGE.targetP95Ms()
                + " ms target is judged by the"
                + " latency rows.",
            "connections",
            false,
            CHAT,
            "chat p95"),
        this::connectionRow);
  }

  private StepRow connectionRow(Step s, String why) {
    Optional<RequestStats> open = run.request(BenchmarkRequests.connectionOpen(s.level()));
    Optional<RequestStats> probe = run.request(BenchmarkRequests.connectionProbe(s.level()));
    long opened = open.map(RequestStats::ok).orElse(0L);
    long failed = open.map(RequestStats::ko).orElse(0L);
    if (why == null && s.serverConnections() == null) {
      section.note(
          "At "
              + s.name()
              + " the server's connection count could not be read"
              + " (/api/health has no active_connections): the level is judged without it.");
    }
    // Each level opens only the connections the levels before it did not leave open.
    return new StepRow(
        s.level() + " connections",
        s.skipped()
            ? "–"
            : opened + " more opened (" + (s.level() - s.planned()) + " held from before)",
        s.skipped() ? "–" : failed + " failed to open",
        chat(s, probe),
        generatorCpu(s),
        s.serverConnections() == null ? "–" : s.serverConnections() + " open (server's count)",
        result(s, why));
  }

  /** Connect → message → close at rising rates; null when the ramp did not run. */
  Knee churn(List<Step> steps) {
    return ramp(
        steps,
        share999,
        new Table(
            ChurnRetention.RAMP_TITLE + " (connect → one message → close)",
            "A rate holds while ≥ 99.9 % of its cycles get their reply and "
                + share999.describe()
                + " (connect and reply). Latency targets are judged by the latency rows.",
            "connections/s",
            true,
            REPLY,
            "reply p95"),
        this::churnRow);
  }

  private StepRow churnRow(Step s, String why) {
    Optional<RequestStats> connect = run.request(BenchmarkRequests.churnConnect(s.level()));
    Optional<RequestStats> message = run.request(BenchmarkRequests.churnMessage(s.level()));
    long ok = message.map(RequestStats::ok).orElse(0L);
    long failed = s.planned() - ok;
    return new StepRow(
        s.name(),
        achieved(s, "connections/s"),
        s.skipped() ? "–" : ok + " ok, " + failed + " failed",
        timed(s, CONNECT, "connect", connect) + ", " + timed(s, REPLY, "reply", message),
        generatorCpu(s),
        "–",
        result(s, why));
  }

  /** "110 ms (Gatling 112 ms)": the step's chat p95 as the simulation timed it and Gatling. */
  private static String chat(Step s, Optional<RequestStats> gatling) {
    return timed(s, CHAT, "chat", gatling);
  }

  private static String timed(Step s, String kind, String label, Optional<RequestStats> gatling) {
    Integer own = s.p95Ms().get(kind);
    String g = gatling.filter(r -> r.ok() > 0).map(r -> "Gatling " + r.p95() + " ms").orElse(null);
    if (own == null) {
      return g == null ? "–" : label + " " + g;
    }
    return label + " " + own + " ms" + (g == null ? "" : " (" + g + ")");
  }

  /** "chat p95 110 ms at every level" or "chat p95 5–9 ms over the levels that ran". */
  private static String spread(List<Step> steps, String kind, String label) {
    List<Integer> values = new ArrayList<>();
    for (Step s : steps) {
      if (s.skipped()) {
        continue;
      }
      Integer v =
          kind != null
              ? s.p95Ms().get(kind)
              : s.p95Ms().values().stream().max(Integer::compare).orElse(null);
      if (v != null) {
        values.add(v);
      }
    }
    if (values.isEmpty()) {
      return null;
    }
    int min = values.stream().min(Integer::compare).get();
    int max = values.stream().max(Integer::compare).get();
    // within 10 % of each other is "the same" at this resolution
    return max - min <= Math.max(2, max / 10)
        ? label + " " + max + " ms at every " + (values.size() == 1 ? "step that ran" : "level")
        : label + " " + min + "–" + max + " ms over the levels that ran";
  }

  /** The step that stopped the ramp in the simulation, with its reason, when one did. */
  private static String stopped(List<Step> steps) {
    return steps.stream()
        .filter(s -> s.stopReason() != null)
        .findFirst()
        .map(
            s -> " The simulation stopped the ramp after " + s.name() + ": " + s.stopReason() + ".")
        .orElse("");
  }

  private static String result(Step s, String why) {
    return s.skipped() ? "not run" : why == null ? "held" : "broke: " + why;
  }

  private static String achieved(Step s, String unit) {
    return s.achievedPerSecond() == null
        ? "–"
        : Format.number(s.achievedPerSecond()) + " " + unit + " (offered " + s.level() + ")";
  }

  static String generatorCpu(Step s) {
    return s.skipped()
        ? "–"
        : s.generatorCpuPercent() == null
            ? "not measured (the JVM does not tell)"
            : Format.number(s.generatorCpuPercent()) + " %";
  }

  /** A step the simulation cut short (the target stopped keeping up) says so. */
  private static String cutShort(Step s, String why) {
    return why != null && s.stopReason() != null && s.stopReason().contains("outstanding")
        ? s.stopReason()
        : why;
  }

  private static String skippedWhy(Step s) {
    return s.skipped() ? "not run: the simulation's stop rule ended the ramp before it" : null;
  }

  private String busyNote(Knee k) {
    if (k.broke() != null
        && k.broke().generatorCpuPercent() != null
        && k.broke().generatorCpuPercent() >= BenchmarkThresholds.GENERATOR_BUSY_PERCENT) {
      section.recommend(
          "**Load generator** — it used "
              + Format.number(k.broke().generatorCpuPercent())
              + " % of this machine's CPU when "
              + k.broke().name()
              + " broke: run it on another machine (or other cores) to find the"
              + " target's own knee.");
      return " The load generator used "
          + Format.number(k.broke().generatorCpuPercent())
          + " % of all cores then: the limit may be this machine's, not the target's.";
    }
    return "";
  }
}
