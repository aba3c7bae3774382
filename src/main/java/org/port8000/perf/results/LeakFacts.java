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
    java.util.List<Long> answeredAtMs) {

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
