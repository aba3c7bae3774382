package org.port8000.perf.probe;

import java.util.ArrayList;
import java.util.List;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import org.port8000.perf.results.BenchmarkFacts.Snapshot;
import org.port8000.perf.target.RunningTarget;

/**
 * Labelled readings of the target process through OSHI: resident memory, open file descriptors
 * and storage bytes read/written. Needs the target's PID on this machine; without it every
 * reading is absent and {@link #source()} says why.
 */
public final class ProcessSnapshots {
  private final OSProcess process;
  private final String source;
  private final List<Snapshot> taken = new ArrayList<>();

  private ProcessSnapshots(OSProcess process, String source) {
    this.process = process;
    this.source = source;
  }

  public static ProcessSnapshots of(RunningTarget target) {
    if (target.pid().isEmpty()) {
      return new ProcessSnapshots(null, "not measured: the target's PID is not known (not started"
          + " by this run; set -Dtarget.pid to the server's process id)");
    }
    long pid = target.pid().getAsLong();
    OSProcess p = new SystemInfo().getOperatingSystem().getProcess((int) pid);
    return p == null
        ? new ProcessSnapshots(null, "not measured: no process has the target's PID " + pid)
        : new ProcessSnapshots(p, "process " + pid + " on this machine (OSHI)");
  }

  public boolean measured() {
    return process != null;
  }

  public String source() {
    return source;
  }

  /** Takes a reading now; does nothing when the process cannot be read. */
  public synchronized void take(String label) {
    if (process == null || !process.updateAttributes()
        || process.getState() == OSProcess.State.INVALID) {
      return;
    }
    taken.add(new Snapshot(label, System.currentTimeMillis(), process.getResidentSetSize(),
        process.getOpenFiles(), process.getBytesRead(), process.getBytesWritten()));
  }

  public synchronized List<Snapshot> result() {
    return List.copyOf(taken);
  }
}
