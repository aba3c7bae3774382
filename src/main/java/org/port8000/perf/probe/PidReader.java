package org.port8000.perf.probe;

import java.util.Optional;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;

/** Reads a local process by PID through OSHI (works wherever OSHI does, not only on Linux). */
final class PidReader implements ProcessReader {
  private final long pid;
  private OSProcess process;
  private String lastFailure = "";

  private PidReader(long pid, OSProcess process) {
    this.pid = pid;
    this.process = process;
  }

  /** Empty when no process has this PID. */
  static Optional<PidReader> open(long pid) {
    OSProcess p = new SystemInfo().getOperatingSystem().getProcess((int) pid);
    return p == null ? Optional.empty() : Optional.of(new PidReader(pid, p));
  }

  @Override
  public String source() {
    return "pid";
  }

  @Override
  public Optional<ProcessReading> read() {
    // updateAttributes is false once the process has exited (its /proc entry is gone); an
    // exited process its parent has not reaped yet is a zombie with no memory: no reading either
    if (!process.updateAttributes() || process.getState() == OSProcess.State.INVALID
        || process.getState() == OSProcess.State.ZOMBIE || process.getResidentSetSize() <= 0) {
      lastFailure = "process " + pid + " no longer exists";
      return Optional.empty();
    }
    return Optional.of(new ProcessReading(process.getResidentSetSize(),
        process.getUserTime() + process.getKernelTime()));
  }

  @Override
  public String lastFailure() {
    return lastFailure;
  }
}
