package org.port8000.perf.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The message phases of several injectors as one run's: a phase that ran on several injectors has
 * their counts, rates and connections summed, its span from the earliest first send to the latest
 * reply, its worst send lag and the busiest CPU reading. Percentiles are never merged here: phases
 * timed by Gatling carry none (the report takes them from the merged Gatling figures), and a phase
 * that only one injector ran (the one-client burst) is kept as it is.
 */
public final class PhaseTimingsMerge {
  private PhaseTimingsMerge() {}

  public static PhaseTimings of(List<PhaseTimings> injectors) {
    Map<String, List<PhaseTimings.Phase>> byName = new LinkedHashMap<>();
    for (PhaseTimings t : injectors) {
      for (PhaseTimings.Phase p : t.phases()) {
        byName.computeIfAbsent(p.name(), n -> new ArrayList<>()).add(p);
      }
    }
    List<PhaseTimings.Phase> out = new ArrayList<>();
    for (List<PhaseTimings.Phase> same : byName.values()) {
      out.add(same.size() == 1 ? same.get(0) : sum(same));
    }
    return new PhaseTimings(out);
  }

  private static PhaseTimings.Phase sum(List<PhaseTimings.Phase> ps) {
    PhaseTimings.Phase f = ps.get(0);
    int planned = 0;
    int connections = 0;
    int grewTo = 0;
    int bound = 0;
    double offered = 0;
    long sent = 0;
    long replied = 0;
    long errorFrames = 0;
    long errorReplies = 0;
    long timedOut = 0;
    long late = 0;
    long queued = 0;
    long maxLag = 0;
    long firstSend = 0;
    long lastReply = 0;
    for (PhaseTimings.Phase p : ps) {
      planned += p.planned();
      connections += p.connections();
      grewTo += p.connectionsAtEnd();
      bound += p.connectionBound();
      offered += p.offeredPerSecond();
      sent += p.sent();
      replied += p.replied();
      errorFrames += p.errorFrames();
      errorReplies += p.errorReplies();
      timedOut += p.timedOut();
      late += p.lateSends();
      queued += p.queuedSends();
      maxLag = Math.max(maxLag, p.maxSendLagMs());
      firstSend = p.firstSendMs() == 0 ? firstSend : min(firstSend, p.firstSendMs());
      lastReply = Math.max(lastReply, p.lastReplyMs());
    }
    return new PhaseTimings.Phase(
        f.name(),
        planned,
        offered,
        connections,
        sent,
        replied,
        errorFrames,
        errorReplies,
        timedOut,
        late,
        maxLag,
        firstSend,
        lastReply,
        null,
        null,
        null,
        busiest(ps, PhaseTimings.Phase::generatorCpuPercent),
        busiest(ps, PhaseTimings.Phase::generatorCpuSeconds),
        busiest(ps, PhaseTimings.Phase::machineCpuPercent),
        grewTo,
        bound,
        f.connectionBoundBy(),
        queued);
  }

  private static long min(long current, long value) {
    return current == 0 ? value : Math.min(current, value);
  }

  /** The highest reading of the injectors that measured it; null when none did. */
  private static Double busiest(
      List<PhaseTimings.Phase> ps, java.util.function.Function<PhaseTimings.Phase, Double> cpu) {
    Double max = null;
    for (PhaseTimings.Phase p : ps) {
      Double v = cpu.apply(p);
      if (v != null && (max == null || v > max)) {
        max = v;
      }
    }
    return max;
  }
}
