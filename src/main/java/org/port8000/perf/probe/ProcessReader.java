package org.port8000.perf.probe;

import java.util.Optional;

/** Reads the target's memory and CPU from one source; empty when the target is gone. */
interface ProcessReader {
  /** "pid" or "metrics", as recorded in the result. */
  String source();

  /** A reading, or empty when the target no longer exists or does not answer. */
  Optional<ProcessReading> read();

  /** Why the last {@link #read()} was empty. */
  String lastFailure();
}
