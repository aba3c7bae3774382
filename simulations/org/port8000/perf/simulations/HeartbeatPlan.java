package org.port8000.perf.simulations;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.port8000.perf.config.InjectorShare;
import org.port8000.perf.config.Settings;
import org.port8000.perf.probe.FootprintRecorder;

/**
 * What this injector's heartbeat run does. First, on the quiet target, the footprint step: quiet
 * memory readings, {@code footprint.connections} idle connections opened over a ramp, readings with
 * them open, then they close (memory per connection with a count that noise cannot swamp, before
 * the soak grows the target's memory). Only the first injector runs it; the others wait for it, so
 * their clients do not connect while it reads. Then this injector's share of {@code
 * heartbeat.clients} connect over a ramp, each says hello (a client whose hello gets no reply is
 * lost), and once every client has settled they all send a heartbeat every {@code
 * heartbeat.intervalMs} for {@code heartbeat.durationSeconds}, so all soak together; the window
 * they really overlapped is recorded.
 *
 * @param clients this injector's soak clients
 * @param perClient heartbeats each client sends
 * @param footprintConnections idle connections this injector opens for the footprint step
 * @param footprintTotal the footprint step's connections in the run (on the first injector)
 * @param injectors the injectors sharing the run: with several, every injector's soak phase starts
 *     at one instant after the shared start ({@link #soakPhaseAfter()}), and their clients' first
 *     heartbeats at one instant too, so all injectors' clients soak together
 */
public record HeartbeatPlan(
    int clients,
    Duration interval,
    Duration duration,
    int perClient,
    Duration replyTimeout,
    int footprintConnections,
    int footprintTotal,
    int injectors) {

  public static HeartbeatPlan of(Settings settings, InjectorShare injector) {
    Duration interval = settings.heartbeatInterval();
    int footprintTotal = settings.footprintConnections();
    return new HeartbeatPlan(
        injector.users(settings.heartbeatClients()),
        interval,
        settings.heartbeatDuration(),
        (int) (settings.heartbeatDuration().toMillis() / interval.toMillis()),
        settings.replyTimeout(),
        injector.isFirst() ? footprintTotal : 0,
        footprintTotal,
        injector.count());
  }

  /** Several injectors: their soaks start on one schedule, not when each is ready. */
  public boolean sharedSoakStart() {
    return injectors > 1;
  }

  /**
   * With several injectors, when every injector's soak phase starts, after the shared start: the
   * footprint step as planned, twice over, plus 5 s. Injector 0's step takes longer than planned
   * (200 connects on a busy 2-core machine took 2.5 to 4.5 s more), and injectors that waited only
   * the plan started their soak that much earlier: the clients of both soaked together 15.5 to 17.5
   * s of 20. Zero with one injector or no footprint step.
   */
  public Duration soakPhaseAfter() {
    if (!sharedSoakStart()) {
      return Duration.ZERO;
    }
    Duration planned = footprintTotal == 0 ? Duration.ZERO : footprintPlanned();
    return planned.multipliedBy(2).plus(Duration.ofSeconds(5));
  }

  /**
   * With several injectors, when the clients' first heartbeats are due after the soak phase starts:
   * the reading before the soak, the clients' ramp and 2 s for their hellos. An injector whose
   * clients settle later starts when they have (the soak window then shows it).
   */
  public Duration firstHeartbeatAfterPhase() {
    return FootprintRecorder.SETTLE.plus(clientRamp()).plus(Duration.ofSeconds(2));
  }

  /**
   * An ack later than the next heartbeat counts as lost; waiting longer would break the cadence.
   */
  public Duration ackTimeout() {
    return replyTimeout.compareTo(interval) < 0 ? replyTimeout : interval;
  }

  /** Clients connect over a ramp: at most 200 connects/s, at least one interval or 1 s. */
  public Duration clientRamp() {
    return Collections.max(
        List.of(Duration.ofSeconds(1), interval, Duration.ofMillis(clients * 5L)));
  }

  /** The soak starts when every client has said hello (or was lost), so all soak together. */
  public Duration allConnectedMax() {
    return clientRamp().plus(replyTimeout).plus(Duration.ofSeconds(10));
  }

  /** The footprint connections open over a ramp of 200 connects/s (at least 1 s). */
  public Duration footprintRamp() {
    return Duration.ofMillis(Math.max(1000, footprintTotal * 5L));
  }

  /** The quiet readings before the footprint connections open. */
  public Duration footprintQuiet() {
    return FootprintRecorder.SETTLE.plus(
        FootprintRecorder.READING_GAP.multipliedBy(FootprintRecorder.READINGS));
  }

  /**
   * How long an injector that does not run the footprint step waits before its soak: the step's
   * quiet readings, ramp and readings with the connections open, as planned (zero where it runs).
   */
  public Duration footprintWait() {
    if (footprintConnections > 0 || footprintTotal == 0) {
      return Duration.ZERO;
    }
    return footprintPlanned();
  }

  /** The footprint step as planned: quiet readings, ramp, settle, readings with them open. */
  private Duration footprintPlanned() {
    return footprintQuiet()
        .plus(footprintRamp())
        .plus(FootprintRecorder.SETTLE)
        .plus(FootprintRecorder.READING_GAP.multipliedBy(FootprintRecorder.READINGS - 1));
  }

  /** The run's longest plan: the footprint step held to its maximum, then the whole soak. */
  public Duration maxDuration() {
    Duration footprint =
        footprintQuiet()
            .plus(footprintRamp())
            .plus(FootprintRecorder.HOLD_MAX)
            .plus(FootprintRecorder.SETTLE);
    return Collections.max(List.of(footprint, soakPhaseAfter().plus(FootprintRecorder.SETTLE)))
        .plus(allConnectedMax())
        .plus(interval.multipliedBy(perClient + 1L))
        .plus(replyTimeout.multipliedBy(2))
        .plus(Duration.ofSeconds(30));
  }

  /** How long the ping/pong probe's result may take after the soak started. */
  public Duration pingResultMax() {
    return interval.multipliedBy(perClient + 2L).plus(Duration.ofSeconds(30));
  }

  /**
   * Connections open at once: the soak's clients (and the ping probe's) or the footprint's, never
   * both, since the footprint's close before the soak starts.
   */
  public long openConnections(boolean pingPong) {
    return Math.max(clients * (pingPong ? 2L : 1L), footprintConnections);
  }
}
