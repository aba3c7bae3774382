package org.port8000.perf.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.HeartbeatFacts;
import org.port8000.perf.results.ProbeFiles;
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
public final class HeartbeatAnalyzer implements AreaAnalyzer {

  @Override
  public Area area() {
    return Area.WEBSOCKET;
  }

  @Override
  public AreaResult analyze(Optional<GatlingRun> maybeRun) {
    if (maybeRun.isEmpty()) {
      return AreaResult.notRun(area());
    }
    GatlingRun run = maybeRun.get();
    List<Detail> details = new ArrayList<>();
    List<Check> checks = new ArrayList<>();
    List<Recommendation> recs = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<Chart> charts = new ArrayList<>();
    List<Link> links = List.of(new Link("Gatling report (heartbeat soak)", run.htmlReport(), false));

    Optional<RunMeta> meta = ProbeFiles.read(run.folder(), RunMeta.PROBE, RunMeta.class);
    meta.ifPresent(m -> notes.addAll(m.notes()));
    Optional<HeartbeatFacts> maybeFacts =
        ProbeFiles.read(run.folder(), HeartbeatFacts.PROBE, HeartbeatFacts.class);
    Optional<ResourceSamples> samples =
        ProbeFiles.read(run.folder(), ResourceSamples.PROBE, ResourceSamples.class);
    if (maybeFacts.isEmpty()) {
      String why = "the run wrote no probe-heartbeat.json (it ended before after() ran)";
      notes.add("Heartbeat figures not measured: " + why + ".");
      checks.add(Targets.STABILITY.notMeasured("websocket.heartbeat.stability", why));
      return new AreaResult(area(), true, area().metric(), "not measured", area().target(), Status.NOT_MEASURED,
          details, List.of(), checks, recs, notes, links, charts);
    }
    HeartbeatFacts f = maybeFacts.get();
    boolean targetLost = meta.map(m -> !m.targetAnsweredAtEnd()).orElse(false)
        || samples.map(ResourceSamples::targetLost).orElse(false);

    // stability
    long acked = run.request(RequestNames.HEARTBEAT_ACK).map(RequestStats::ok).orElse(0L);
    long attempted = run.request(RequestNames.HEARTBEAT_SEND).map(RequestStats::total).orElse(0L);
    double ratio = f.expectedHeartbeats() == 0 ? 0 : (double) acked / f.expectedHeartbeats();
    Check stability = Targets.STABILITY.check("websocket.heartbeat.stability", ratio * 100);
    checks.add(stability);
    details.add(new Detail("Clients connected", f.clientsConnected() + "/" + f.clients()));
    details.add(new Detail("Heartbeats sent", attempted + " (expected " + f.expectedHeartbeats()
        + " = " + f.clients() + " clients × " + f.heartbeatsPerClient() + ", one every "
        + f.intervalMs() + " ms for " + MemorySeries.duration(f.durationSeconds()) + ")"));
    details.add(new Detail("Heartbeats received (acked)", acked + " (an ack later than "
        + f.ackTimeoutMs() + " ms counts as lost)"));
    details.add(new Detail("Connection stability", Format.percent(ratio) + " ("
        + acked + " / " + f.expectedHeartbeats() + " expected)"));
    details.add(new Detail("Clients that lost heartbeats", f.clientsWithLostHeartbeats() + "/"
        + f.clients()));
    details.add(new Detail("Reconnects", String.valueOf(f.reconnects())));
    if (stability.status() == Status.FAIL) {
      recs.add(new Recommendation(area(), "Connection stability below 99%",
          "Find why heartbeats go unanswered: check the WebSocket handler for blocking work,"
              + " server restarts and idle timeouts; keep connections alive with heartbeats and"
              + " reconnect with backoff",
          "stability " + Format.percent(ratio) + " (" + acked + " of " + f.expectedHeartbeats()
              + " heartbeats acked" + (targetLost ? "; the target stopped answering" : "") + ")"));
    }

    // memory
    if (samples.isEmpty()) {
      String why = "the run wrote no probe-resources.json";
      checks.add(Targets.MEMORY_PER_CONNECTION.notMeasured("websocket.memory.perConnection", why));
      details.add(new Detail("Total memory", "not measured: " + why));
    } else {
      memory(f, samples.get(), details, checks, recs, notes, charts);
    }

    if (targetLost) {
      notes.add("The target stopped answering during the heartbeat run; heartbeats after that"
          + " point count as lost.");
    }
    String result = Format.percent(ratio) + (targetLost ? " (target stopped answering)" : "");
    return new AreaResult(area(), true, area().metric(), result, area().target(), stability.status(), details,
        List.of(), checks, recs, notes, links, charts);
  }

  private void memory(HeartbeatFacts f, ResourceSamples s, List<Detail> details,
      List<Check> checks, List<Recommendation> recs, List<String> notes, List<Chart> charts) {
    MemorySeries.lostNote(s).ifPresent(notes::add);
    // footprint step: the figure that noise cannot swamp
    String openLabel = HeartbeatFacts.footprintOpenLabel(f.footprintOpened());
    Optional<Long> before = MemorySeries.at(s, HeartbeatFacts.FOOTPRINT_BEFORE);
    Optional<Long> open = MemorySeries.at(s, openLabel);
    if (f.footprintConnections() == 0) {
      checks.add(Targets.MEMORY_PER_CONNECTION.notMeasured("websocket.memory.perConnection",
          "footprint.connections is 0: the footprint step did not run"));
    } else if (f.footprintMeasured() && f.footprintOpened() > 0 && before.isPresent()
        && before.get() != null && open.isPresent() && open.get() != null) {
      double perConn = (open.get() - before.get()) / (double) f.footprintOpened();
      Check c = Targets.MEMORY_PER_CONNECTION.check("websocket.memory.perConnection",
          perConn / MemorySeries.MB).withNote("footprint step, " + f.footprintOpened()
              + " idle connections");
      checks.add(c);
      details.add(new Detail("Memory per connection (footprint, " + f.footprintOpened()
          + " connections)", Format.number(perConn / 1024) + " KB ("
          + MemorySeries.mbSigned(open.get() - before.get()) + " for " + f.footprintOpened()
          + " idle connections)"));
      if (perConn < 0) {
        notes.add("Resident memory fell during the footprint step (a collection returned memory),"
            + " so the per-connection figure is below what this method can resolve.");
      }
      if (c.status() == Status.FAIL) {
        recs.add(new Recommendation(Area.WEBSOCKET, "Memory per connection above 10 MB",
            "Reduce per-connection buffers and state (frame buffers, per-session caches)",
            Format.number(perConn / MemorySeries.MB) + " MB per connection over "
                + f.footprintOpened() + " idle connections"));
      }
    } else {
      String why = f.footprintOpened() == 0 && !f.footprintMeasured()
          ? "the footprint step's reading with " + f.footprintConnections()
              + " connections open was not taken (connections failed or the target was lost)"
          : MemorySeries.whyMissing(s, before.isEmpty() ? HeartbeatFacts.FOOTPRINT_BEFORE
              : openLabel);
      checks.add(Targets.MEMORY_PER_CONNECTION.notMeasured("websocket.memory.perConnection", why));
      details.add(new Detail("Memory per connection (footprint, " + f.footprintConnections()
          + " connections)", "not measured: " + why));
    }

    // the soak clients: small N, so noise-dominated; shown beside the footprint figure
    Optional<Long> initial = MemorySeries.at(s, HeartbeatFacts.INITIAL);
    String clientsLabel = HeartbeatFacts.clientsConnectedLabel(f.clients());
    Optional<Long> withClients = MemorySeries.at(s, clientsLabel);
    if (initial.isPresent() && initial.get() != null && withClients.isPresent()
        && withClients.get() != null && f.clientsConnected() > 0) {
      double per = (withClients.get() - initial.get()) / (double) f.clientsConnected();
      details.add(new Detail("Memory per connection (" + f.clientsConnected() + " soak clients)",
          Format.number(per / 1024) + " KB (" + MemorySeries.mbSigned(withClients.get()
              - initial.get()) + " for " + f.clientsConnected()
              + " clients, including their first messages; small counts are noise-dominated)"));
    } else {
      details.add(new Detail("Memory per connection (" + f.clients() + " soak clients)",
          "not measured: " + MemorySeries.whyMissing(s, initial.isEmpty()
              || initial.get() == null ? HeartbeatFacts.INITIAL : clientsLabel)));
    }

    // total and trend over the soak window
    long from = s.checkpoint(HeartbeatFacts.INITIAL).map(ResourceSamples.Checkpoint::t).orElse(0L);
    long to = s.checkpoint(HeartbeatFacts.SOAK_END).map(ResourceSamples.Checkpoint::t)
        .orElse(s.targetLost() ? s.targetLostAtMs() : s.endedMs());
    List<ResourceSamples.Sample> soak = s.between(from, to);
    if (soak.isEmpty()) {
      String why = MemorySeries.whyMissing(s, HeartbeatFacts.INITIAL);
      details.add(new Detail("Total memory", "not measured: " + why));
    } else {
      long peak = soak.stream().mapToLong(ResourceSamples.Sample::rssBytes).max().orElseThrow();
      // The assignment sets no target for total memory: a figure, not a check.
      details.add(new Detail("Total memory", Format.mb(peak) + " MB (peak resident memory of"
          + " the target during the soak, " + f.clientsConnected() + " clients)"));
      details.add(new Detail("Memory trend over the soak", trend(soak)));
    }
    details.add(new Detail("Memory source", MemorySeries.sourceText(s)));
    charts.add(MemorySeries.chart("memory-trend-heartbeat.svg",
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
