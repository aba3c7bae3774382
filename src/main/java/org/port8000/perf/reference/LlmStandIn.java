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

    private final int tokens;
    private final long tokenDelayMs;

    LlmStandIn(int tokens, long tokenDelayMs) {
        this.tokens = tokens;
        this.tokenDelayMs = tokenDelayMs;
    }

    long tokenDelayMs() {
        return tokenDelayMs;
    }

    /** The stream pieces for a prompt; joined they are exactly {@link #reply(String)}. */
    List<String> pieces(String prompt) {
        List<String> out = new ArrayList<>(tokens);
        int h = prompt.hashCode();
        for (int i = 0; i < tokens; i++) {
            String word = VOCABULARY[Math.floorMod(h * 31 + i * 7919, VOCABULARY.length)];
            out.add(i == 0 ? word : " " + word);
        }
        return out;
    }

    String reply(String prompt) {
        return String.join("", pieces(prompt));
    }
}
