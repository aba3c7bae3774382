package org.port8000.perf.reference;

import java.util.concurrent.atomic.AtomicLong;

/** Monotonic counters shared by the handlers and read by {@link MetricsEndpoint}. */
final class ServerCounters {
  final AtomicLong messagesHandled = new AtomicLong();
  final AtomicLong repliesSent = new AtomicLong();
  final AtomicLong repliesDropped = new AtomicLong();
  final AtomicLong errorReplies = new AtomicLong();
  final AtomicLong pingsSent = new AtomicLong();
  final AtomicLong heartbeats = new AtomicLong();
  final AtomicLong wsErrors = new AtomicLong();
  final AtomicLong wsConnectionsOpened = new AtomicLong();
  final AtomicLong httpRequests = new AtomicLong();
}
