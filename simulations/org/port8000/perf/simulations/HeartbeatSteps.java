package org.port8000.perf.simulations;

import io.gatling.javaapi.core.Session;
import java.time.Duration;
import org.port8000.perf.probe.HeartbeatSoakRecorder;
import org.port8000.perf.probe.MonotonicClock;

/**
 * The heartbeat soak's session steps: what each client's session marks (lost, its start offset, its
 * first and last heartbeat) and tells the soak's recorder.
 */
final class HeartbeatSteps {
  /** The client's connect failed. */
  static final String CONNECT_FAILED = "connectFailed";

  /** The client lost a heartbeat (or its hello): later losses are not counted again. */
  static final String LOST = "lost";

  static final String SEQ = "seq";
  private static final String START_OFFSET_MS = "startOffsetMs";
  private static final String FIRST_HEARTBEAT_MS = "firstHeartbeatMs";
  private static final String LAST_HEARTBEAT_MS = "lastHeartbeatMs";
  private static final String LAST_HEARTBEAT_LOST = "lastHeartbeatLost";

  private final HeartbeatSoakRecorder soak;

  HeartbeatSteps(HeartbeatSoakRecorder soak) {
    this.soak = soak;
  }

  Session connectionOpened(Session s) {
    soak.connectionOpened();
    return s;
  }

  Session clientConnected(Session s) {
    if (s.isFailed()) {
      soak.connectFailed();
      return s.set(CONNECT_FAILED, true);
    }
    soak.connected();
    return s;
  }

  /** A client whose hello got no reply is lost: its heartbeats count as lost. */
  Session helloSettled(Session s) {
    Session offset = s.set(START_OFFSET_MS, soak.helloSettled(s.isFailed()));
    return s.isFailed() ? offset.set(LOST, true).markAsSucceeded() : offset;
  }

  /** The wait until this client's first heartbeat is due. */
  Duration untilMyStart(Session s) {
    return soak.untilStart(s.getLong(START_OFFSET_MS));
  }

  /** Remembers when this client's first and latest heartbeats went out. */
  Session stampHeartbeat(Session s) {
    long now = MonotonicClock.nowMillis();
    Session stamped = s.set(LAST_HEARTBEAT_MS, now);
    return s.getInt(SEQ) == 0 ? stamped.set(FIRST_HEARTBEAT_MS, now) : stamped;
  }

  Session countSent(Session s) {
    soak.heartbeatSent();
    return s;
  }

  /** A lost heartbeat marks its client lost (counted once) and lets the client go on. */
  Session countLoss(Session s) {
    boolean last = soak.isLast(s.getInt(SEQ));
    Session marked = last && s.isFailed() ? s.set(LAST_HEARTBEAT_LOST, true) : s;
    if (s.isFailed() && !s.contains(LOST)) {
      soak.clientLostHeartbeats();
      return marked.set(LOST, true).markAsSucceeded();
    }
    return marked.markAsSucceeded();
  }

  /** A client whose last heartbeat was answered soaked to the end. */
  Session soakedToTheEnd(Session s) {
    if (s.contains(FIRST_HEARTBEAT_MS) && !s.contains(LAST_HEARTBEAT_LOST)) {
      soak.soakedToTheEnd(s.getLong(FIRST_HEARTBEAT_MS), s.getLong(LAST_HEARTBEAT_MS));
    }
    return s;
  }

  Session clientDone(Session s) {
    soak.clientDone();
    return s;
  }
}
