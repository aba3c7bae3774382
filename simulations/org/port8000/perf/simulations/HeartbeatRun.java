package org.port8000.perf.simulations;

import org.port8000.perf.probe.FootprintRecorder;
import org.port8000.perf.probe.HeartbeatSoakRecorder;
import org.port8000.perf.probe.PingProbe;
import org.port8000.perf.results.CapabilityFacts;
import org.port8000.perf.results.HeartbeatFacts;
import org.port8000.perf.results.PingPongFacts;
import org.port8000.perf.results.RequestNames;

/**
 * What the heartbeat simulation measures beside its load: the target's resources (sampled by
 * injector 0 only), the soak's and the footprint step's recorders, the ping/pong probe, and the
 * probe files they write.
 */
final class HeartbeatRun {
  final HeartbeatPlan plan;

  /** The target acks heartbeats as far as the capability check found (null: unknown). */
  final Boolean ackCapability;

  // acks are awaited unless the target is known not to ack; ping/pong runs unless it is known
  // to ack: an unknown capability gets both, and the report shows both
  final boolean ackSupported;
  final boolean pingPong;

  final HeartbeatSoakRecorder soak;
  final FootprintRecorder footprint;
  final HeartbeatSteps steps;
  final FootprintStep footprintStep;

  private final SimulationSupport support;
  // started in before(), after the injectors' shared start, so its time limit covers the load
  private final TargetSampling sampling;
  private volatile PingProbe pingProbe;
  // with several injectors: every injector's soak phase starts at this instant (epoch ms)
  private volatile long soakPhaseAtMs;

  HeartbeatRun(SimulationSupport support) {
    this.support = support;
    plan = HeartbeatPlan.of(support.settings, support.injector);
    sampling = new TargetSampling(support, plan.maxDuration());
    ackCapability = support.capabilities.heartbeatAck();
    ackSupported = !CapabilityFacts.lacks(ackCapability);
    pingPong = !CapabilityFacts.has(ackCapability);
    soak =
        new HeartbeatSoakRecorder(
            plan.clients(), plan.interval(), plan.perClient(), sampling::checkpoint);
    footprint =
        new FootprintRecorder(plan.footprintConnections(), sampling::checkpoint, support::note);
    steps = new HeartbeatSteps(soak);
    footprintStep = new FootprintStep(plan, footprint, () -> soakPhaseAtMs);
    refuseOverFileLimit();
  }

  /** A plan over the open-file limit is a finding of this area: the other simulations still run. */
  private void refuseOverFileLimit() {
    try {
      FileLimit.check(
          plan.openConnections(pingPong), FileLimit.HEARTBEAT_PLAN, FileLimit.HEARTBEAT_FIX);
    } catch (IllegalStateException e) {
      support.couldNotStart(e.getMessage());
    }
  }

  /**
   * The request Gatling's assertion gates: the acks when the target acks; else the connects (the
   * report also judges ping/pong and counts the heartbeats of lost clients as lost).
   */
  String gatedRequest() {
    return CapabilityFacts.has(ackCapability)
        ? RequestNames.HEARTBEAT_ACK
        : RequestNames.HEARTBEAT_CONNECT;
  }

  /** Registers the probe files this run writes after its load. */
  void recordProbes() {
    sampling.recordProbe();
    support.probe(
        HeartbeatFacts.PROBE,
        () ->
            soak.facts(
                plan.duration(),
                plan.ackTimeout(),
                footprint,
                ackSupported,
                CapabilityFacts.state(ackCapability)));
    if (pingPong) {
      support.probe(PingPongFacts.PROBE, this::pingResult);
    }
  }

  /**
   * In {@code before()}: with several injectors, the shared soak schedule from the injectors'
   * shared start; injector 0 starts sampling the target (the merge takes its samples; the other
   * injectors write none) with a first reading.
   */
  void startSampling() {
    if (plan.sharedSoakStart()) {
      long start = support.injector.startAt().orElse(System.currentTimeMillis());
      soakPhaseAtMs = start + plan.soakPhaseAfter().toMillis();
      soak.startNoEarlierThan(soakPhaseAtMs + plan.firstHeartbeatAfterPhase().toMillis());
    }
    if (sampling.start()) {
      sampling.checkpoint(HeartbeatFacts.INITIAL);
    }
  }

  /** A reading of the quiet target, then the ping/pong probe starts beside the soak. */
  void startSoak() {
    sampling.checkpoint(HeartbeatFacts.SOAK_START);
    if (pingPong) {
      pingProbe =
          PingProbe.start(
              support.target.wsUrl(),
              plan.clients(),
              plan.interval(),
              plan.perClient(),
              plan.ackTimeout());
    }
  }

  private PingPongFacts pingResult() {
    if (pingProbe == null) {
      throw new IllegalStateException("the soak never started, so the ping/pong probe did not run");
    }
    return pingProbe.awaitResult(plan.pingResultMax());
  }
}
