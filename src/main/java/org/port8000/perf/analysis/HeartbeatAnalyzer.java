package org.port8000.perf.analysis;

import java.util.List;
import java.util.Optional;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.HeartbeatFacts;
import org.port8000.perf.results.PingPongFacts;
import org.port8000.perf.results.RequestNames;
import org.port8000.perf.results.RequestStats;
import org.port8000.perf.results.ResourceFacts;
import org.port8000.perf.results.RunFacts;

/**
 * WebSocket performance (assignment §2) from the heartbeat run: stability = acked / expected
 * heartbeats (expected from the parameters the run used, so lost clients' heartbeats count as
 * lost), memory per connection from the footprint step and from the soak clients, total memory and
 * its trend.
 */
public final class HeartbeatAnalyzer extends AreaAnalyzer {

  public HeartbeatAnalyzer() {
    super(Area.WEBSOCKET, "heartbeat soak");
  }

  @Override
  protected AreaResult analyze(
      GatlingRun run,
      Optional<RunFacts> meta,
      Optional<ResourceFacts> samples,
      AreaResult.Builder section) {
    Optional<HeartbeatFacts> maybeFacts = probe(run, HeartbeatFacts.PROBE, HeartbeatFacts.class);
    if (maybeFacts.isEmpty()) {
      String why = "the run wrote no probe-heartbeat.json (it ended before after() ran)";
      section.note("Heartbeat figures not measured: " + why + ".");
      section.check(Thresholds.STABILITY.notMeasured(CheckIds.HEARTBEAT_STABILITY, why));
      return section.build("not measured");
    }
    HeartbeatFacts f = maybeFacts.get();
    boolean targetLost =
        meta.map(m -> !m.targetAnsweredAtEnd()).orElse(false)
            || samples.map(ResourceFacts::targetLost).orElse(false);
    Optional<PingPongFacts> ping = probe(run, PingPongFacts.PROBE, PingPongFacts.class);
    double ratio =
        f.ackUnknown()
            ? unknownAck(run, f, ping, targetLost, section)
            : f.ackSupported()
                ? stability(run, f, targetLost, section)
                : pingStability(run, f, ping, targetLost, section, NO_ACK);
    soakWindow(f, section);
    if (samples.isEmpty()) {
      String why = "the run wrote no probe-resources.json";
      section.check(
          Thresholds.MEMORY_PER_CONNECTION.notMeasured(CheckIds.MEMORY_PER_CONNECTION, why));
      section.detail("Total memory", "not measured: " + why);
    } else {
      memory(f, samples.get(), section);
    }
    if (targetLost) {
      section.note(
          "The target stopped answering during the heartbeat run; heartbeats after"
              + " that point count as lost.");
    }
    return section.build(Format.percent(ratio) + (targetLost ? " (target stopped answering)" : ""));
  }

  private static final String NO_ACK =
      "The target has no app-level heartbeat ack (it does not"
          + " answer `{\"type\":\"heartbeat\"}`), so connection stability was measured with"
          + " WebSocket (RFC 6455) ping/pong on the same schedule, beside the heartbeat soak.";

  /**
   * The ack capability could not be found out before the load, so the soak awaited acks and the
   * ping/pong probe ran beside it. Stability is judged by the acks when any came (the target acks
   * heartbeats), else by ping/pong; both are reported.
   */
  private double unknownAck(
      GatlingRun run,
      HeartbeatFacts f,
      Optional<PingPongFacts> ping,
      boolean targetLost,
      AreaResult.Builder section) {
    long acked = run.request(RequestNames.HEARTBEAT_ACK).map(RequestStats::ok).orElse(0L);
    long attempted = run.request(RequestNames.HEARTBEAT_SEND).map(RequestStats::total).orElse(0L);
    section.note(
        "Whether the target acks heartbeats was unknown before the load (the"
            + " capability check got no answer in its time), so the soak awaited acks and also"
            + " measured WebSocket ping/pong; both are shown.");
    if (acked > 0) {
      double ratio = stability(run, f, targetLost, section);
      ping.ifPresentOrElse(
          p ->
              section.detail(
                  "Ping/pong beside the soak",
                  p.pongsInTime()
                      + " / "
                      + p.expectedPings()
                      + " pongs in time (not judged: acks came)"),
          () ->
              section.detail(
                  "Ping/pong beside the soak",
                  "not measured: the run wrote no" + " probe-pingpong.json"));
      return ratio;
    }
    double ratio =
        pingStability(
            run,
            f,
            ping,
            targetLost,
            section,
            "No `heartbeat_ack` came"
                + " during the soak ("
                + attempted
                + " heartbeats sent, each awaited "
                + f.ackTimeoutMs()
                + " ms), so stability is judged by WebSocket ping/pong; whether the target acks"
                + " heartbeats stays unknown.");
    section.detail(
        "Heartbeats acknowledged",
        "0 of " + attempted + " sent (each awaited " + f.ackTimeoutMs() + " ms)");
    return ratio;
  }

  /**
   * A target without an app-level ack: the heartbeat frames still go out on the soak's sessions
   * (connection survival), liveness is the ping/pong probe's pongs in time over the pings its
   * schedule called for. Returns the ratio (0 when the probe wrote nothing).
   */
  private double pingStability(
      GatlingRun run,
      HeartbeatFacts f,
      Optional<PingPongFacts> probe,
      boolean targetLost,
      AreaResult.Builder section,
      String mode) {
    section.note(mode);
    soakSessions(f, section);
    if (probe.isEmpty()) {
      String why = "the run wrote no probe-pingpong.json (the ping/pong probe did not finish)";
      section.check(Thresholds.STABILITY.notMeasured(CheckIds.HEARTBEAT_STABILITY, why));
      section.detail("Connection stability", "not measured: " + why);
      return 0;
    }
    PingPongFacts p = probe.get();
    double ratio = p.expectedPings() == 0 ? 0 : (double) p.pongsInTime() / p.expectedPings();
    Check stability =
        Thresholds.STABILITY
            .check(CheckIds.HEARTBEAT_STABILITY, ratio * 100)
            .withNote("WebSocket ping/pong");
    section.check(stability);
    pings(p, ratio, section);
    if (stability.status() == Status.FAIL) {
      pingRecommendation(p, ratio, targetLost, section);
    }
    return ratio;
  }

  /**
   * What the heartbeat sessions did beside a ping/pong measurement (their frames are not acked).
   */
  private static void soakSessions(HeartbeatFacts f, AreaResult.Builder section) {
    section.detail(
        "Stability measured by",
        "WebSocket ping/pong ("
            + (f.ackUnknown()
                ? "no heartbeat ack came; the capability is unknown"
                : "the target has no app-level" + " heartbeat ack")
            + ")");
    section.detail(
        "Clients connected", f.clientsConnected() + "/" + f.clients() + " (heartbeat sessions)");
    section.detail("Heartbeats sent", f.heartbeatsSent() + expected(f));
    if (!f.ackUnknown()) {
      section.detail("Heartbeats acknowledged", "not supported by the target");
    }
    section.detail("Reconnects", String.valueOf(f.reconnects()));
    if (f.helloFailed() > 0) {
      section.detail(
          "Clients lost at their first chat message",
          f.helloFailed() + "/" + f.clients() + " (no reply: they sent no heartbeats)");
    }
  }

  /** The ping/pong probe's pings, pongs and dropped connections. */
  private static void pings(PingPongFacts p, double ratio, AreaResult.Builder section) {
    section.detail(
        "Pings sent / pongs in time",
        p.pingsSent()
            + " / "
            + p.pongsInTime()
            + " (expected "
            + p.expectedPings()
            + " = "
            + p.clients()
            + " connections × "
            + p.pingsPerClient()
            + "; a pong later than "
            + p.pongTimeoutMs()
            + " ms counts as lost"
            + (p.pongsLate() > 0 ? "; " + p.pongsLate() + " late" : "")
            + ")");
    section.detail(
        "Connection stability",
        Format.percent(ratio)
            + " ("
            + p.pongsInTime()
            + " / "
            + p.expectedPings()
            + " pongs, ping/pong)");
    section.detail(
        "Ping connections dropped",
        p.connectionsDropped()
            + " of "
            + p.clientsConnected()
            + " connected"
            + (p.firstFailure().isEmpty() ? "" : " (first: " + p.firstFailure() + ")"));
  }

  /** What to look at when ping/pong stability failed: the cause the probe's figures point to. */
  private static void pingRecommendation(
      PingPongFacts p, double ratio, boolean targetLost, AreaResult.Builder section) {
    String cause;
    String action;
    if (targetLost) {
      cause = "the target stopped answering";
      action =
          "Find why the server process stopped or restarted during the soak (its log,"
              + " crash or out-of-memory kill) before tuning connections";
    } else if (p.connectionsDropped() > 0 || p.clientsConnected() < p.clients()) {
      cause =
          p.connectionsDropped()
              + " connections dropped, "
              + (p.clients() - p.clientsConnected())
              + " never opened";
      action =
          "Find what closes the WebSocket connections: idle timeouts of the server or a"
              + " proxy, connection limits, and handler exceptions that end the socket";
    } else {
      cause = "pongs came late or not at all on open connections";
      action =
          "Find what blocks the server's event loop (synchronous work in the WebSocket"
              + " handler delays even protocol pongs)";
    }
    section.recommend(
        "Connection stability below 99%",
        action,
        "ping/pong stability "
            + Format.percent(ratio)
            + " ("
            + p.pongsInTime()
            + " of "
            + p.expectedPings()
            + " pongs in time; "
            + cause
            + ")");
  }

  /** Heartbeats acknowledged over those the run's parameters called for; returns the ratio. */
  private double stability(
      GatlingRun run, HeartbeatFacts f, boolean targetLost, AreaResult.Builder section) {
    long acked = run.request(RequestNames.HEARTBEAT_ACK).map(RequestStats::ok).orElse(0L);
    long attempted = run.request(RequestNames.HEARTBEAT_SEND).map(RequestStats::total).orElse(0L);
    double ratio = f.expectedHeartbeats() == 0 ? 0 : (double) acked / f.expectedHeartbeats();
    Check stability = Thresholds.STABILITY.check(CheckIds.HEARTBEAT_STABILITY, ratio * 100);
    section.check(stability);
    section.detail("Stability measured by", "app-level heartbeat acks (`heartbeat_ack`)");
    section.detail("Clients connected", f.clientsConnected() + "/" + f.clients());
    section.detail("Heartbeats sent", attempted + expected(f));
    section.detail(
        "Heartbeats received (acked)",
        acked + " (an ack later than " + f.ackTimeoutMs() + " ms counts as lost)");
    section.detail(
        "Connection stability",
        Format.percent(ratio) + " (" + acked + " / " + f.expectedHeartbeats() + " expected)");
    section.detail(
        "Clients that lost heartbeats",
        f.clientsWithLostHeartbeats()
            + "/"
            + f.clients()
            + (f.helloFailed() > 0
                ? " ("
                    + f.helloFailed()
                    + " lost at their first"
                    + " chat message, which got no reply)"
                : ""));
    section.detail("Reconnects", String.valueOf(f.reconnects()));
    if (stability.status() == Status.FAIL) {
      section.recommend(
          "Connection stability below 99%",
          "Find why heartbeats go unanswered: check the WebSocket handler for blocking work,"
              + " server restarts and idle timeouts; keep connections alive with heartbeats and"
              + " reconnect with backoff",
          "stability "
              + Format.percent(ratio)
              + " ("
              + acked
              + " of "
              + f.expectedHeartbeats()
              + " heartbeats acked"
              + (targetLost ? "; the target stopped answering" : "")
              + ")");
    }
    return ratio;
  }

  /**
   * Whether the clients soaked together for the planned duration: the window in which every client
   * that heartbeated to the end was heartbeating at once, against the planned soak less one
   * interval (clients start within one interval of each other). Clients lost on the way are not in
   * the window; their heartbeats count as lost in the stability figure.
   */
  private static void soakWindow(HeartbeatFacts f, AreaResult.Builder section) {
    String metric = CheckIds.SOAK_WINDOW;
    Threshold target =
        new Threshold(">=", Math.max(0, f.soakPlannedMs() - f.intervalMs()) / 1000.0, "s");
    String planned = MemorySeries.seconds(f.soakPlannedMs());
    String who =
        (f.soakClients() == f.clients()
                ? "all " + f.clients() + " clients"
                : f.soakClients()
                    + " of "
                    + f.clients()
                    + " clients ("
                    + (f.clients() - f.soakClients())
                    + " lost or not answered at the end)")
            + (f.merged() ? " of " + f.injectors() + " injectors (on their clocks)" : "");
    if (f.soakClients() == 0 || f.soakOverlapMs() < 0) {
      String why =
          "no client heartbeated to the end of the soak with its last heartbeat" + " answered";
      section.check(new Check(metric, null, target.unit(), target.text(), Status.FAIL, why));
      section.detail("Soak window", why + " (planned " + planned + ")");
      return;
    }
    String window =
        who
            + " heartbeating together for "
            + MemorySeries.seconds(f.soakOverlapMs())
            + " of the planned "
            + planned;
    section.check(target.check(metric, f.soakOverlapMs() / 1000.0).withNote(window));
    section.detail("Soak window", window);
  }

  /** " (expected 400 = 4 clients × 100, one every 500 ms for 50 seconds)". */
  private static String expected(HeartbeatFacts f) {
    return " (expected "
        + f.expectedHeartbeats()
        + " = "
        + f.clients()
        + " clients × "
        + f.heartbeatsPerClient()
        + ", one every "
        + f.intervalMs()
        + " ms for "
        + MemorySeries.duration(f.durationSeconds())
        + ")";
  }

  /** Memory per connection (footprint step, soak clients), total and trend. */
  private void memory(HeartbeatFacts f, ResourceFacts s, AreaResult.Builder section) {
    MemorySeries.lostNote(s).ifPresent(section::note);
    footprint(f, s, section);

    soakClientsMemory(f, s, section);

    // total and trend over the soak window
    long from = s.checkpoint(HeartbeatFacts.SOAK_START).map(ResourceFacts.Checkpoint::t).orElse(0L);
    long to =
        s.checkpoint(HeartbeatFacts.SOAK_END)
            .map(ResourceFacts.Checkpoint::t)
            .orElse(s.targetLost() ? s.targetLostAtMs() : s.endedMs());
    List<ResourceFacts.Sample> soak = s.between(from, to);
    if (soak.isEmpty()) {
      String why = MemorySeries.whyMissing(s, HeartbeatFacts.SOAK_START);
      section.detail("Total memory", "not measured: " + why);
    } else {
      long peak = soak.stream().mapToLong(ResourceFacts.Sample::rssBytes).max().orElseThrow();
      // The assignment sets no target for total memory: a figure, not a check.
      section.detail(
          "Total memory",
          Format.mb(peak)
              + " MB (peak resident memory of"
              + " the target during the soak, "
              + f.clientsConnected()
              + " clients)");
      section.detail("Memory trend over the soak", trend(soak));
    }
    section.detail("Memory source", MemorySeries.sourceText(s));
    InstanceTable.of(s).ifPresent(section::table);
    section.chart(
        MemorySeries.chart(
            "memory-trend-heartbeat.svg",
            "Target memory during the heartbeat soak and footprint step",
            s));
  }

  /**
   * Memory per connection from the soak clients: small N, so noise-dominated; shown beside the
   * footprint figure. Not on a merged run: its reading "with the clients connected" is injector
   * 0's, taken when injector 0's own clients had connected, and the other injectors' clients
   * connect beside them untimed by it, so the reading holds an unknown number of them.
   */
  private static void soakClientsMemory(
      HeartbeatFacts f, ResourceFacts s, AreaResult.Builder section) {
    if (f.merged()) {
      section.detail(
          "Memory per connection (" + f.clients() + " soak clients)",
          "not measured: the reading with the soak clients connected is injector 0's, taken when"
              + " its own clients had connected; the other "
              + (f.injectors() - 1)
              + " injector(s) connect theirs beside them and the reading is not timed to their"
              + " clients, so it holds an unknown number of them (the footprint step gives memory"
              + " per connection)");
      return;
    }
    Optional<Long> initial = MemorySeries.at(s, HeartbeatFacts.SOAK_START);
    String clientsLabel = HeartbeatFacts.clientsConnectedLabel(f.clients());
    Optional<Long> withClients = MemorySeries.at(s, clientsLabel);
    if (initial.isPresent() && withClients.isPresent() && f.clientsConnected() > 0) {
      double per = (withClients.get() - initial.get()) / (double) f.clientsConnected();
      section.detail(
          "Memory per connection (" + f.clientsConnected() + " soak clients)",
          Format.number(per / 1024)
              + " KB ("
              + MemorySeries.mbSigned(withClients.get() - initial.get())
              + " for "
              + f.clientsConnected()
              + " clients, including their first messages; small counts are noise-dominated)");
    } else {
      section.detail(
          "Memory per connection (" + f.clients() + " soak clients)",
          "not measured: "
              + MemorySeries.whyMissing(
                  s, initial.isEmpty() ? HeartbeatFacts.SOAK_START : clientsLabel));
    }
  }

  /**
   * The footprint step (on the quiet target, before the soak): quiet readings, then readings with
   * {@code footprint.connections} idle connections open; judged with the readings' resolution.
   */
  private void footprint(HeartbeatFacts f, ResourceFacts s, AreaResult.Builder section) {
    if (f.footprintConnections() == 0) {
      section.check(
          Thresholds.MEMORY_PER_CONNECTION.notMeasured(
              CheckIds.MEMORY_PER_CONNECTION,
              "footprint.connections is 0: the footprint step did not run"));
      return;
    }
    List<Long> before = readings(s, HeartbeatFacts.FOOTPRINT_BEFORE);
    List<Long> open = readings(s, HeartbeatFacts.FOOTPRINT_OPEN);
    Optional<FootprintEstimate> maybe =
        f.footprintMeasured()
            ? FootprintEstimate.of(before, open, f.footprintOpened())
            : Optional.empty();
    if (maybe.isEmpty()) {
      String why =
          !f.footprintMeasured()
              ? "the footprint step's readings with "
                  + f.footprintConnections()
                  + " connections open were not taken (connections failed or the target was lost)"
              : MemorySeries.whyMissing(
                  s,
                  before.isEmpty()
                      ? HeartbeatFacts.footprintBeforeLabel(1)
                      : HeartbeatFacts.footprintOpenLabel(f.footprintOpened(), 1));
      footprintNotMeasured(footprintLabel(f.footprintConnections()), why, section);
      return;
    }
    footprint(maybe.get(), before.size(), open.size(), section);
  }

  private static String footprintLabel(int connections) {
    return "Memory per connection (footprint, " + connections + " connections)";
  }

  private static void footprintNotMeasured(String label, String why, AreaResult.Builder section) {
    section.check(
        Thresholds.MEMORY_PER_CONNECTION.notMeasured(CheckIds.MEMORY_PER_CONNECTION, why));
    section.detail(label, "not measured: " + why);
  }

  /** The footprint step's estimate from {@code before} quiet and {@code open} open readings. */
  private static void footprint(
      FootprintEstimate e, int before, int open, AreaResult.Builder section) {
    String label = footprintLabel(e.connections());
    String growth =
        MemorySeries.mbSigned(e.growthBytes())
            + " resident for "
            + e.connections()
            + " idle connections; quiet readings "
            + before
            + " before, "
            + open
            + " open, spread up to "
            + Format.number(e.noiseBytes() / 1024.0)
            + " KB";
    if (!e.resolved()) {
      unresolved(e, label, growth, section);
    } else if (e.growthBytes() < 0) {
      footprintNotMeasured(
          label,
          "resident memory fell while the connections were open (a collection returned"
              + " memory), so the step cannot resolve their cost ("
              + growth
              + ")",
          section);
    } else {
      perConnection(e, label, growth, section);
    }
  }

  private static String where(FootprintEstimate e) {
    return "footprint step on the quiet target before the soak, "
        + e.connections()
        + " idle connections";
  }

  /** A growth inside the noise is a bound, not a figure: never "0 KB". */
  private static void unresolved(
      FootprintEstimate e, String label, String growth, AreaResult.Builder section) {
    String metric = CheckIds.MEMORY_PER_CONNECTION;
    Threshold target = Thresholds.MEMORY_PER_CONNECTION;
    String sentence = "below what it can resolve (" + e.resolutionText() + ")";
    section.detail(label, sentence + " (" + growth + ")");
    section.note(
        "Memory per connection is "
            + sentence
            + ": resident memory did not move"
            + " beyond its quiet spread while the connections opened (memory a runtime had"
            + " already reserved is not visible to this reading).");
    section.check(
        e.boundMeets(target)
            ? new Check(
                metric, null, target.unit(), target.text(), Status.PASS, sentence + ", " + where(e))
            : target.notMeasured(
                metric,
                sentence
                    + ", which is not under the target "
                    + target.text()
                    + ": open more idle connections (footprint.connections)"));
  }

  /** Memory per idle connection, judged against its target. */
  private static void perConnection(
      FootprintEstimate e, String label, String growth, AreaResult.Builder section) {
    double perConn = e.perConnectionBytes();
    Check c =
        Thresholds.MEMORY_PER_CONNECTION
            .check(CheckIds.MEMORY_PER_CONNECTION, perConn / MemorySeries.MB)
            .withNote(where(e) + ", " + e.resolutionText());
    section.check(c);
    section.detail(
        label, Format.number(perConn / 1024) + " KB " + e.resolutionText() + " (" + growth + ")");
    if (c.status() == Status.FAIL) {
      section.recommend(
          "Memory per connection above 10 MB",
          "Reduce per-connection buffers and state (frame buffers, per-session caches)",
          Format.number(perConn / MemorySeries.MB)
              + " MB per connection over "
              + e.connections()
              + " idle connections");
    }
  }

  /** The readings of the checkpoints whose label starts with {@code prefix}, in order. */
  private static List<Long> readings(ResourceFacts s, String prefix) {
    return s.checkpoints().stream()
        .filter(c -> c.label().startsWith(prefix) && c.rssBytes() != null)
        .map(ResourceFacts.Checkpoint::rssBytes)
        .toList();
  }

  /** Theil–Sen slope over time after the warm-up cut, in MB per minute. */
  private static String trend(List<ResourceFacts.Sample> soak) {
    int skip = soak.size() * LeakDetector.WARM_UP_PERCENT / 100;
    List<ResourceFacts.Sample> used = soak.subList(skip, soak.size());
    if (used.size() < LeakDetector.MIN_POINTS) {
      return "not measured: only " + soak.size() + " samples in the soak";
    }
    double slope =
        TheilSen.slope(
            used.stream().mapToDouble(x -> x.t() / 60_000.0).toArray(),
            used.stream().mapToDouble(x -> x.rssBytes() / MemorySeries.MB).toArray());
    return (slope >= 0 ? "+" : "")
        + Format.number(slope)
        + " MB per minute (Theil–Sen slope"
        + " of "
        + used.size()
        + " samples after a "
        + LeakDetector.WARM_UP_PERCENT
        + " % warm-up; memory over time is in the chart)";
  }
}
