package org.port8000.perf.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/** Applies the {@link FaultSwitches} at run time. With all switches off it does nothing. */
final class FaultInjector {

  /** Static on purpose: the leak fault must survive everything, like a real leak would. */
  private static final List<byte[]> LEAKED = new ArrayList<>();

  private static final AtomicLong LEAKED_BYTES = new AtomicLong();

  private final FaultSwitches switches;
  private final Random dropRandom;
  private final AtomicLong chatMessages = new AtomicLong();
  private final Random taskErrorRandom;

  FaultInjector(FaultSwitches switches) {
    this.switches = switches;
    this.dropRandom = new Random(switches.dropSeed());
    this.taskErrorRandom = new Random(switches.dropSeed());
  }

  FaultSwitches switches() {
    return switches;
  }

  long replyLatencyMs() {
    return switches.replyLatencyMs();
  }

  /** What a WebSocket chat message gets instead of (or as) its reply. */
  enum Outcome {
    REPLY,
    DROP,
    ERROR_FRAME,
    ERROR_REPLY
  }

  /**
   * Decided in arrival order from one draw of a seeded Random per message, so the same run drops
   * and fails the same messages. With every rate at 0 nothing is drawn.
   */
  synchronized Outcome replyOutcome() {
    double drop = switches.dropRate();
    double errorFrame = switches.errorFrameRate();
    double errorReply = switches.errorReplyRate();
    if (drop + errorFrame + errorReply <= 0) {
      return Outcome.REPLY;
    }
    double u = dropRandom.nextDouble();
    if (u < drop) {
      return Outcome.DROP;
    }
    if (u < drop + errorFrame) {
      return Outcome.ERROR_FRAME;
    }
    if (u < drop + errorFrame + errorReply) {
      return Outcome.ERROR_REPLY;
    }
    return Outcome.REPLY;
  }

  /** Called once per WebSocket connection accepted. */
  void onConnectionOpened() {
    leak(switches.leakBytesPerConnection());
  }

  /** Whether this bot task is answered {@code "success": false}; seeded like the drops. */
  synchronized boolean shouldFailTask() {
    double rate = switches.taskErrorRate();
    if (rate <= 0) {
      return false;
    }
    return rate >= 1 || taskErrorRandom.nextDouble() < rate;
  }

  /** Called once per chat message that arrives (WebSocket message or bot task). */
  void onChatMessage() {
    leak(switches.leakBytesPerMessage());
    long n = chatMessages.incrementAndGet();
    long crashAfter = switches.crashAfterMessages();
    if (crashAfter > 0 && n >= crashAfter) {
      System.err.println(
          "reference server: fault crashAfterMessages=" + crashAfter + " reached, halting");
      System.err.flush();
      // halt, not exit: a crash runs no shutdown hooks and closes nothing cleanly.
      Runtime.getRuntime().halt(3);
    }
  }

  private static void leak(int bytes) {
    if (bytes <= 0) {
      return;
    }
    byte[] block = new byte[bytes];
    // Write every page so the bytes are resident, not just reserved.
    for (int i = 0; i < block.length; i += 512) {
      block[i] = (byte) (i | 1);
    }
    block[block.length - 1] = 1;
    synchronized (LEAKED) {
      LEAKED.add(block);
    }
    LEAKED_BYTES.addAndGet(bytes);
  }

  /** Bytes retained by the leak faults in this JVM (for tests). */
  static long leakedBytes() {
    return LEAKED_BYTES.get();
  }

  /** Blocks retained by the leak faults in this JVM (for tests). */
  static int leakedBlocks() {
    synchronized (LEAKED) {
      return LEAKED.size();
    }
  }
}
