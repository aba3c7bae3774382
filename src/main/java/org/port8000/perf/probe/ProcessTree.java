package org.port8000.perf.probe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * The target's process and all its descendants, read through OSHI: a server may run each bot (or
 * worker) as a child process, whose memory and CPU are the server's too. Resident memory and open
 * files are summed over the processes alive at a reading. CPU time and storage bytes are
 * accumulated from each process's own increase between readings, so a child that exits takes
 * nothing back and one born during the run counts from its start. Remembers every process it
 * counted, so the report can name them.
 */
public final class ProcessTree {
  /** Processes named in {@link #counted()} at most; the rest are summarised by count. */
  private static final int NAMED_MAX = 8;

  private final OperatingSystem os;
  private final int root;
  private final Map<Integer, long[]> last = new HashMap<>();
  private final Map<Integer, String> seen = new LinkedHashMap<>();
  private boolean first = true;
  private long cpuMillis;
  private long bytesRead;
  private long bytesWritten;

  private ProcessTree(OperatingSystem os, int root) {
    this.os = os;
    this.root = root;
  }

  /** Empty when no process has this PID. */
  public static Optional<ProcessTree> open(long pid) {
    OperatingSystem os = new SystemInfo().getOperatingSystem();
    return os.getProcess((int) pid) == null
        ? Optional.empty()
        : Optional.of(new ProcessTree(os, (int) pid));
  }

  /**
   * One reading of the tree.
   *
   * @param processes how many processes were alive and counted
   * @param openFiles summed over them (-1 when the OS does not tell)
   */
  public record Reading(
      long rssBytes,
      long cpuMillis,
      long openFiles,
      long bytesRead,
      long bytesWritten,
      int processes) {}

  /** A reading, or empty when the root process is gone (exited, or a zombie). */
  public synchronized Optional<Reading> read() {
    OSProcess r = os.getProcess(root);
    if (r == null
        || r.getState() == OSProcess.State.INVALID
        || r.getState() == OSProcess.State.ZOMBIE
        || r.getResidentSetSize() <= 0) {
      return Optional.empty();
    }
    List<OSProcess> all = new ArrayList<>();
    all.add(r);
    all.addAll(os.getDescendantProcesses(root, null, null, 0));
    long rss = 0;
    long files = 0;
    boolean filesKnown = true;
    int alive = 0;
    for (OSProcess p : all) {
      if (p.getState() == OSProcess.State.INVALID || p.getState() == OSProcess.State.ZOMBIE) {
        continue;
      }
      alive++;
      rss += Math.max(0, p.getResidentSetSize());
      long f = p.getOpenFiles();
      filesKnown &= f >= 0;
      files += Math.max(0, f);
      long[] now = {p.getUserTime() + p.getKernelTime(), p.getBytesRead(), p.getBytesWritten()};
      long[] before = last.put(p.getProcessID(), now);
      // the first reading is the baseline; a process born later counts from its start
      long[] from = before != null ? before : first ? now : new long[3];
      cpuMillis += Math.max(0, now[0] - from[0]);
      bytesRead += Math.max(0, now[1] - from[1]);
      bytesWritten += Math.max(0, now[2] - from[2]);
      seen.putIfAbsent(p.getProcessID(), p.getName());
    }
    first = false;
    return Optional.of(
        new Reading(rss, cpuMillis, filesKnown ? files : -1, bytesRead, bytesWritten, alive));
  }

  /** E.g. "process 123 (java) and its descendants: 123 java, 130 perl, 131 perl (3 counted)". */
  public synchronized String counted() {
    List<String> names = new ArrayList<>();
    seen.entrySet().stream()
        .limit(NAMED_MAX)
        .forEach(e -> names.add(e.getKey() + " " + e.getValue()));
    String more = seen.size() > NAMED_MAX ? ", … " + (seen.size() - NAMED_MAX) + " more" : "";
    return "process "
        + root
        + " and its descendants, summed: "
        + String.join(", ", names)
        + more
        + " ("
        + seen.size()
        + " process"
        + (seen.size() == 1 ? "" : "es")
        + " counted over the run)";
  }
}
