package org.port8000.perf.results;

/**
 * What the memory-leak simulation planned and counted ({@code probe-leak.json}).
 *
 * @param targetFresh true when this run started the target (a fresh process)
 * @param messagesAnswered chat messages whose final reply arrived
 * @param cyclesCompleted connect/disconnect cycles whose four steps all succeeded
 */
public record LeakRunFacts(int messages, long durationSeconds, int cycles, boolean targetFresh,
    int messagesAnswered, int cyclesCompleted) {

  public static final String PROBE = "leak";
  public static final String INITIAL = "initial";
  public static final String MESSAGES_START = "messages start";

  public static String afterMessagesLabel(int messages) {
    return "after " + messages + " messages";
  }

  public static String afterCycleLabel(int cycle) {
    return "after cycle " + cycle;
  }
}
