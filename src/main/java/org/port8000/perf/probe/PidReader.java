package org.port8000.perf.probe;

import java.util.Optional;

/**
 * Reads a local process and its descendants by PID through OSHI ({@link ProcessTree}; works
 * wherever OSHI does, not only on Linux).
 */
final class PidReader implements ProcessReader {
  private final long pid;
  private final ProcessTree tree;
  private String lastFailure = "";

  private PidReader(long pid, ProcessTree tree) {
    this.pid = pid;
    this.tree = tree;
  }

  /** Empty when no process has this PID. */
  static Optional<PidReader> open(long pid) {
    return ProcessTree.open(pid).map(t -> new PidReader(pid, t));
  }

  @Override
  public String source() {
    return "pid";
  }

  @Override
  public Optional<ProcessReading> read() {
    // empty once the process has exited, or is a zombie its parent has not reaped yet
    Optional<ProcessTree.Reading> r = tree.read();
    if (r.isEmpty()) {
      lastFailure = "process " + pid + " no longer exists";
      return Optional.empty();
    }
    return Optional.of(new ProcessReading(r.get().rssBytes(), r.get().cpuMillis()));
  }

  /** The processes counted so far. */
  String counted() {
    return tree.counted();
  }

  @Override
  public String lastFailure() {
    return lastFailure;
  }
}
