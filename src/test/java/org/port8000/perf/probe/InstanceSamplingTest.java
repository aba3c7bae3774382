package org.port8000.perf.probe;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.port8000.perf.config.Settings;
import org.port8000.perf.config.TargetInstance;
import org.port8000.perf.results.ResourceFacts;
import org.port8000.perf.results.ResourceFacts.Checkpoint;
import org.port8000.perf.results.ResourceFacts.Instance;
import org.port8000.perf.results.ResourceFacts.Sample;
import org.port8000.perf.target.RunningTarget;

/** Two real processes and one /metrics endpoint as the instances of one target. */
class InstanceSamplingTest {
  private static final long METRICS_RSS = 7L << 20;

  private Process a;
  private Process b;
  private HttpServer metrics;

  @BeforeEach
  void start() throws Exception {
    a = new ProcessBuilder("sleep", "60").start();
    b = new ProcessBuilder("sleep", "60").start();
    metrics = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] body =
        ("process_resident_memory_bytes " + METRICS_RSS + "\nprocess_cpu_seconds_total 1.5\n")
            .getBytes(StandardCharsets.UTF_8);
    metrics.createContext(
        "/metrics",
        x -> {
          x.sendResponseHeaders(200, body.length);
          x.getResponseBody().write(body);
          x.close();
        });
    metrics.start();
  }

  @AfterEach
  void stop() {
    a.destroyForcibly();
    b.destroyForcibly();
    metrics.stop(0);
  }

  private List<TargetInstance> instances(String value) {
    Properties p = new Properties();
    p.setProperty(Settings.PROFILE, Settings.SMOKE);
    p.setProperty("target.url", "http://127.0.0.1:" + metrics.getAddress().getPort());
    p.setProperty("target.instances", value);
    return Settings.load(p).targetInstances();
  }

  private String metricsUrl() {
    return "http://127.0.0.1:" + metrics.getAddress().getPort() + "/metrics";
  }

  private static final RunningTarget NO_PID =
      new RunningTarget() {
        @Override
        public URI baseUrl() {
          return URI.create("http://127.0.0.1:1");
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

  private static void await(ResourceSampler s, java.util.function.Predicate<ResourceFacts> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!done.test(s.result())) {
      assertTrue(System.nanoTime() < deadline, "timed out after 10 s: " + s.result());
      Thread.sleep(20);
    }
  }

  @Test
  void eachInstanceIsReadAtEveryTickAndTheTargetIsTheirSum() throws Exception {
    String value = "pid:" + a.pid() + "," + metricsUrl() + ",pid:" + b.pid();
    ResourceSampler s =
        ResourceSampler.start(
            NO_PID, instances(value), Duration.ofMillis(100), Duration.ofMinutes(1));
    Checkpoint cp = s.checkpoint("with instances").get(5, TimeUnit.SECONDS);
    await(s, r -> r.samples().size() >= 5);
    ResourceFacts r = s.stop();

    assertEquals(ResourceFacts.METRICS, r.source(), "a /metrics instance: not every one a PID");
    assertTrue(r.sourceReason().startsWith("the sum of the 3 instances"), r.sourceReason());
    assertTrue(r.sourceReason().contains("pid:" + a.pid() + " = read on this machine"));
    assertEquals(
        List.of("pid:" + a.pid(), metricsUrl(), "pid:" + b.pid()),
        r.instances().stream().map(Instance::name).toList());
    assertEquals(
        List.of("pid", "metrics", "pid"), r.instances().stream().map(Instance::source).toList());
    // the target's sample at a tick is the sum of its instances' samples at that tick
    for (Sample total : r.samples()) {
      long sum = 0;
      for (Instance i : r.instances()) {
        Map<Long, Long> byT =
            i.samples().stream().collect(Collectors.toMap(Sample::t, Sample::rssBytes));
        assertTrue(byT.containsKey(total.t()), i.name() + " read at " + total.t());
        sum += byT.get(total.t());
      }
      assertEquals(sum, total.rssBytes());
    }
    assertTrue(
        r.instances().get(1).samples().stream().allMatch(x -> x.rssBytes() == METRICS_RSS),
        "the /metrics instance reads its own figure");
    assertTrue(r.instances().get(0).samples().get(0).rssBytes() > 0);
    // a checkpoint's reading is the sum of the instances' readings for it
    long cpSum =
        r.instances().stream()
            .mapToLong(i -> i.checkpoint("with instances").orElseThrow().rssBytes())
            .sum();
    assertEquals(cpSum, cp.rssBytes());
    assertFalse(r.targetLost());
  }

  @Test
  void anInstanceThatDiesLosesTheTargetNamingIt() throws Exception {
    String value = "pid:" + a.pid() + ",pid:" + b.pid();
    ResourceSampler s =
        ResourceSampler.start(
            NO_PID, instances(value), Duration.ofMillis(100), Duration.ofMinutes(1));
    assertEquals(ResourceFacts.PID, s.source());
    await(s, r -> r.samples().size() >= 2);
    b.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    await(s, ResourceFacts::targetLost);
    ResourceFacts r = s.stop();
    assertTrue(
        r.targetLostReason().startsWith("pid:" + b.pid() + ": process " + b.pid()),
        r.targetLostReason());
    assertNotNull(r.instances().get(1).lostAtMs());
    assertNull(r.instances().get(0).lostAtMs());
  }

  @Test
  void anInstanceThatCannotBeReadAtTheStartLeavesTheTargetUnmeasured() throws Exception {
    b.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    String value = "pid:" + a.pid() + ",pid:" + b.pid();
    ResourceSampler s =
        ResourceSampler.start(
            NO_PID, instances(value), Duration.ofMillis(100), Duration.ofMinutes(1));
    ResourceFacts r = s.stop();
    assertEquals(ResourceFacts.NONE, r.source());
    assertTrue(r.sourceReason().contains("instance pid:" + b.pid()), r.sourceReason());
    assertTrue(r.samples().isEmpty());
    assertTrue(r.instances().isEmpty());
  }
}
