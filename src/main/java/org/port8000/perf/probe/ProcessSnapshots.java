package org.port8000.perf.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.port8000.perf.results.BenchmarkFacts.Snapshot;
import org.port8000.perf.target.RunningTarget;

/**
 * Labelled readings of the target's process tree through OSHI ({@link ProcessTree}): resident
 * memory and open file descriptors summed, storage bytes read/written accumulated; timed by {@link
 * MonotonicClock}. Needs the target's PID on this machine; without it every reading is absent and
 * {@link #source()} says why.
 */
public final class ProcessSnapshots {
  private final ProcessTree process;
  private final String source;
  private final List<Snapshot> taken = new ArrayList<>();

  private ProcessSnapshots(ProcessTree process, String source) {
    this.process = process;
    this.source = source;
  }

  public static ProcessSnapshots of(RunningTarget target) {
    if (target.pid().isEmpty()) {
      return new ProcessSnapshots(
          null,
          "not measured: the target's PID is not known (not started"
              + " by this run; set -Dtarget.pid to the server's process id)");
    }
    long pid = target.pid().getAsLong();
    Optional<ProcessTree> p = ProcessTree.open(pid);
    return p.isEmpty()
        ? new ProcessSnapshots(null, "not measured: no process has the target's PID " + pid)
        : new ProcessSnapshots(
            p.get(), "process " + pid + " and its descendants on this" + " machine (OSHI)");
  }

  public boolean measured() {
    return process != null;
  }

  /** Where the readings came from, naming the processes counted so far. */
  public synchronized String source() {
    return process == null ? source : source + ": " + process.counted();
  }

  /** Takes a reading now; does nothing when the process cannot be read. */
  public synchronized void take(String label) {
    Optional<ProcessTree.Reading> r = process == null ? Optional.empty() : process.read();
    if (r.isEmpty()) {
      return;
    }
    ProcessTree.Reading t = r.get();
    taken.add(
        new Snapshot(
            label,
            MonotonicClock.nowMillis(),
            t.rssBytes(),
            t.openFiles(),
            t.bytesRead(),
            t.bytesWritten()));
  }

  public synchronized List<Snapshot> result() {
    return List.copyOf(taken);
  }
}
