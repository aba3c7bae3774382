package org.port8000.perf.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.port8000.perf.config.TargetInstance;
import org.port8000.perf.results.BenchmarkFacts.Snapshot;
import org.port8000.perf.target.RunningTarget;

/**
 * Labelled readings of the target's process trees through OSHI ({@link ProcessTree}): resident
 * memory and open file descriptors summed, storage bytes read/written accumulated; timed by {@link
 * MonotonicClock}. Needs the target's processes on this machine: its PID, or every instance of
 * {@code -Dtarget.instances} given as {@code pid:} (then the readings are their sum). Without them
 * every reading is absent and {@link #source()} says why.
 */
public final class ProcessSnapshots {
  private final List<ProcessTree> processes;
  private final String source;
  private final List<Snapshot> taken = new ArrayList<>();

  private ProcessSnapshots(List<ProcessTree> processes, String source) {
    this.processes = List.copyOf(processes);
    this.source = source;
  }

  private static ProcessSnapshots none(String why) {
    return new ProcessSnapshots(List.of(), "not measured: " + why);
  }

  /** The target's own process, or the sum of its instances when the run names them. */
  public static ProcessSnapshots of(RunningTarget target, List<TargetInstance> instances) {
    return instances.isEmpty() ? of(target) : ofInstances(instances);
  }

  private static ProcessSnapshots of(RunningTarget target) {
    if (target.pid().isEmpty()) {
      return none(
          "the target's PID is not known (not started"
              + " by this run; set -Dtarget.pid to the server's process id)");
    }
    long pid = target.pid().getAsLong();
    Optional<ProcessTree> p = ProcessTree.open(pid);
    return p.isEmpty()
        ? none("no process has the target's PID " + pid)
        : new ProcessSnapshots(
            List.of(p.get()), "process " + pid + " and its descendants on this machine (OSHI)");
  }

  /**
   * Every instance's process tree, summed. An instance read through {@code /metrics} has no open
   * files or storage traffic to read, and a sum without it would understate the target: then none.
   */
  static ProcessSnapshots ofInstances(List<TargetInstance> instances) {
    List<String> remote =
        instances.stream().filter(i -> !i.isPid()).map(TargetInstance::name).toList();
    if (!remote.isEmpty()) {
      return none(
          "instance(s) "
              + String.join(", ", remote)
              + " of -Dtarget.instances are read through /metrics, which gives no open files"
              + " or storage traffic (a sum without them would understate the target)");
    }
    List<ProcessTree> trees = new ArrayList<>();
    for (TargetInstance i : instances) {
      long pid = i.pid().getAsLong();
      Optional<ProcessTree> p = ProcessTree.open(pid);
      if (p.isEmpty()) {
        return none("no process has the PID of instance " + i.name() + " of -Dtarget.instances");
      }
      trees.add(p.get());
    }
    return new ProcessSnapshots(
        trees,
        "the sum of the "
            + trees.size()
            + " instances of -Dtarget.instances ("
            + String.join(", ", instances.stream().map(TargetInstance::name).toList())
            + "), each process and its descendants on this machine (OSHI)");
  }

  public boolean measured() {
    return !processes.isEmpty();
  }

  /** Where the readings came from, naming the processes counted so far. */
  public synchronized String source() {
    if (processes.isEmpty()) {
      return source;
    }
    List<String> counted = processes.stream().map(ProcessTree::counted).toList();
    return source + ": " + String.join("; ", counted);
  }

  /** Takes a reading now; does nothing when a process cannot be read (no partial sums). */
  public synchronized void take(String label) {
    if (processes.isEmpty()) {
      return;
    }
    List<ProcessTree.Reading> all = new ArrayList<>();
    for (ProcessTree p : processes) {
      Optional<ProcessTree.Reading> r = p.read();
      if (r.isEmpty()) {
        return;
      }
      all.add(r.get());
    }
    // an OS that cannot tell one instance's open files cannot tell the sum's: -1
    boolean files = all.stream().allMatch(r -> r.openFiles() >= 0);
    taken.add(
        new Snapshot(
            label,
            MonotonicClock.nowMillis(),
            all.stream().mapToLong(ProcessTree.Reading::rssBytes).sum(),
            files ? all.stream().mapToLong(ProcessTree.Reading::openFiles).sum() : -1,
            all.stream().mapToLong(ProcessTree.Reading::bytesRead).sum(),
            all.stream().mapToLong(ProcessTree.Reading::bytesWritten).sum()));
  }

  public synchronized List<Snapshot> result() {
    return List.copyOf(taken);
  }
}
