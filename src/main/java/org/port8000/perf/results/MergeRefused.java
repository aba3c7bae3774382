package org.port8000.perf.results;

/** Injectors' results that must not be merged; the message names the folders and why. */
public final class MergeRefused extends RuntimeException {
  public MergeRefused(String message) {
    super(message);
  }
}
