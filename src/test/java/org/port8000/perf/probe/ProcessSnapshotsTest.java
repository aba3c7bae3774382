package org.port8000.perf.probe;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.port8000.perf.config.TargetInstance;
import org.port8000.perf.results.BenchmarkFacts.Snapshot;

/** The benchmark's process readings of a target given as several instances. */
class ProcessSnapshotsTest {
  private static TargetInstance pid(long pid) {
    return new TargetInstance("pid:" + pid, OptionalLong.of(pid), Optional.empty());
  }

  private static final long SELF = ProcessHandle.current().pid();

  @Test
  void theReadingsOfSeveralPidInstancesAreTheirSum() {
    ProcessSnapshots one = ProcessSnapshots.ofInstances(List.of(pid(SELF)));
    // the same process twice: the sum is twice one reading (taken a moment apart)
    ProcessSnapshots twice = ProcessSnapshots.ofInstances(List.of(pid(SELF), pid(SELF)));
    one.take("a");
    twice.take("a");
    Snapshot a = one.result().get(0);
    Snapshot b = twice.result().get(0);
    double ratio = (double) b.rssBytes() / a.rssBytes();
    assertTrue(ratio > 1.8 && ratio < 2.2, "rss " + a.rssBytes() + " vs " + b.rssBytes());
    assertTrue(twice.source().startsWith("the sum of the 2 instances of -Dtarget.instances"));
  }

  @Test
  void anInstanceReadThroughMetricsLeavesTheProcessReadingsNotMeasuredNamingIt() {
    TargetInstance metrics =
        new TargetInstance(
            "http://127.0.0.1:9/metrics",
            OptionalLong.empty(),
            Optional.of(URI.create("http://127.0.0.1:9/metrics")));
    ProcessSnapshots s = ProcessSnapshots.ofInstances(List.of(pid(SELF), metrics));
    s.take("a");
    assertFalse(s.measured());
    assertTrue(s.result().isEmpty());
    assertEquals(
        "not measured: instance(s) http://127.0.0.1:9/metrics of -Dtarget.instances are read"
            + " through /metrics, which gives no open files or storage traffic (a sum without"
            + " them would understate the target)",
        s.source());
  }

  @Test
  void anInstanceWithoutAProcessIsNamed() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    ProcessSnapshots s = ProcessSnapshots.ofInstances(List.of(pid(SELF), pid(gone.pid())));
    assertFalse(s.measured());
    assertEquals(
        "not measured: no process has the PID of instance pid:"
            + gone.pid()
            + " of -Dtarget.instances",
        s.source());
  }
}
