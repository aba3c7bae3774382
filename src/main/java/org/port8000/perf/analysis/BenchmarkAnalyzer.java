package org.port8000.perf.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.port8000.perf.analysis.BenchmarkResult.LatencyRow;
import org.port8000.perf.analysis.BenchmarkResult.Ramp;
import org.port8000.perf.analysis.BenchmarkResult.Row;
import org.port8000.perf.analysis.BenchmarkResult.StepRow;
import org.port8000.perf.results.BenchmarkFacts;
import org.port8000.perf.results.BenchmarkFacts.Snapshot;
import org.port8000.perf.results.BenchmarkFacts.Step;
import org.port8000.perf.results.BenchmarkOperation;
import org.port8000.perf.results.BenchmarkRequests;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.RequestStats;
import org.port8000.perf.results.ResourceSamples;
import org.port8000.perf.results.RunMeta;

/**
 * Judges the operation benchmark from Gatling's stats (latency, errors per request name) and the
 * simulation's probe files (steps, bots, process readings): latency rows against the seed's
 * targets by p95, each capacity ramp's knee (the highest step held before the first that broke),
 * resources, and whether churn gave memory and open files back.
 */
public final class BenchmarkAnalyzer {
  /** Share of a step's requests that must succeed, as in the simulation's stop rule. */
  static final double MIN_SHARE = 0.999;
  /** Above this share of all cores the load generator may itself be the limit. */
  static final double GENERATOR_BUSY_PERCENT = 80;
  /** Churn: memory kept per churned connection after the cool-down above this is retained. */
  static final double RETAINED_KB_PER_CONNECTION = 32;
  /**
   * Churn: growth below this is not judged as retained, whatever the connection count: a JVM's
   * resident memory moves by a few MB on its own (heap resizing, code cache).
   */
  static final double NOISE_FLOOR_MB = 4;
  /** Churn: open files may differ from the baseline by this many (server housekeeping). */
  static final int OPEN_FILES_SLACK = 5;

  // The seed's throughput and resource targets.
  static final double MESSAGES_PER_SECOND = 2.0;
  static final double API_CALLS_PER_SECOND = 10.0;
  static final int CONCURRENT_BOTS = 3;
  static final int CONCURRENT_CONNECTIONS = 50;
  static final double MB_PER_BOT = 200;
  static final double CPU_IDLE_PERCENT = 10;
  static final double CPU_BUSY_PERCENT = 30;

  // The assignment's load, against which headroom is stated.
  static final int ASSIGNMENT_CLIENTS = 10;
  static final double ASSIGNMENT_MESSAGES_PER_SECOND = 10;
  static final int SEED_CURRENT_BOTS = 5;

  /** One ramp's outcome: the held step, the step that broke (if any), and whether it was the bound. */
  private record Knee(Step held, Step broke, String why, boolean boundReached) {}

  public BenchmarkResult analyze(Optional<GatlingRun> maybeRun) {
    if (maybeRun.isEmpty()) {
      return BenchmarkResult.notRun();
    }
    return new Run(maybeRun.get()).analyze();
  }

  /** The analysis of one run; holds what the sections share. */
  private static final class Run {
    final GatlingRun run;
    final Optional<RunMeta> meta;
    final Optional<BenchmarkFacts> facts;
    final Optional<ResourceSamples> resources;
    final List<Check> checks = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final List<String> comparison = new ArrayList<>();
    final List<String> headroom = new ArrayList<>();
    final List<String> recommendations = new ArrayList<>();

    Run(GatlingRun run) {
      this.run = run;
      this.meta = ProbeFiles.read(run.folder(), RunMeta.PROBE, RunMeta.class);
      this.facts = ProbeFiles.read(run.folder(), BenchmarkFacts.PROBE, BenchmarkFacts.class);
      this.resources = ProbeFiles.read(run.folder(), ResourceSamples.PROBE,
          ResourceSamples.class);
    }

    BenchmarkResult analyze() {
      meta.ifPresent(m -> notes.addAll(m.notes()));
      if (facts.isEmpty()) {
        notes.add("The run wrote no benchmark facts (probe-benchmark.json): it did not finish.");
      }
      boolean answered = meta.map(RunMeta::targetAnsweredAtEnd).orElse(false);
      List<LatencyRow> latency = latencyRows();
      List<Ramp> ramps = new ArrayList<>();
      List<Row> throughput = new ArrayList<>();
      throughputRows(ramps, throughput);
      List<Row> resourceRows = resourceRows(ramps);
      churnReturn(ramps);
      if (!answered) {
        checks.add(new Check("benchmark.target.answered", 0.0, "", "answers at the end",
            Status.FAIL, "the target did not answer /api/health at the end of the run"));
      }
      Status status = Status.worst(checks.stream().map(Check::status).toList());
      List<Row> readiness = readiness(latency, answered);
      if (recommendations.isEmpty()) {
        recommendations.add("No recommendation: no latency row missed its target, no ramp broke"
            + " for a reason on the target's side, and churn gave its memory and open files back.");
      }
      long passed = checks.stream().filter(c -> c.status() == Status.PASS).count();
      String headline = status == Status.PASS ? "all " + checks.size() + " checks met"
          : status == Status.FAIL ? (checks.size() - passed) + " of " + checks.size()
              + " checks not met (" + checks.stream().filter(c -> c.status() == Status.FAIL)
                  .count() + " failed)"
          : "not everything could be measured (" + passed + " of " + checks.size() + " met)";
      List<String> conclusion = new ArrayList<>();
      conclusion.add("**" + status.label() + "** — " + headline + ".");
      checks.stream().filter(c -> c.status() != Status.PASS).forEach(c -> conclusion.add(
          (c.status() == Status.FAIL ? "❌ " : "⚠️ ") + c.metric() + ": " + c.display()
              + " (target " + c.target() + ")" + (c.note().isEmpty() ? "" : " — " + c.note())));
      List<Link> links = List.of(new Link("Gatling HTML report (" + run.simulationName() + ")",
          run.htmlReport(), false));
      String phase = facts.map(f -> f.parameters().latencyPerSecond() + " requests/s per"
          + " operation for " + f.parameters().latencySeconds() + " s, after a "
          + f.parameters().warmUpSeconds() + " s warm-up with 2 users").orElse("unknown");
      return new BenchmarkResult(true, status, headline, phase, latency, throughput, resourceRows,
          comparison, ramps, headroom, readiness, recommendations, conclusion, notes, links,
          checks);
    }

    // ---- latency

    List<LatencyRow> latencyRows() {
      List<LatencyRow> rows = new ArrayList<>();
      for (BenchmarkOperation o : BenchmarkOperation.values()) {
        String key = "benchmark.latency." + o.name().toLowerCase(Locale.ROOT);
        String target = "< " + o.targetP95Ms() + " ms";
        Optional<RequestStats> s = run.request(o.requestName());
        if (s.isEmpty() || s.get().ok() == 0) {
          String why = s.isEmpty() ? "the run sent no '" + o.requestName() + "' request"
              : "all " + s.get().ko() + " '" + o.requestName() + "' requests failed";
          checks.add(Check.notMeasured(key + ".p95", "ms", target, why));
          rows.add(new LatencyRow(o.label(), s.map(x -> String.valueOf(x.total())).orElse("0"),
              s.map(x -> String.valueOf(x.ko())).orElse("–"), "–", "not measured: " + why, "–",
              "–", target, "–", Status.NOT_MEASURED.label()));
          continue;
        }
        RequestStats r = s.get();
        Check p95 = new Target("<", o.targetP95Ms(), "ms").check(key + ".p95", r.p95());
        Check errors = Check.none(key + ".errors", r.ko(), "errors")
            .withNote(r.ko() > 0 ? r.ko() + " of " + r.total() + " failed (errors, timeouts or"
                + " success:false)" : "");
        checks.add(p95);
        checks.add(errors);
        Status st = Status.worst(List.of(p95.status(), errors.status()));
        String margin = margin(r.p95(), o.targetP95Ms());
        comparison.add(o.label() + ": p95 " + r.p95() + " ms, " + margin + " the " + o.targetP95Ms()
            + " ms target" + (r.ko() > 0 ? "; " + r.ko() + " errors" : ""));
        if (st == Status.FAIL) {
          recommendations.add("**" + o.label() + "** — "
              + (p95.status() == Status.FAIL ? "p95 " + r.p95() + " ms is not under the "
                  + o.targetP95Ms() + " ms target: profile this endpoint under the latency"
                  + " phase's load (Gatling request '" + o.requestName() + "')"
                  : "")
              + (errors.status() == Status.FAIL ? (p95.status() == Status.FAIL ? "; " : "")
                  + r.ko() + " of " + r.total() + " requests failed: see the errors of '"
                  + o.requestName() + "' in the Gatling report" : "") + ".");
        }
        rows.add(new LatencyRow(o.label(), String.valueOf(r.total()), String.valueOf(r.ko()),
            r.p50() + " ms", r.p95() + " ms", r.p99() + " ms", r.max() + " ms", target, margin,
            st.label()));
      }
      return rows;
    }

    static String margin(double measured, double limit) {
      double share = (limit - measured) / limit;
      return share >= 0 ? Format.number(share * 100) + " % below"
          : Format.number(-share * 100) + " % over";
    }

    // ---- capacity ramps and the throughput table

    void throughputRows(List<Ramp> ramps, List<Row> rows) {
      if (facts.isEmpty()) {
        for (String m : List.of("messages", "apiCalls", "bots", "connections")) {
          checks.add(Check.notMeasured("benchmark.throughput." + m, "", "see the seed",
              "the run wrote no benchmark facts"));
        }
        rows.add(new Row("All throughput figures", "not measured", "", Status.NOT_MEASURED.label(),
            "the run wrote no benchmark facts"));
        return;
      }
      BenchmarkFacts f = facts.get();
      // Ramps in the order they ran; rows in the seed's order.
      Knee apiKnee = apiKnee(f, ramps);
      Row bots = botsRow(f, ramps);
      Knee conn = connectionKnee(f, ramps);
      Knee churn = churnKnee(f, ramps);
      // Messages/s: the churn ramp, one chat message on each new connection.
      rows.add(figure("benchmark.throughput.messages", "Messages/sec (one per new connection,"
          + " churn ramp)", churn, "msg/s", MESSAGES_PER_SECOND, true));
      rows.add(figure("benchmark.throughput.apiCalls", "API calls/sec (read mix)", apiKnee,
          "calls/s", API_CALLS_PER_SECOND, true));
      rows.add(bots);
      rows.add(figure("benchmark.throughput.connections", "Concurrent WebSocket connections",
          conn, "connections", CONCURRENT_CONNECTIONS, false));
    }

    /** A throughput row and its check from a ramp's knee; rates use the achieved figure. */
    Row figure(String metric, String label, Knee k, String unit, double target, boolean rate) {
      String targetText = ">= " + Format.number(target) + " " + unit;
      if (k == null) {
        checks.add(Check.notMeasured(metric, unit, targetText, "the ramp did not run"));
        return new Row(label, "not measured", targetText, Status.NOT_MEASURED.label(),
            "the ramp did not run");
      }
      double value = k.held() == null ? 0
          : rate && k.held().achievedPerSecond() != null ? k.held().achievedPerSecond()
          : k.held().level();
      String shown = k.held() == null ? "no step held"
          : (k.boundReached() ? "≥ " : "") + Format.number(value) + " " + unit
              + (k.boundReached() ? " (the highest configured step held)" : "");
      String note = k.broke() == null ? "" : "broke at " + k.broke().name() + ": " + k.why();
      Check c = new Target(">=", target, unit).check(metric, value).withNote(note);
      checks.add(c);
      comparison.add(label + ": " + shown + " vs target " + targetText
          + (value > 0 ? " (" + Format.number(value / target) + "× the target)" : ""));
      return new Row(label, shown, targetText, c.status().label(), note);
    }

    String generatorCpu(Step s) {
      return s.skipped() ? "–" : s.generatorCpuPercent() == null
          ? "not measured (the JVM does not tell)"
          : Format.number(s.generatorCpuPercent()) + " %";
    }

    /** Walks a ramp's steps: the first that did not hold breaks it. */
    Knee walk(List<Step> steps, List<String> whys) {
      Step held = null;
      for (int i = 0; i < steps.size(); i++) {
        Step s = steps.get(i);
        String why = whys.get(i);
        if (why != null) {
          return new Knee(held, s, why, false);
        }
        held = s;
      }
      return new Knee(held, null, null, held != null);
    }

    /** A step the simulation cut short (the target stopped keeping up) says so. */
    String cutShort(Step s, String why) {
      return why != null && s.stopReason() != null && s.stopReason().contains("outstanding")
          ? s.stopReason() : why;
    }

    String skippedWhy(Step s) {
      return s.skipped() ? "not run: the simulation's stop rule ended the ramp before it" : null;
    }

    String busyNote(Knee k) {
      if (k.broke() != null && k.broke().generatorCpuPercent() != null
          && k.broke().generatorCpuPercent() >= GENERATOR_BUSY_PERCENT) {
        recommendations.add("**Load generator** — it used "
            + Format.number(k.broke().generatorCpuPercent()) + " % of this machine's CPU when "
            + k.broke().name() + " broke: run it on another machine (or other cores) to find the"
            + " target's own knee.");
        return " The load generator used " + Format.number(k.broke().generatorCpuPercent())
            + " % of all cores then: the limit may be this machine's, not the target's.";
      }
      return "";
    }

    Knee apiKnee(BenchmarkFacts f, List<Ramp> ramps) {
      List<Step> steps = f.apiSteps();
      if (steps.isEmpty()) {
        return null;
      }
      List<String> whys = new ArrayList<>();
      List<StepRow> rows = new ArrayList<>();
      for (Step s : steps) {
        String why = skippedWhy(s);
        long ok = 0;
        long ko = 0;
        int worstP95 = 0;
        String worstOp = "";
        for (BenchmarkOperation o : BenchmarkOperation.reads()) {
          Optional<RequestStats> r = run.request(o.apiStepName(s.level()));
          if (r.isEmpty()) {
            continue;
          }
          ok += r.get().ok();
          ko += r.get().ko();
          if (r.get().ok() > 0 && why == null && r.get().p95() >= o.targetP95Ms()) {
            why = o.requestName() + " p95 " + r.get().p95() + " ms (target < " + o.targetP95Ms()
                + " ms)";
          }
          if (r.get().p95() * 1.0 / o.targetP95Ms() > (worstOp.isEmpty() ? -1
              : worstP95 * 1.0 / targetOf(worstOp))) {
            worstP95 = r.get().p95();
            worstOp = o.requestName();
          }
        }
        if (why == null && ok < MIN_SHARE * s.planned()) {
          why = ok + " of " + s.planned() + " calls succeeded (needs 99.9 %)";
        }
        why = cutShort(s, why);
        whys.add(why);
        rows.add(new StepRow(s.name(), achieved(s, "calls/s"),
            s.skipped() ? "–" : ok + " ok, " + ko + " failed",
            worstOp.isEmpty() ? "–" : worstP95 + " ms (" + worstOp + ")", generatorCpu(s), "–",
            s.skipped() ? "not run" : why == null ? "held" : "broke: " + why));
      }
      Knee k = walk(steps, whys);
      ramps.add(new Ramp("API calls/s (open mix of the read operations)",
          "Each step holds while ≥ 99.9 % of its calls succeed and every operation's p95 stays"
              + " under its latency target; the worst p95 relative to its target is shown.",
          rows, kneeText(k, "calls/s", true) + busyNote(k)));
      return k;
    }

    int targetOf(String requestName) {
      for (BenchmarkOperation o : BenchmarkOperation.values()) {
        if (o.requestName().equals(requestName)) {
          return o.targetP95Ms();
        }
      }
      return 1;
    }

    String achieved(Step s, String unit) {
      return s.achievedPerSecond() == null ? "–" : Format.number(s.achievedPerSecond()) + " "
          + unit + " (offered " + s.level() + ")";
    }

    String kneeText(Knee k, String unit, boolean rate) {
      String held = k.held() == null ? "No step held" : "Held: " + k.held().name()
          + (rate && k.held().achievedPerSecond() != null ? " (achieved "
              + Format.number(k.held().achievedPerSecond()) + " " + unit + ")" : "");
      if (k.broke() == null) {
        return held + ". The highest configured step held: the knee is above it (raise the"
            + " steps to find it).";
      }
      return held + ". Knee: " + k.broke().name() + " broke — " + k.why() + ".";
    }

    Knee connectionKnee(BenchmarkFacts f, List<Ramp> ramps) {
      List<Step> steps = f.connectionSteps();
      if (steps.isEmpty()) {
        return null;
      }
      List<String> whys = new ArrayList<>();
      List<StepRow> rows = new ArrayList<>();
      int wsTarget = BenchmarkOperation.WS_MESSAGE.targetP95Ms();
      for (Step s : steps) {
        String why = skippedWhy(s);
        Optional<RequestStats> open = run.request(BenchmarkRequests.connectionOpen(s.level()));
        Optional<RequestStats> probe = run.request(BenchmarkRequests.connectionProbe(s.level()));
        long opened = open.map(RequestStats::ok).orElse(0L);
        long failed = open.map(RequestStats::ko).orElse(0L);
        if (why == null) {
          if (opened < s.planned() || failed > 0) {
            why = opened + " of " + s.planned() + " new connections opened";
          } else if (probe.isEmpty() || probe.get().ok() == 0) {
            why = "the probe connection got no reply";
          } else if (probe.get().ko() > 0) {
            why = probe.get().ko() + " probe messages failed";
          } else if (probe.get().p95() >= wsTarget) {
            why = "probe p95 " + probe.get().p95() + " ms (target < " + wsTarget + " ms)";
          } else if (s.serverConnections() == null) {
            why = "the server's connection count could not be read";
          } else if (s.serverConnections() < s.level()) {
            why = "the server counted " + s.serverConnections() + " open connections";
          }
        }
        why = cutShort(s, why);
        whys.add(why);
        rows.add(new StepRow(s.level() + " connections", s.skipped() ? "–" : opened + " opened",
            s.skipped() ? "–" : failed + " failed to open",
            probe.filter(p -> p.ok() > 0).map(p -> p.p95() + " ms (probe)").orElse("–"),
            generatorCpu(s), s.serverConnections() == null ? "–"
                : s.serverConnections() + " open (server's count)",
            s.skipped() ? "not run" : why == null ? "held" : "broke: " + why));
      }
      Knee k = walk(steps, whys);
      ramps.add(new Ramp("Concurrent WebSocket connections (idle, rising levels)",
          "A level holds when every connection opened, the server counts them all, and a probe"
              + " connection chatting meanwhile keeps its p95 under " + wsTarget + " ms with no"
              + " failure.", rows, kneeText(k, "connections", false) + busyNote(k)));
      return k;
    }

    Knee churnKnee(BenchmarkFacts f, List<Ramp> ramps) {
      List<Step> steps = f.churnSteps();
      if (steps.isEmpty()) {
        return null;
      }
      List<String> whys = new ArrayList<>();
      List<StepRow> rows = new ArrayList<>();
      int wsTarget = BenchmarkOperation.WS_MESSAGE.targetP95Ms();
      for (Step s : steps) {
        String why = skippedWhy(s);
        Optional<RequestStats> connect = run.request(BenchmarkRequests.churnConnect(s.level()));
        Optional<RequestStats> message = run.request(BenchmarkRequests.churnMessage(s.level()));
        long ok = message.map(RequestStats::ok).orElse(0L);
        long failed = s.planned() - ok;
        if (why == null) {
          if (ok < MIN_SHARE * s.planned()) {
            why = ok + " of " + s.planned() + " cycles answered (needs 99.9 %)";
          } else if (message.get().p95() >= wsTarget) {
            why = "message p95 " + message.get().p95() + " ms (target < " + wsTarget + " ms)";
          }
        }
        why = cutShort(s, why);
        whys.add(why);
        rows.add(new StepRow(s.name(), achieved(s, "connections/s"),
            s.skipped() ? "–" : ok + " ok, " + failed + " failed",
            connect.filter(c -> c.ok() > 0).map(c -> "connect " + c.p95() + " ms").orElse("–")
                + message.filter(m -> m.ok() > 0).map(m -> ", message " + m.p95() + " ms")
                    .orElse(""),
            generatorCpu(s), "–", s.skipped() ? "not run" : why == null ? "held" : "broke: " + why));
      }
      Knee k = walk(steps, whys);
      ramps.add(new Ramp("Connect/disconnect churn (connect → one message → close)",
          "A rate holds while ≥ 99.9 % of its cycles get their reply and the message p95 stays"
              + " under " + wsTarget + " ms; connect-time p95 is shown beside it.",
          rows, kneeText(k, "connections/s", true) + busyNote(k)));
      return k;
    }

    Row botsRow(BenchmarkFacts f, List<Ramp> ramps) {
      BenchmarkFacts.Bots b = f.bots();
      String target = ">= " + CONCURRENT_BOTS + " bots";
      Optional<RequestStats> launch = run.request(BenchmarkRequests.BOTS_LAUNCH);
      Optional<RequestStats> task = run.request(BenchmarkRequests.BOTS_TASK);
      String result = b.firstFailure() == null
          ? "≥ " + b.running() + " bots (the configured bound) ran at once"
          : b.running() + " bots ran at once; then " + b.firstFailure();
      List<StepRow> rows = List.of(new StepRow("1 … " + b.max() + " bots, one by one",
          b.running() + " running",
          launch.map(l -> l.ok() + " launched, " + l.ko() + " failed").orElse("–")
              + task.map(t -> "; " + t.ok() + " tasks answered").orElse(""),
          launch.filter(l -> l.ok() > 0).map(l -> "launch " + l.p95() + " ms").orElse("–")
              + task.filter(t -> t.ok() > 0).map(t -> ", task " + t.p95() + " ms").orElse(""),
          "–", b.stopped() + " stopped afterwards", b.firstFailure() == null ? "bound reached"
              : "first failure"));
      ramps.add(new Ramp("Concurrent bots (launched one by one, each answering a task)",
          "Bots are launched one at a time up to the bound or the first failed launch or task;"
              + " all are stopped afterwards.", rows, result + "."));
      Check c = new Target(">=", CONCURRENT_BOTS, "bots").check("benchmark.throughput.bots", b.running())
          .withNote(b.firstFailure() == null ? "bound " + b.max() + " reached"
              : b.firstFailure());
      checks.add(c);
      comparison.add("Concurrent bots: " + result + " vs target " + target);
      if (b.stopped() < b.running()) {
        notes.add("Only " + b.stopped() + " of the " + b.running() + " ramp bots could be"
            + " stopped afterwards.");
      }
      return new Row("Concurrent bots", (b.firstFailure() == null ? "≥ " : "") + b.running(),
          target, c.status().label(), c.note());
    }

    // ---- resources

    List<Row> resourceRows(List<Ramp> ramps) {
      List<Row> rows = new ArrayList<>();
      rows.add(memoryPerBot());
      rows.add(cpuWindow("benchmark.resource.cpuIdle", "CPU idle (nothing running)",
          BenchmarkFacts.IDLE_START, BenchmarkFacts.IDLE_END, CPU_IDLE_PERCENT));
      rows.add(cpuWindow("benchmark.resource.cpuBusyBots", "CPU with 5 busy bots"
          + facts.map(f -> " (each answering " + f.parameters().busyTasksPerSecond()
              + " tasks/s)").orElse(""),
          BenchmarkFacts.BUSY_START, BenchmarkFacts.BUSY_END, CPU_BUSY_PERCENT));
      rows.add(diskIo());
      resources.flatMap(ResourceSamples::peakRssBytes).ifPresent(peak -> rows.add(new Row(
          "Server memory (peak, whole benchmark)", Format.mb(peak) + " MB", "–", "–",
          "figure only: no target")));
      return rows;
    }

    Row memoryPerBot() {
      String metric = "benchmark.resource.memoryPerBot";
      String target = "< " + Format.number(MB_PER_BOT) + " MB";
      int n = facts.map(f -> f.bots().running()).orElse(0);
      List<double[]> points = new ArrayList<>();
      if (resources.isPresent()) {
        for (int i = 1; i <= n; i++) {
          resources.get().checkpoint(BenchmarkFacts.botsCheckpoint(i))
              .filter(c -> c.rssBytes() != null).map(c -> c.rssBytes())
              .ifPresent(rss -> points.add(new double[] {points.size() + 1, rss}));
        }
      }
      if (points.size() < 2) {
        String why = !resources.map(ResourceSamples::measured).orElse(false)
            ? "server memory could not be read (" + resources.map(ResourceSamples::sourceReason)
                .orElse("no resource samples") + ")"
            : "fewer than 2 bots ran with a memory reading, so there is no slope";
        checks.add(Check.notMeasured(metric, "MB", target, why));
        return new Row("Memory/bot", "not measured", target, Status.NOT_MEASURED.label(), why);
      }
      double[] x = points.stream().mapToDouble(pt -> pt[0]).toArray();
      double[] y = points.stream().mapToDouble(pt -> pt[1]).toArray();
      double slopeMb = TheilSen.slope(x, y) / Format.MB;
      double shown = Math.max(0, slopeMb);
      Check c = new Target("<", MB_PER_BOT, "MB").check(metric, shown).withNote("Theil–Sen slope of server"
          + " memory over " + points.size() + " bots" + (slopeMb < 0 ? " (negative: "
          + Format.number(slopeMb * 1024) + " KB, shown as 0)" : ""));
      checks.add(c);
      comparison.add("Memory/bot: " + Format.number(shown * 1024) + " KB per bot, "
          + margin(shown, MB_PER_BOT) + " the " + Format.number(MB_PER_BOT) + " MB target");
      return new Row("Memory/bot", Format.number(shown * 1024) + " KB per bot (slope over "
          + points.size() + " bots)", target, c.status().label(), c.note());
    }

    Row cpuWindow(String metric, String label, String from, String to, double limit) {
      String target = "< " + Format.number(limit) + " % of one core";
      Optional<Double> cpu = resources.flatMap(r -> {
        var a = r.checkpoint(from);
        var b = r.checkpoint(to);
        if (a.isEmpty() || b.isEmpty()) {
          return Optional.empty();
        }
        List<Double> v = r.between(a.get().t() + 1, b.get().t()).stream()
            .map(ResourceSamples.Sample::cpuPercent).filter(x -> x != null).toList();
        return v.isEmpty() ? Optional.empty()
            : Optional.of(v.stream().mapToDouble(Double::doubleValue).average().orElse(0));
      });
      if (cpu.isEmpty()) {
        String why = !resources.map(ResourceSamples::measured).orElse(false)
            ? "server CPU could not be read (" + resources.map(ResourceSamples::sourceReason)
                .orElse("no resource samples") + ")"
            : "no CPU sample between '" + from + "' and '" + to + "' (the phase did not run)";
        checks.add(Check.notMeasured(metric, "%", target, why));
        return new Row(label, "not measured", target, Status.NOT_MEASURED.label(), why);
      }
      Check c = new Target("<", limit, "%").check(metric, cpu.get()).withNote("mean of the server's CPU"
          + " samples in the window, % of one core");
      checks.add(c);
      comparison.add(label + ": " + Format.number(cpu.get()) + " %, " + margin(cpu.get(), limit)
          + " the " + Format.number(limit) + " % target");
      return new Row(label, Format.number(cpu.get()) + " % of one core", target,
          c.status().label(), "");
    }

    Row diskIo() {
      String target = "< 50 IOPS";
      Optional<Snapshot> a = facts.flatMap(f -> f.snapshot(BenchmarkFacts.RUN_START));
      Optional<Snapshot> b = facts.flatMap(f -> f.snapshot(BenchmarkFacts.RUN_END));
      String ops = "operations/s not measured: OSHI (and Linux's /proc/<pid>/io) give a"
          + " process's storage bytes, not its operation count; not judged";
      if (a.isEmpty() || b.isEmpty() || b.get().t() <= a.get().t()) {
        String why = facts.map(BenchmarkFacts::processSource).orElse("no process readings");
        return new Row("Disk I/O", "not measured", target, Status.NOT_MEASURED.label(),
            why + "; " + ops);
      }
      double seconds = (b.get().t() - a.get().t()) / 1000.0;
      double written = (b.get().bytesWritten() - a.get().bytesWritten()) / 1024.0 / seconds;
      double read = (b.get().bytesRead() - a.get().bytesRead()) / 1024.0 / seconds;
      return new Row("Disk I/O", Format.number(written) + " KB/s written, " + Format.number(read)
          + " KB/s read (over " + Format.number(seconds) + " s)", target,
          Status.NOT_MEASURED.label(), ops);
    }

    // ---- churn: memory and open files back to baseline

    void churnReturn(List<Ramp> ramps) {
      Optional<Snapshot> base = facts.flatMap(f -> f.snapshot(BenchmarkFacts.CHURN_BASELINE));
      Optional<Snapshot> after = facts.flatMap(f -> f.snapshot(BenchmarkFacts.CHURN_AFTER));
      long connections = facts.map(f -> f.churnSteps().stream().filter(s -> !s.skipped())
          .mapToLong(s -> s.planned()).sum()).orElse(0L);
      String memMetric = "benchmark.churn.retainedPerConnection";
      String fdMetric = "benchmark.churn.openFilesAfterCoolDown";
      String memTarget = "<= " + Format.number(RETAINED_KB_PER_CONNECTION) + " KB";
      if (base.isEmpty() || after.isEmpty() || connections == 0) {
        String why = base.isEmpty() || after.isEmpty()
            ? facts.map(f -> f.processMeasured() ? "the churn phase did not finish"
                : f.processSource()).orElse("the run wrote no benchmark facts")
            : "no churn step ran";
        checks.add(Check.notMeasured(memMetric, "KB", memTarget, why));
        checks.add(Check.notMeasured(fdMetric, "files", "baseline + " + OPEN_FILES_SLACK, why));
        headroom.add("Churn: memory and open files after the cool-down not measured: " + why + ".");
        return;
      }
      long grew = after.get().rssBytes() - base.get().rssBytes();
      double perConnKb = Math.max(0, grew) / 1024.0 / connections;
      // Below the noise floor a growth is not attributed to the connections.
      double floorKb = NOISE_FLOOR_MB * 1024 / connections;
      double limitKb = Math.max(RETAINED_KB_PER_CONNECTION, floorKb);
      Check mem = new Check(memMetric, perConnKb, "KB", "<= " + Format.number(limitKb) + " KB",
          perConnKb <= limitKb ? Status.PASS : Status.FAIL,
          "server memory " + Format.mb(base.get().rssBytes()) + " MB before the churn, "
              + Format.mb(after.get().rssBytes()) + " MB after the cool-down, over " + connections
              + " churned connections; limit " + Format.number(RETAINED_KB_PER_CONNECTION)
              + " KB per connection or " + Format.number(NOISE_FLOOR_MB) + " MB in all,"
              + " whichever is larger");
      long fdLimit = base.get().openFiles() + OPEN_FILES_SLACK;
      Check fd = new Check(fdMetric, (double) after.get().openFiles(), "files",
          "<= " + fdLimit + " files (baseline " + base.get().openFiles() + " + "
              + OPEN_FILES_SLACK + ")",
          base.get().openFiles() < 0 || after.get().openFiles() < 0 ? Status.NOT_MEASURED
              : after.get().openFiles() <= fdLimit ? Status.PASS : Status.FAIL,
          "open file descriptors of the server (sockets included)");
      checks.add(mem);
      checks.add(fd);
      boolean back = mem.status() == Status.PASS && fd.status() == Status.PASS;
      String text = "After " + connections + " churned connections and the cool-down, server"
          + " memory went " + Format.mb(base.get().rssBytes()) + " → "
          + Format.mb(after.get().rssBytes()) + " MB (" + Format.number(perConnKb)
          + " KB per connection, limit " + Format.number(limitKb) + ") and"
          + " open files " + base.get().openFiles() + " → " + after.get().openFiles() + ": "
          + (back ? "both returned to their baseline." : "NOT back to baseline.");
      comparison.add("Churn: " + text);
      for (int i = 0; i < ramps.size(); i++) {
        Ramp r = ramps.get(i);
        if (r.title().startsWith("Connect/disconnect churn")) {
          ramps.set(i, new Ramp(r.title(), r.rule(), r.steps(), r.result() + " " + text));
        }
      }
      if (mem.status() == Status.FAIL) {
        recommendations.add("**Per-connection memory** — the server kept "
            + Format.number(perConnKb) + " KB per churned connection after the cool-down: look"
            + " for per-connection state (buffers, conversations, listeners) not released on"
            + " close.");
      }
      if (fd.status() == Status.FAIL) {
        recommendations.add("**Open files** — " + (after.get().openFiles()
            - base.get().openFiles()) + " more open files after the churn's cool-down than"
            + " before: sockets or files are not closed with their connection.");
      }
    }

    // ---- readiness and headroom

    List<Row> readiness(List<LatencyRow> latency, boolean answered) {
      List<Row> rows = new ArrayList<>();
      List<Check> lat = checks.stream().filter(c -> c.metric().startsWith("benchmark.latency.")
          && c.metric().endsWith(".p95")).toList();
      rows.add(readinessRow("Performance", lat, lat.stream().filter(c -> c.status()
          == Status.PASS).count() + " of " + lat.size() + " latency rows under their target"));
      List<Check> stab = checks.stream().filter(c -> c.metric().startsWith("benchmark.churn.")
          || c.metric().equals("benchmark.target.answered")).toList();
      rows.add(readinessRow("Stability", stab, (answered ? "the target answered to the end"
          : "the target stopped answering") + "; churn " + (stab.stream().allMatch(c -> c.status()
          == Status.PASS) ? "returned to baseline" : "did not return to baseline, or was not measured")));
      List<Check> scal = checks.stream().filter(c -> c.metric().startsWith(
          "benchmark.throughput.")).toList();
      rows.add(readinessRow("Scalability", scal, "knees measured by ramping (see Capacity"
          + " Analysis); none extrapolated"));
      List<Check> errs = checks.stream().filter(c -> c.metric().endsWith(".errors")).toList();
      double errors = errs.stream().mapToDouble(c -> c.value() == null ? 0 : c.value()).sum();
      rows.add(readinessRow("Reliability", errs, Format.number(errors) + " failed requests in the"
          + " latency phase (errors, timeouts and success:false)"));
      boolean full = meta.map(RunMeta::fullAssignment).orElse(false);
      boolean embedded = meta.map(RunMeta::targetStartedByRun).orElse(true);
      rows.add(new Row("Production sign-off", "", "", full && !embedded
          && Status.worst(checks.stream().map(Check::status).toList()) == Status.PASS
          ? Status.PASS.label() : "⏭️ NOT SIGNED OFF", !full
          ? "not the assignment profile: figures are not a production baseline"
          : embedded ? "the embedded reference server is a self-check of the suite; point"
              + " -Dtarget.url at the real server" : "every check met"));
      // Headroom at the assignment's load, from the measured knees only.
      for (Check c : scal) {
        if (c.value() == null || c.value() <= 0) {
          continue;
        }
        String bound = c.note().startsWith("broke") ? "" : "at least ";
        switch (c.metric()) {
          case "benchmark.throughput.connections" -> headroom.add("Connections: " + bound
              + Format.number(c.value() / ASSIGNMENT_CLIENTS) + "× the assignment's "
              + ASSIGNMENT_CLIENTS + " concurrent WebSocket clients (held "
              + Format.number(c.value()) + ").");
          case "benchmark.throughput.messages" -> headroom.add("Messages on new connections: "
              + bound + Format.number(c.value() / ASSIGNMENT_MESSAGES_PER_SECOND)
              + "× the assignment's burst rate of " + Format.number(ASSIGNMENT_MESSAGES_PER_SECOND)
              + " msg/s (held " + Format.number(c.value()) + " msg/s).");
          case "benchmark.throughput.apiCalls" -> headroom.add("API calls: " + bound
              + Format.number(c.value() / API_CALLS_PER_SECOND) + "× the seed's "
              + Format.number(API_CALLS_PER_SECOND) + " calls/s (held "
              + Format.number(c.value()) + " calls/s).");
          case "benchmark.throughput.bots" -> headroom.add("Bots: " + (c.note().startsWith("bound")
              ? "at least " : "") + Format.number(c.value() / SEED_CURRENT_BOTS) + "× the seed's "
              + SEED_CURRENT_BOTS + " current bots (" + Format.number(c.value()) + " ran at once).");
          default -> { }
        }
      }
      checks.stream().filter(c -> c.metric().equals("benchmark.resource.cpuBusyBots")
          && c.value() != null).findFirst().ifPresent(c -> headroom.add("CPU: with 5 busy bots"
          + " the server used " + Format.number(c.value()) + " % of one core, "
          + margin(c.value(), CPU_BUSY_PERCENT) + " the seed's " + Format.number(CPU_BUSY_PERCENT)
          + " % limit."));
      headroom.add("Each figure is a measured knee (or the configured bound, marked \"at"
          + " least\") divided by the load the assignment runs; nothing here is extrapolated.");
      return rows;
    }

    Row readinessRow(String category, List<Check> of, String notes) {
      Status s = of.isEmpty() ? Status.NOT_MEASURED
          : Status.worst(of.stream().map(Check::status).toList());
      return new Row(category, "", "", s.label(), notes);
    }
  }
}
