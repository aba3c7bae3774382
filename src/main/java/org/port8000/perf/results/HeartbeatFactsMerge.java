package org.port8000.perf.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The heartbeat soak of several injectors as one run's facts ({@code probe-heartbeat.json}). Each
 * injector ran its share of the clients, so the counts are summed: clients, expected heartbeats,
 * connects, clients that lost heartbeats, heartbeats sent, hello failures, clients that soaked to
 * the end. The plan per client (interval, duration, heartbeats per client, ack timeout, how
 * stability is measured) must be the same on every injector, else the merge refuses. The footprint
 * step runs on injector 0 only, so its fields are injector 0's.
 *
 * <p>The soak window is not a sum: the injectors start their clients' first heartbeats at one
 * planned instant, but an injector whose footprint step or clients took longer starts late, so
 * their windows need not line up (without that schedule they were 2.5 to 4.5 s apart). The fleet's
 * window runs from the latest first heartbeat of any injector to the earliest end of any, read on
 * the injectors' clocks (epoch ms: one clock on one machine, as close as NTP keeps them across
 * machines). It is never longer than the smallest injector's own window, which alone would only be
 * an upper bound. Files that did not record the window's edges are refused.
 */
public final class HeartbeatFactsMerge {
  private static final String FILE = ProbeFiles.path(Path.of(""), HeartbeatFacts.PROBE).toString();

  private HeartbeatFactsMerge() {}

  /** {@code byFolder}: each injector's facts by its run folder, injector 0 first. */
  public static HeartbeatFacts of(Map<Path, HeartbeatFacts> byFolder) {
    agree(byFolder);
    List<HeartbeatFacts> all = List.copyOf(byFolder.values());
    HeartbeatFacts first = all.get(0);
    Window w = window(byFolder);
    return new HeartbeatFacts(
        sumInt(all, HeartbeatFacts::clients),
        first.intervalMs(),
        first.durationSeconds(),
        first.heartbeatsPerClient(),
        all.stream().mapToLong(HeartbeatFacts::expectedHeartbeats).sum(),
        first.ackTimeoutMs(),
        sumInt(all, HeartbeatFacts::clientsConnected),
        sumInt(all, HeartbeatFacts::connectionsOpened),
        sumInt(all, HeartbeatFacts::clientsWithLostHeartbeats),
        first.footprintConnections(),
        first.footprintOpened(),
        first.footprintMeasured(),
        first.ackSupported(),
        all.stream().mapToLong(HeartbeatFacts::heartbeatsSent).sum(),
        sumInt(all, HeartbeatFacts::helloFailed),
        sumInt(all, HeartbeatFacts::soakClients),
        w.overlapMs(),
        first.soakPlannedMs(),
        first.ackCapability(),
        w.latestFirstMs(),
        w.earliestEndMs(),
        all.size());
  }

  /** The merged run's note on the soak window: the fleet's and each injector's own. */
  public static String windowNote(Map<Path, HeartbeatFacts> byFolder) {
    Window w = window(byFolder);
    List<String> own = new ArrayList<>();
    int i = 0;
    for (HeartbeatFacts f : byFolder.values()) {
      own.add("injector " + i++ + " " + f.soakOverlapMs() + " ms");
    }
    return "the soak window of all injectors' clients is "
        + (w.overlapMs() < 0 ? "none (no client soaked to the end)" : w.overlapMs() + " ms")
        + ", from the latest first heartbeat of any injector to the earliest end of any on the"
        + " injectors' clocks (each injector's own window: "
        + String.join(", ", own)
        + "; the fleet's is never longer than the smallest)";
  }

  /** The ping/pong probe ran on every injector for its share of the clients: summed. */
  public static PingPongFacts pings(Map<Path, PingPongFacts> byFolder) {
    String file = ProbeFiles.path(Path.of(""), PingPongFacts.PROBE).toString();
    PlanAgreement.require(file, byFolder, "intervalMs", PingPongFacts::intervalMs);
    PlanAgreement.require(file, byFolder, "pingsPerClient", PingPongFacts::pingsPerClient);
    PlanAgreement.require(file, byFolder, "pongTimeoutMs", PingPongFacts::pongTimeoutMs);
    List<PingPongFacts> all = List.copyOf(byFolder.values());
    PingPongFacts first = all.get(0);
    String failure = "";
    for (int i = 0; i < all.size() && failure.isEmpty(); i++) {
      failure =
          all.get(i).firstFailure().isEmpty()
              ? ""
              : "injector " + i + ": " + all.get(i).firstFailure();
    }
    return new PingPongFacts(
        all.stream().mapToInt(PingPongFacts::clients).sum(),
        all.stream().mapToInt(PingPongFacts::clientsConnected).sum(),
        first.intervalMs(),
        first.pingsPerClient(),
        all.stream().mapToLong(PingPongFacts::expectedPings).sum(),
        all.stream().mapToLong(PingPongFacts::pingsSent).sum(),
        all.stream().mapToLong(PingPongFacts::pongsInTime).sum(),
        all.stream().mapToLong(PingPongFacts::pongsLate).sum(),
        first.pongTimeoutMs(),
        all.stream().mapToInt(PingPongFacts::connectionsDropped).sum(),
        all.stream().mapToInt(PingPongFacts::clientsWithLostPongs).sum(),
        failure);
  }

  private static void agree(Map<Path, HeartbeatFacts> byFolder) {
    PlanAgreement.require(FILE, byFolder, "intervalMs", HeartbeatFacts::intervalMs);
    PlanAgreement.require(FILE, byFolder, "durationSeconds", HeartbeatFacts::durationSeconds);
    PlanAgreement.require(
        FILE, byFolder, "heartbeatsPerClient", HeartbeatFacts::heartbeatsPerClient);
    PlanAgreement.require(FILE, byFolder, "ackTimeoutMs", HeartbeatFacts::ackTimeoutMs);
    PlanAgreement.require(FILE, byFolder, "soakPlannedMs", HeartbeatFacts::soakPlannedMs);
    PlanAgreement.require(FILE, byFolder, "ackSupported", HeartbeatFacts::ackSupported);
    PlanAgreement.require(FILE, byFolder, "ackCapability", HeartbeatFacts::ackCapability);
    byFolder.forEach(
        (folder, f) -> {
          if (f.soakClients() > 0 && (f.soakLatestFirstMs() == 0 || f.soakEarliestEndMs() == 0)) {
            throw new MergeRefused(
                "Refusing to merge "
                    + FILE
                    + " of "
                    + folder
                    + ": it does not record its soak window's edges (written by an older suite),"
                    + " so the window all injectors' clients shared cannot be found. Run the"
                    + " injectors with this suite.");
          }
        });
  }

  /** The fleet's window; {@code overlapMs} -1 when no injector's client soaked to the end. */
  private record Window(long overlapMs, long latestFirstMs, long earliestEndMs) {}

  private static Window window(Map<Path, HeartbeatFacts> byFolder) {
    long latestFirst = Long.MIN_VALUE;
    long earliestEnd = Long.MAX_VALUE;
    for (HeartbeatFacts f : byFolder.values()) {
      if (f.soakClients() > 0) {
        latestFirst = Math.max(latestFirst, f.soakLatestFirstMs());
        earliestEnd = Math.min(earliestEnd, f.soakEarliestEndMs());
      }
    }
    if (latestFirst == Long.MIN_VALUE) {
      return new Window(-1, 0, 0);
    }
    return new Window(Math.max(0, earliestEnd - latestFirst), latestFirst, earliestEnd);
  }

  private static int sumInt(
      List<HeartbeatFacts> all, java.util.function.ToIntFunction<HeartbeatFacts> f) {
    return all.stream().mapToInt(f).sum();
  }
}
