package org.port8000.perf.analysis;

import java.util.List;
import java.util.Optional;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.HeartbeatFacts;
import org.port8000.perf.results.PingPongResult;
import org.port8000.perf.results.RequestNames;
import org.port8000.perf.results.RequestStats;
import org.port8000.perf.results.ResourceSamples;
import org.port8000.perf.results.RunMeta;

/**
 * WebSocket performance (assignment §2) from the heartbeat run: stability = acked / expected
 * heartbeats (expected from the parameters the run used, so lost clients' heartbeats count as
 * lost), memory per connection from the footprint step and from the soak clients, total memory
 * and its trend.
 */
public final class HeartbeatAnalyzer extends AreaAnalyzer {

  public HeartbeatAnalyzer() {
    super(Area.WEBSOCKET, "heartbeat soak");
  }

  @Override
  protected AreaResult analyze(GatlingRun run, Optional<RunMeta> meta,
      Optional<ResourceSamples> samples, AreaResult.Builder section) {
    Optional<HeartbeatFacts> maybeFacts =
        probe(run, HeartbeatFacts.PROBE, HeartbeatFacts.class);
    if (maybeFacts.isEmpty()) {
      String why = "the run wrote no probe-heartbeat.json (it ended before after() ran)";
      section.note("Heartbeat figures not measured: " + why + ".");
      section.check(Targets.STABILITY.notMeasured("websocket.heartbeat.stability", why));
      return section.build("not measured");
    }
    HeartbeatFacts f = maybeFacts.get();
    boolean targetLost = meta.map(m -> !m.targetAnsweredAtEnd()).orElse(false)
        || samples.map(ResourceSamples::targetLost).orElse(false);
    double ratio = f.ackSupported() ? stability(run, f, targetLost, section)
        : pingStability(run, f, probe(run, PingPongResult.PROBE, PingPongResult.class),
            targetLost, section);
    if (samples.isEmpty()) {
      String why = "the run wrote no probe-resources.json";
      section.check(Targets.MEMORY_PER_CONNECTION.notMeasured("websocket.memory.perConnection",
          why));
      section.detail("Total memory", "not measured: " + why);
    } else {
      memory(f, samples.get(), section);
    }
    if (targetLost) {
      section.note("The target stopped answering during the heartbeat run; heartbeats after"
          + " that point count as lost.");
    }
    return section.build(Format.percent(ratio)
        + (targetLost ? " (target stopped answering)" : ""));
  }

  /**
   * A target without an app-level ack: the heartbeat frames still go out on the soak's sessions
   * (connection survival), liveness is the ping/pong probe's pongs in time over the pings its
   * schedule called for. Returns the ratio (0 when the probe wrote nothing).
   */
  private double pingStability(GatlingRun run, HeartbeatFacts f, Optional<PingPongResult> probe,
      boolean targetLost, AreaResult.Builder section) {
    section.note("The target has no app-level heartbeat ack (it does not answer"
        + " `{\"type\":\"heartbeat\"}`), so connection stability was measured with WebSocket"
        + " (RFC 6455) ping/pong on the same schedule, beside the heartbeat soak.");
    section.detail("Stability measured by", "WebSocket ping/pong (the target has no app-level"
        + " heartbeat ack)");
    section.detail("Clients connected", f.clientsConnected() + "/" + f.clients()
        + " (heartbeat sessions)");
    section.detail("Heartbeats sent", f.heartbeatsSent() + expected(f));
    section.detail("Heartbeats acknowledged", "not supported by the target");
    section.detail("Reconnects", String.valueOf(f.reconnects()));
    if (f.helloFailed() > 0) {
      section.detail("Clients lost at their first chat message", f.helloFailed() + "/"
          + f.clients() + " (no reply: they sent no heartbeats)");
    }
    if (probe.isEmpty()) {
      String why = "the run wrote no probe-pingpong.json (the ping/pong probe did not finish)";
      section.check(Targets.STABILITY.notMeasured("websocket.heartbeat.stability", why));
      section.detail("Connection stability", "not measured: " + why);
      return 0;
    }
    PingPongResult p = probe.get();
    double ratio = p.expectedPings() == 0 ? 0 : (double) p.pongsInTime() / p.expectedPings();
    Check stability = Targets.STABILITY.check("websocket.heartbeat.stability", ratio * 100)
        .withNote("WebSocket ping/pong");
    section.check(stability);
    section.detail("Pings sent / pongs in time", p.pingsSent() + " / " + p.pongsInTime()
        + " (expected " + p.expectedPings() + " = " + p.clients() + " connections × "
        + p.pingsPerClient() + "; a pong later than " + p.pongTimeoutMs()
        + " ms counts as lost" + (p.pongsLate() > 0 ? "; " + p.pongsLate() + " late" : "")
        + ")");
    section.detail("Connection stability", Format.percent(ratio) + " (" + p.pongsInTime()
        + " / " + p.expectedPings() + " pongs, ping/pong)");
    section.detail("Ping connections dropped", p.connectionsDropped() + " of "
        + p.clientsConnected() + " connected" + (p.firstFailure().isEmpty() ? ""
            : " (first: " + p.firstFailure() + ")"));
    if (stability.status() == Status.FAIL) {
      String cause;
      String action;
      if (targetLost) {
        cause = "the target stopped answering";
        action = "Find why the server process stopped or restarted during the soak (its log,"
            + " crash or out-of-memory kill) before tuning connections";
      } else if (p.connectionsDropped() > 0 || p.clientsConnected() < p.clients()) {
        cause = p.connectionsDropped() + " connections dropped, " + (p.clients()
            - p.clientsConnected()) + " never opened";
        action = "Find what closes the WebSocket connections: idle timeouts of the server or a"
            + " proxy, connection limits, and handler exceptions that end the socket";
      } else {
        cause = "pongs came late or not at all on open connections";
        action = "Find what blocks the server's event loop (synchronous work in the WebSocket"
            + " handler delays even protocol pongs)";
      }
      section.recommend("Connection stability below 99%", action, "ping/pong stability "
          + Format.percent(ratio) + " (" + p.pongsInTime() + " of " + p.expectedPings()
          + " pongs in time; " + cause + ")");
    }
    return ratio;
  }

  /** Heartbeats acknowledged over those the run's parameters called for; returns the ratio. */
  private double stability(GatlingRun run, HeartbeatFacts f, boolean targetLost,
      AreaResult.Builder section) {
    long acked = run.request(RequestNames.HEARTBEAT_ACK).map(RequestStats::ok).orElse(0L);
    long attempted = run.request(RequestNames.HEARTBEAT_SEND).map(RequestStats::total)
        .orElse(0L);
    double ratio = f.expectedHeartbeats() == 0 ? 0 : (double) acked / f.expectedHeartbeats();
    Check stability = Targets.STABILITY.check("websocket.heartbeat.stability", ratio * 100);
    section.check(stability);
    section.detail("Stability measured by", "app-level heartbeat acks (`heartbeat_ack`)");
    section.detail("Clients connected", f.clientsConnected() + "/" + f.clients());
    section.detail("Heartbeats sent", attempted + expected(f));
    section.detail("Heartbeats received (acked)", acked + " (an ack later than "
        + f.ackTimeoutMs() + " ms counts as lost)");
    section.detail("Connection stability", Format.percent(ratio) + " ("
        + acked + " / " + f.expectedHeartbeats() + " expected)");
    section.detail("Clients that lost heartbeats", f.clientsWithLostHeartbeats() + "/"
        + f.clients() + (f.helloFailed() > 0 ? " (" + f.helloFailed() + " lost at their first"
            + " chat message, which got no reply)" : ""));
    section.detail("Reconnects", String.valueOf(f.reconnects()));
    if (stability.status() == Status.FAIL) {
      section.recommend("Connection stability below 99%",
          "Find why heartbeats go unanswered: check the WebSocket handler for blocking work,"
              + " server restarts and idle timeouts; keep connections alive with heartbeats and"
              + " reconnect with backoff",
          "stability " + Format.percent(ratio) + " (" + acked + " of " + f.expectedHeartbeats()
              + " heartbeats acked" + (targetLost ? "; the target stopped answering" : "") + ")");
    }
    return ratio;
  }

  /** " (expected 400 = 4 clients × 100, one every 500 ms for 50 seconds)". */
  private static String expected(HeartbeatFacts f) {
    return " (expected " + f.expectedHeartbeats() + " = " + f.clients() + " clients × "
        + f.heartbeatsPerClient() + ", one every " + f.intervalMs() + " ms for "
        + MemorySeries.duration(f.durationSeconds()) + ")";
  }

  /** Memory per connection (footprint step, soak clients), total and trend. */
  private void memory(HeartbeatFacts f, ResourceSamples s, AreaResult.Builder section) {
    MemorySeries.lostNote(s).ifPresent(section::note);
    // footprint step: the figure that noise cannot swamp
    String openLabel = HeartbeatFacts.footprintOpenLabel(f.footprintOpened());
    Optional<Long> before = MemorySeries.at(s, HeartbeatFacts.FOOTPRINT_BEFORE);
    Optional<Long> open = MemorySeries.at(s, openLabel);
    if (f.footprintConnections() == 0) {
      section.check(Targets.MEMORY_PER_CONNECTION.notMeasured("websocket.memory.perConnection",
          "footprint.connections is 0: the footprint step did not run"));
    } else if (f.footprintMeasured() && f.footprintOpened() > 0 && before.isPresent()
        && open.isPresent()) {
      double perConn = (open.get() - before.get()) / (double) f.footprintOpened();
      Check c = Targets.MEMORY_PER_CONNECTION.check("websocket.memory.perConnection",
          perConn / MemorySeries.MB).withNote("footprint step, " + f.footprintOpened()
              + " idle connections");
      section.check(c);
      section.detail("Memory per connection (footprint, " + f.footprintOpened()
          + " connections)", Format.number(perConn / 1024) + " KB ("
          + MemorySeries.mbSigned(open.get() - before.get()) + " for " + f.footprintOpened()
          + " idle connections)");
      if (perConn < 0) {
        section.note("Resident memory fell during the footprint step (a collection returned memory),"
            + " so the per-connection figure is below what this method can resolve.");
      }
      if (c.status() == Status.FAIL) {
        section.recommend("Memory per connection above 10 MB",
            "Reduce per-connection buffers and state (frame buffers, per-session caches)",
            Format.number(perConn / MemorySeries.MB) + " MB per connection over "
                + f.footprintOpened() + " idle connections");
      }
    } else {
      String why = f.footprintOpened() == 0 && !f.footprintMeasured()
          ? "the footprint step's reading with " + f.footprintConnections()
              + " connections open was not taken (connections failed or the target was lost)"
          : MemorySeries.whyMissing(s, before.isEmpty() ? HeartbeatFacts.FOOTPRINT_BEFORE
              : openLabel);
      section.check(Targets.MEMORY_PER_CONNECTION.notMeasured("websocket.memory.perConnection", why));
      section.detail("Memory per connection (footprint, " + f.footprintConnections()
          + " connections)", "not measured: " + why);
    }

    // the soak clients: small N, so noise-dominated; shown beside the footprint figure
    Optional<Long> initial = MemorySeries.at(s, HeartbeatFacts.INITIAL);
    String clientsLabel = HeartbeatFacts.clientsConnectedLabel(f.clients());
    Optional<Long> withClients = MemorySeries.at(s, clientsLabel);
    if (initial.isPresent() && withClients.isPresent() && f.clientsConnected() > 0) {
      double per = (withClients.get() - initial.get()) / (double) f.clientsConnected();
      section.detail("Memory per connection (" + f.clientsConnected() + " soak clients)",
          Format.number(per / 1024) + " KB (" + MemorySeries.mbSigned(withClients.get()
              - initial.get()) + " for " + f.clientsConnected()
              + " clients, including their first messages; small counts are noise-dominated)");
    } else {
      section.detail("Memory per connection (" + f.clients() + " soak clients)",
          "not measured: " + MemorySeries.whyMissing(s, initial.isEmpty()
              ? HeartbeatFacts.INITIAL : clientsLabel));
    }

    // total and trend over the soak window
    long from = s.checkpoint(HeartbeatFacts.INITIAL).map(ResourceSamples.Checkpoint::t).orElse(0L);
    long to = s.checkpoint(HeartbeatFacts.SOAK_END).map(ResourceSamples.Checkpoint::t)
        .orElse(s.targetLost() ? s.targetLostAtMs() : s.endedMs());
    List<ResourceSamples.Sample> soak = s.between(from, to);
    if (soak.isEmpty()) {
      String why = MemorySeries.whyMissing(s, HeartbeatFacts.INITIAL);
      section.detail("Total memory", "not measured: " + why);
    } else {
      long peak = soak.stream().mapToLong(ResourceSamples.Sample::rssBytes).max().orElseThrow();
      // The assignment sets no target for total memory: a figure, not a check.
      section.detail("Total memory", Format.mb(peak) + " MB (peak resident memory of"
          + " the target during the soak, " + f.clientsConnected() + " clients)");
      section.detail("Memory trend over the soak", trend(soak));
    }
    section.detail("Memory source", MemorySeries.sourceText(s));
    section.chart(MemorySeries.chart("memory-trend-heartbeat.svg",
        "Target memory during the heartbeat soak and footprint step", s));
  }

  /** Theil–Sen slope over time after the warm-up cut, in MB per minute. */
  private static String trend(List<ResourceSamples.Sample> soak) {
    int skip = soak.size() * LeakDetector.WARM_UP_PERCENT / 100;
    List<ResourceSamples.Sample> used = soak.subList(skip, soak.size());
    if (used.size() < LeakDetector.MIN_POINTS) {
      return "not measured: only " + soak.size() + " samples in the soak";
    }
    double slope = TheilSen.slope(
        used.stream().mapToDouble(x -> x.t() / 60_000.0).toArray(),
        used.stream().mapToDouble(x -> x.rssBytes() / MemorySeries.MB).toArray());
    return (slope >= 0 ? "+" : "") + Format.number(slope) + " MB per minute (Theil–Sen slope"
        + " of " + used.size() + " samples after a " + LeakDetector.WARM_UP_PERCENT
        + " % warm-up; memory over time is in the chart)";
  }
}
