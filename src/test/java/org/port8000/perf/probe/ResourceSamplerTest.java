package org.port8000.perf.probe;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.port8000.perf.config.Settings;
import org.port8000.perf.results.ResourceFacts;
import org.port8000.perf.results.ResourceFacts.Checkpoint;
import org.port8000.perf.target.RunningTarget;
import org.port8000.perf.target.TargetLauncher;

/** Against a real child process: the reference server started as the simulations start it. */
class ResourceSamplerTest {

  private static RunningTarget startReference() {
    Properties p = new Properties();
    p.setProperty(Settings.PROFILE, Settings.SMOKE);
    return TargetLauncher.start(Settings.load(p));
  }

  /** Polls every 20 ms for at most 10 s instead of sleeping a guessed time. */
  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out after 10 s waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  private static void awaitSamples(ResourceSampler sampler, int count) throws InterruptedException {
    await(() -> sampler.result().samples().size() >= count, count + " samples");
  }

  @Test
  void samplesTheTargetProcessByPidAndRecordsWhenItDies() throws Exception {
    RunningTarget target = startReference();
    ResourceSampler sampler;
    try {
      sampler = ResourceSampler.start(target, Duration.ofMillis(100), Duration.ofMinutes(1));
      Checkpoint initial = sampler.checkpoint("initial").get(5, TimeUnit.SECONDS);
      awaitSamples(sampler, 5);
      assertEquals(ResourceFacts.PID, sampler.source());
      assertNotNull(initial.rssBytes());
      assertTrue(initial.rssBytes() > 10L << 20, "a JVM holds more than 10 MB: " + initial);
    } finally {
      target.close();
    }
    await(() -> sampler.result().targetLost(), "the sampler to see the process end");
    Checkpoint afterDeath = sampler.checkpoint("after death").get(5, TimeUnit.SECONDS);
    ResourceFacts r = sampler.stop();

    assertTrue(r.samples().size() >= 5, "about 10 samples a second: " + r.samples().size());
    assertTrue(r.samples().stream().allMatch(s -> s.rssBytes() > 0));
    assertTrue(
        r.samples().stream().skip(1).allMatch(s -> s.cpuPercent() != null && s.cpuPercent() >= 0));
    assertTrue(r.targetLost(), "the sampler saw the process end");
    assertTrue(r.targetLostAtMs() >= r.samples().get(r.samples().size() - 1).t());
    assertNull(afterDeath.rssBytes(), "no made-up reading for a dead target");
    assertEquals(2, r.checkpoints().size());
    assertEquals("initial", r.checkpoints().get(0).label());
  }

  @Test
  void fallsBackToTheMetricsEndpointWhenThePidIsUnknown() throws Exception {
    RunningTarget child = startReference();
    try {
      RunningTarget withoutPid =
          new RunningTarget() {
            @Override
            public URI baseUrl() {
              return child.baseUrl();
            }

            @Override
            public OptionalLong pid() {
              return OptionalLong.empty();
            }

            @Override
            public boolean startedByThisRun() {
              return false;
            }

            @Override
            public boolean isAlive() {
              return true;
            }

            @Override
            public void close() {}
          };
      ResourceSampler sampler =
          ResourceSampler.start(withoutPid, Duration.ofMillis(100), Duration.ofMinutes(1));
      awaitSamples(sampler, 3);
      Checkpoint c = sampler.checkpoint("now").get(5, TimeUnit.SECONDS);
      ResourceFacts r = sampler.stop();
      assertEquals(ResourceFacts.METRICS, r.source());
      assertTrue(r.sourceReason().contains("/metrics"), r.sourceReason());
      assertTrue(r.samples().size() >= 3, r.samples().toString());
      assertNotNull(c.rssBytes());
      assertFalse(r.targetLost());
      int n = r.samples().size();
      Thread.sleep(300); // three sampling intervals: a window in which nothing may arrive
      assertEquals(n, sampler.result().samples().size(), "no samples after stop");
    } finally {
      child.close();
    }
  }

  @Test
  void recordsNoSourceAndNoFiguresWhenNothingCanBeRead() {
    RunningTarget nowhere =
        new RunningTarget() {
          @Override
          public URI baseUrl() {
            return URI.create("http://127.0.0.1:9");
          }

          @Override
          public OptionalLong pid() {
            return OptionalLong.empty();
          }

          @Override
          public boolean startedByThisRun() {
            return false;
          }

          @Override
          public boolean isAlive() {
            return true;
          }

          @Override
          public void close() {}
        };
    ResourceSampler sampler =
        ResourceSampler.start(nowhere, Duration.ofMillis(100), Duration.ofMinutes(1));
    sampler.checkpoint("initial").join();
    ResourceFacts r = sampler.stop();
    assertEquals(ResourceFacts.NONE, r.source());
    assertFalse(r.measured());
    assertTrue(r.sourceReason().contains("target.pid"), r.sourceReason());
    assertNull(r.checkpoints().get(0).rssBytes());
  }
}
