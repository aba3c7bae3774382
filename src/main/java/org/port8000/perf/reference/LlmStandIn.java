package org.port8000.perf.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * Stand-in for the local LLM: a deterministic reply of a configured number of tokens, so a
 * measurement exercises streaming without depending on a model or on chance.
 */
final class LlmStandIn {

  private static final String[] VOCABULARY = {
    "the", "reference", "server", "answers", "with", "a", "steady", "stream", "of", "tokens",
    "so", "latency", "throughput", "and", "memory", "can", "be", "measured", "honestly", "here",
    "bots", "chat", "history", "is", "stored", "in", "an", "embedded", "database", "today",
    "port", "8000"
  };

  /** Words of a reply that is not streamed (tokens 0): the default reply length. */
  static final int UNSTREAMED_WORDS = 8;

  private final int tokens;
  private final long tokenDelayMs;

  LlmStandIn(int tokens, long tokenDelayMs) {
    this.tokens = tokens;
    this.tokenDelayMs = tokenDelayMs;
  }

  long tokenDelayMs() {
    return tokenDelayMs;
  }

  /**
   * The stream pieces for a prompt; joined they are exactly {@link #reply(String)}. None when
   * tokens is 0: the reply then comes whole, in the response alone.
   */
  List<String> pieces(String prompt) {
    return words(prompt, tokens);
  }

  /** The full reply; with tokens 0 it has {@link #UNSTREAMED_WORDS} words. */
  String reply(String prompt) {
    return String.join("", words(prompt, tokens > 0 ? tokens : UNSTREAMED_WORDS));
  }

  private static List<String> words(String prompt, int tokens) {
    List<String> out = new ArrayList<>(tokens);
    int h = prompt.hashCode();
    for (int i = 0; i < tokens; i++) {
      String word = VOCABULARY[Math.floorMod(h * 31 + i * 7919, VOCABULARY.length)];
      out.add(i == 0 ? word : " " + word);
    }
    return out;
  }
}
