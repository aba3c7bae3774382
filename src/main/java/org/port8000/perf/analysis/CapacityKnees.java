package org.port8000.perf.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.port8000.perf.analysis.BenchmarkResult.Ramp;
import org.port8000.perf.analysis.BenchmarkResult.StepRow;
import org.port8000.perf.results.BenchmarkFacts.Step;
import org.port8000.perf.results.BenchmarkOperation;
import org.port8000.perf.results.BenchmarkRequests;
import org.port8000.perf.results.RequestStats;

/**
 * The rising capacity ramps (API calls/s, idle WebSocket connections, connect/disconnect churn),
 * each judged again from Gatling's own stats step by step: its knee is the highest step held
 * before the first that broke. Each step shows the load generator's CPU beside it, so a knee
 * the generator caused is not blamed on the target.
 */
final class CapacityKnees {
  private final BenchmarkRun run;
  private final BenchmarkSection section;

  CapacityKnees(BenchmarkRun run, BenchmarkSection section) {
    this.run = run;
    this.section = section;
  }

  /** An open mix of the read operations in rising steps; null when the ramp did not run. */
  Knee api(List<Step> steps) {
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
      BenchmarkOperation worstOp = null;
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
        if (r.get().p95() * 1.0 / o.targetP95Ms() > (worstOp == null ? -1
            : worstP95 * 1.0 / worstOp.targetP95Ms())) {
          worstP95 = r.get().p95();
          worstOp = o;
        }
      }
      if (why == null && ok < BenchmarkTargets.MIN_SHARE * s.planned()) {
        why = ok + " of " + s.planned() + " calls succeeded (needs 99.9 %)";
      }
      why = cutShort(s, why);
      whys.add(why);
      rows.add(new StepRow(s.name(), achieved(s, "calls/s"),
          s.skipped() ? "–" : ok + " ok, " + ko + " failed",
          worstOp == null ? "–" : worstP95 + " ms (" + worstOp.requestName() + ")",
          generatorCpu(s), "–",
          result(s, why)));
    }
    Knee k = Knee.walk(steps, whys);
    section.ramp(new Ramp("API calls/s (open mix of the read operations)",
        "Each step holds while ≥ 99.9 % of its calls succeed and every operation's p95 stays"
            + " under its latency target; the worst p95 relative to its target is shown.",
        rows, k.text("calls/s", true) + busyNote(k)));
    return k;
  }

  /** Idle connections in rising levels while a probe chats; null when the ramp did not run. */
  Knee connections(List<Step> steps) {
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
      // Each level opens only the connections the levels before it did not leave open.
      rows.add(new StepRow(s.level() + " connections", s.skipped() ? "–"
          : opened + " more opened (" + (s.level() - s.planned()) + " held from before)",
          s.skipped() ? "–" : failed + " failed to open",
          probe.filter(p -> p.ok() > 0).map(p -> p.p95() + " ms (probe)").orElse("–"),
          generatorCpu(s), s.serverConnections() == null ? "–"
              : s.serverConnections() + " open (server's count)",
          result(s, why)));
    }
    Knee k = Knee.walk(steps, whys);
    section.ramp(new Ramp("Concurrent WebSocket connections (idle, rising levels)",
        "A level holds when every connection opened, the server counts them all, and a probe"
            + " connection chatting meanwhile keeps its p95 under " + wsTarget + " ms with no"
            + " failure.", rows, k.text("connections", false) + busyNote(k)));
    return k;
  }

  /** Connect → message → close at rising rates; null when the ramp did not run. */
  Knee churn(List<Step> steps) {
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
        if (ok < BenchmarkTargets.MIN_SHARE * s.planned()) {
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
          generatorCpu(s), "–", result(s, why)));
    }
    Knee k = Knee.walk(steps, whys);
    section.ramp(new Ramp(ChurnRetention.RAMP_TITLE + " (connect → one message → close)",
        "A rate holds while ≥ 99.9 % of its cycles get their reply and the message p95 stays"
            + " under " + wsTarget + " ms; connect-time p95 is shown beside it.",
        rows, k.text("connections/s", true) + busyNote(k)));
    return k;
  }

  private static String result(Step s, String why) {
    return s.skipped() ? "not run" : why == null ? "held" : "broke: " + why;
  }

  private static String achieved(Step s, String unit) {
    return s.achievedPerSecond() == null ? "–" : Format.number(s.achievedPerSecond()) + " "
        + unit + " (offered " + s.level() + ")";
  }

  static String generatorCpu(Step s) {
    return s.skipped() ? "–" : s.generatorCpuPercent() == null
        ? "not measured (the JVM does not tell)"
        : Format.number(s.generatorCpuPercent()) + " %";
  }

  /** A step the simulation cut short (the target stopped keeping up) says so. */
  private static String cutShort(Step s, String why) {
    return why != null && s.stopReason() != null && s.stopReason().contains("outstanding")
        ? s.stopReason() : why;
  }

  private static String skippedWhy(Step s) {
    return s.skipped() ? "not run: the simulation's stop rule ended the ramp before it" : null;
  }

  private String busyNote(Knee k) {
    if (k.broke() != null && k.broke().generatorCpuPercent() != null
        && k.broke().generatorCpuPercent() >= BenchmarkTargets.GENERATOR_BUSY_PERCENT) {
      section.recommend("**Load generator** — it used "
          + Format.number(k.broke().generatorCpuPercent()) + " % of this machine's CPU when "
          + k.broke().name() + " broke: run it on another machine (or other cores) to find the"
          + " target's own knee.");
      return " The load generator used " + Format.number(k.broke().generatorCpuPercent())
          + " % of all cores then: the limit may be this machine's, not the target's.";
    }
    return "";
  }
}
