package org.port8000.perf.results;

/**
 * What the memory-leak simulation planned and counted ({@code probe-leak.json}).
 *
 * @param targetFresh true when this run started the target (a fresh process)
 * @param messagesAnswered chat messages whose final reply arrived
 * @param cyclesCompleted connect/disconnect cycles whose four steps all succeeded
 * @param warmUpMessages chat messages sent before the "initial" reading (not part of {@code
 *     messages}, not on the leak series' messages axis)
 * @param warmUpSeconds time over which the warm-up messages were spread
 * @param warmUpAnswered warm-up messages whose final reply arrived
 * @param answeredAtMs when each measured message's reply arrived, ms after the "initial" checkpoint
 *     was asked for, in order: the leak series' axis counts these; null in files written before it
 *     was recorded
 * @param initialAtMs when the "initial" checkpoint was asked for, on the injector's clock (epoch
 *     ms, {@code MonotonicClock}): a merge shifts each injector's times by it onto injector 0's;
 *     null in files written before it was recorded, or when no measured message started
 * @param cycleDoneAtMs when each connect/disconnect cycle ended, ms after "initial", in order; null
 *     in files written before it was recorded
 * @param injectors how many injectors' facts these are (0 or 1: one). With several, the counts are
 *     summed, the times are on injector 0's clock, and the target's checkpoints are injector 0's,
 *     marked after its own share: {@code sampledMessages} messages and {@code sampledCycles} cycles
 * @param measuredFromMs on a merged run, when every injector was in its measured message phase, ms
 *     after injector 0's "initial": from the latest injector's first measured message ({@code
 *     measuredFromMs}) to the earliest injector's last answer ({@code measuredToMs}). Each injector
 *     ends its own warm-up first, so before that span some were still warming the target up, whose
 *     growth is not the measured messages'; the leak series keeps to it. Null on one injector
 */
public record LeakFacts(
    int messages,
    long durationSeconds,
    int cycles,
    boolean targetFresh,
    int messagesAnswered,
    int cyclesCompleted,
    int warmUpMessages,
    long warmUpSeconds,
    int warmUpAnswered,
    java.util.List<Long> answeredAtMs,
    Long initialAtMs,
    java.util.List<Long> cycleDoneAtMs,
    int injectors,
    int sampledMessages,
    int sampledCycles,
    Long measuredFromMs,
    Long measuredToMs) {

  /** One injector's facts without the times a merge needs (files of older runs, tests). */
  public LeakFacts(
      int messages,
      long durationSeconds,
      int cycles,
      boolean targetFresh,
      int messagesAnswered,
      int cyclesCompleted,
      int warmUpMessages,
      long warmUpSeconds,
      int warmUpAnswered,
      java.util.List<Long> answeredAtMs) {
    this(
        messages,
        durationSeconds,
        cycles,
        targetFresh,
        messagesAnswered,
        cyclesCompleted,
        warmUpMessages,
        warmUpSeconds,
        warmUpAnswered,
        answeredAtMs,
        null,
        null,
        1,
        0,
        0,
        null,
        null);
  }

  /** True when these facts sum several injectors' (a merged run). */
  public boolean merged() {
    return injectors > 1;
  }

  /** The messages whose "after N messages" checkpoint ends the measured phase. */
  public int checkpointMessages() {
    return merged() ? sampledMessages : messages;
  }

  /** The cycles whose "after cycle N" checkpoint is the last one. */
  public int checkpointCycles() {
    return merged() ? sampledCycles : cycles;
  }

  public static final String PROBE = "leak";

  /** Marked before any load: the memory of the target as it was when the run began. */
  public static final String FRESH_START = "fresh start";

  /** Marked when the warm-up has ended, as the measured messages begin. */
  public static final String INITIAL = "initial";

  /** Marked by runs before the warm-up phase existed, at their first message. */
  public static final String MESSAGES_START = "messages start";

  public static String afterMessagesLabel(int messages) {
    return "after " + messages + " messages";
  }

  public static String afterCycleLabel(int cycle) {
    return "after cycle " + cycle;
  }
}
