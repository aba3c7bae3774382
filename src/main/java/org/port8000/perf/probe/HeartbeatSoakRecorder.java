package org.port8000.perf.probe;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.port8000.perf.results.HeartbeatFacts;

/**
 * What the heartbeat soak's clients count while they run, for {@code probe-heartbeat.json}:
 * connects, clients that settled (hello answered, or lost), heartbeats sent, clients that lost
 * heartbeats, and the window in which every client that soaked to the end heartbeated at once. It
 * also keeps the soak's start schedule: the soak starts once every client settled, so all soak
 * together. Gatling's users call it concurrently, so every count is atomic.
 */
public final class HeartbeatSoakRecorder {

  /** How often a settled client looks whether every client has settled. */
  public static final Duration SETTLED_POLL = Duration.ofMillis(50);

  /**
   * The soak starts this long after the last client settled, on a schedule every client knows, so
   * the time each takes to notice (up to one poll) does not shorten the shared window.
   */
  static final Duration SOAK_START_MARGIN = SETTLED_POLL.multipliedBy(5);

  private final int clients;
  private final long intervalMs;
  private final int perClient;
  private final Consumer<String> checkpoint;

  private final AtomicInteger clientsSettled = new AtomicInteger();
  private final AtomicInteger clientsConnected = new AtomicInteger();
  private final AtomicInteger connectionsOpened = new AtomicInteger();
  private final AtomicInteger clientsWithLoss = new AtomicInteger();
  private final AtomicInteger clientsDone = new AtomicInteger();
  private final AtomicLong heartbeatsSent = new AtomicLong();
  private final AtomicInteger helloFailed = new AtomicInteger();
  private final AtomicInteger helloesDone = new AtomicInteger();
  private final AtomicLong soakStartsAtMs = new AtomicLong(-1);
  private volatile long notBeforeMs = Long.MIN_VALUE;
  // the soak window (MonotonicClock ms): the latest first heartbeat and the earliest end
  private final AtomicInteger soakClients = new AtomicInteger();
  private final AtomicLong latestFirstMs = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong earliestEndMs = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong earliestFirstMs = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong latestEndMs = new AtomicLong(Long.MIN_VALUE);

  /**
   * A soak of {@code clients} clients sending {@code perClient} heartbeats every {@code interval};
   * {@code checkpoint} marks the target's memory reading when all clients are connected and when
   * all are done (a no-op where this injector does not sample the target).
   */
  public HeartbeatSoakRecorder(
      int clients, Duration interval, int perClient, Consumer<String> checkpoint) {
    this.clients = clients;
    this.intervalMs = interval.toMillis();
    this.perClient = perClient;
    this.checkpoint = checkpoint;
  }

  /** A successful connect, reconnects included. */
  public void connectionOpened() {
    connectionsOpened.incrementAndGet();
  }

  /** A client's first connect succeeded. */
  public void connected() {
    clientsConnected.incrementAndGet();
  }

  /** A client's first connect failed: it is settled (lost) at once. */
  public void connectFailed() {
    settled();
  }

  /**
   * A client's hello was answered, or failed (then it is lost and counts as a client that lost
   * heartbeats). Returns how long after the shared start this client sends its first heartbeat:
   * clients start spread over half an interval, in the order their hello settled, so their
   * heartbeats do not arrive in lockstep and all still overlap for all but half an interval.
   */
  public long helloSettled(boolean failed) {
    settled();
    long offsetMs = helloesDone.getAndIncrement() * (intervalMs / 2) / Math.max(1, clients);
    if (failed) {
      helloFailed.incrementAndGet();
      clientsWithLoss.incrementAndGet();
    }
    return offsetMs;
  }

  /**
   * A client is settled once its hello was answered (or it was lost): the soak starts when all are,
   * so no client is still in its hello while the others heartbeat.
   */
  private void settled() {
    if (clientsSettled.incrementAndGet() == clients) {
      soakStartsAtMs.set(
          Math.max(MonotonicClock.nowMillis() + SOAK_START_MARGIN.toMillis(), notBeforeMs));
      checkpoint.accept(HeartbeatFacts.clientsConnectedLabel(clients));
    }
  }

  /**
   * The soak starts no earlier than {@code epochMs} ({@link MonotonicClock}), even when every
   * client settled before: several injectors start their clients' heartbeats at one instant, so all
   * their clients soak together.
   */
  public void startNoEarlierThan(long epochMs) {
    notBeforeMs = epochMs;
  }

  /** True while some client has not settled yet. */
  public boolean othersSettling() {
    return clientsSettled.get() < clients;
  }

  /** The wait until a client's first heartbeat is due (none when not all settled in time). */
  public Duration untilStart(long startOffsetMs) {
    return untilStart(startOffsetMs, MonotonicClock.nowMillis());
  }

  Duration untilStart(long startOffsetMs, long nowMs) {
    long at = soakStartsAtMs.get();
    return at < 0 ? Duration.ZERO : Duration.ofMillis(Math.max(0, at + startOffsetMs - nowMs));
  }

  public void heartbeatSent() {
    heartbeatsSent.incrementAndGet();
  }

  /** A client lost its first heartbeat; later losses of the same client are not counted again. */
  public void clientLostHeartbeats() {
    clientsWithLoss.incrementAndGet();
  }

  /** Whether {@code seq} is a client's last heartbeat. */
  public boolean isLast(int seq) {
    return seq == perClient - 1;
  }

  /**
   * A client whose last heartbeat was answered soaked to the end: its window (first heartbeat to
   * one interval after its last) narrows the window all such clients share.
   */
  public void soakedToTheEnd(long firstHeartbeatMs, long lastHeartbeatMs) {
    soakClients.incrementAndGet();
    long end = lastHeartbeatMs + intervalMs;
    latestFirstMs.accumulateAndGet(firstHeartbeatMs, Math::max);
    earliestFirstMs.accumulateAndGet(firstHeartbeatMs, Math::min);
    earliestEndMs.accumulateAndGet(end, Math::min);
    latestEndMs.accumulateAndGet(end, Math::max);
  }

  /** A client finished (soaked, lost or never connected); the last one marks the soak's end. */
  public void clientDone() {
    if (clientsDone.incrementAndGet() == clients) {
      checkpoint.accept(HeartbeatFacts.SOAK_END);
    }
  }

  /** How long every client that soaked to the end heartbeated at once; -1 when none did. */
  public long overlapMs() {
    return soakClients.get() == 0 ? -1 : Math.max(0, earliestEndMs.get() - latestFirstMs.get());
  }

  /** The soak each client was to run: heartbeats per client × interval. */
  public long plannedMs() {
    return intervalMs * perClient;
  }

  /**
   * The facts of the run: this soak's counts with the plan's figures and the footprint step's.
   *
   * @param ackCapability the capability check's answer ("yes", "no" or "unknown")
   */
  public HeartbeatFacts facts(
      Duration duration,
      Duration ackTimeout,
      FootprintRecorder footprint,
      boolean ackSupported,
      String ackCapability) {
    return new HeartbeatFacts(
        clients,
        intervalMs,
        duration.toSeconds(),
        perClient,
        (long) clients * perClient,
        ackTimeout.toMillis(),
        clientsConnected.get(),
        connectionsOpened.get(),
        clientsWithLoss.get(),
        footprint.connections(),
        footprint.openAtReading(),
        footprint.measured(),
        ackSupported,
        heartbeatsSent.get(),
        helloFailed.get(),
        soakClients.get(),
        overlapMs(),
        plannedMs(),
        ackCapability,
        soakClients.get() == 0 ? 0 : latestFirstMs.get(),
        soakClients.get() == 0 ? 0 : earliestEndMs.get(),
        1);
  }

  /**
   * Where the shared window went, for whoever tunes the start schedule (a progress line); empty
   * when no client soaked to the end.
   */
  public Optional<String> windowLine() {
    if (soakClients.get() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        "[perf] heartbeat soak: "
            + soakClients.get()
            + " clients to the end;"
            + " first heartbeats spread over "
            + (latestFirstMs.get() - earliestFirstMs.get())
            + " ms, ends over "
            + (latestEndMs.get() - earliestEndMs.get())
            + " ms; window "
            + overlapMs()
            + " ms of "
            + plannedMs()
            + " ms");
  }
}
