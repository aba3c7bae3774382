package org.port8000.perf.probe;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.config.InjectorShare;
import org.port8000.perf.config.Settings;
import org.port8000.perf.results.InjectorFacts;
import org.port8000.perf.results.ProbeFiles;

class InjectorRecorderTest {

  @TempDir Path run;

  @Test
  void writesWhichInjectorRanAndTheCpuItUsed() {
    Properties p = new Properties();
    p.setProperty("injector.count", "2");
    p.setProperty("injector.runId", "night-1");
    p.setProperty("target.url", "http://127.0.0.1:8000");
    InjectorShare share = InjectorShare.of(Settings.load(p), Map.of(InjectorShare.INDEX_ENV, "1"));
    InjectorRecorder recorder = InjectorRecorder.start(share, InjectorRecorderTest.class);
    long sum = 0;
    long until = System.nanoTime() + 200_000_000L;
    while (System.nanoTime() < until) {
      sum += Long.bitCount(sum * 31 + 7);
    }
    assertTrue(sum > 0);
    recorder.finish(run);

    InjectorFacts f = ProbeFiles.read(run, InjectorFacts.PROBE, InjectorFacts.class).orElseThrow();
    assertEquals("night-1", f.runId());
    assertEquals(1, f.index());
    assertEquals(2, f.count());
    assertEquals("InjectorRecorderTest", f.simulation());
    assertTrue(f.gatlingVersion().matches("\\d+\\.\\d+\\.\\d+.*"), f.gatlingVersion());
    assertFalse(f.host().isBlank());
    assertTrue(f.endedAt().isAfter(f.startedAt()));
    // 200 ms of a busy loop on one thread: at least 0.1 CPU-seconds.
    assertTrue(f.processCpuSeconds() >= 0.1, "cpu " + f.processCpuSeconds());
    assertTrue(
        f.processCpuPercent() > 0 && f.processCpuPercent() <= 100.5,
        "cpu % " + f.processCpuPercent());
  }

  @Test
  void saturatedWhenTheJvmOrTheMachineWasAlmostFullyBusy() {
    assertNull(facts(null, null).saturated());
    assertFalse(facts(40.0, 80.0).saturated());
    assertTrue(facts(95.0, null).saturated());
    assertTrue(facts(null, 90.0).saturated());
  }

  private static InjectorFacts facts(Double process, Double machine) {
    return new InjectorFacts(
        "r",
        0,
        1,
        "h",
        "S",
        "3.15.1",
        null,
        Instant.EPOCH,
        Instant.EPOCH,
        2,
        null,
        process,
        machine);
  }
}
