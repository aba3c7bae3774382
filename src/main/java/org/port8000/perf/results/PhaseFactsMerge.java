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
public final class PhaseFactsMerge {
  private PhaseFactsMerge() {}

  public static PhaseFacts of(List<PhaseFacts> injectors) {
    Map<String, List<PhaseFacts.Phase>> byName = new LinkedHashMap<>();
    for (PhaseFacts t : injectors) {
      for (PhaseFacts.Phase p : t.phases()) {
        byName.computeIfAbsent(p.name(), n -> new ArrayList<>()).add(p);
      }
    }
    List<PhaseFacts.Phase> out = new ArrayList<>();
    for (List<PhaseFacts.Phase> same : byName.values()) {
      out.add(same.size() == 1 ? same.get(0) : sum(same));
    }
    return new PhaseFacts(out);
  }

  private static PhaseFacts.Phase sum(List<PhaseFacts.Phase> ps) {
    PhaseFacts.Phase f = ps.get(0);
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
    for (PhaseFacts.Phase p : ps) {
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
    return new PhaseFacts.Phase(
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
        busiest(ps, PhaseFacts.Phase::generatorCpuPercent),
        busiest(ps, PhaseFacts.Phase::generatorCpuSeconds),
        busiest(ps, PhaseFacts.Phase::machineCpuPercent),
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
      List<PhaseFacts.Phase> ps, java.util.function.Function<PhaseFacts.Phase, Double> cpu) {
    Double max = null;
    for (PhaseFacts.Phase p : ps) {
      Double v = cpu.apply(p);
      if (v != null && (max == null || v > max)) {
        max = v;
      }
    }
    return max;
  }
}
