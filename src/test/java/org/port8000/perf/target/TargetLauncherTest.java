package org.port8000.perf.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.port8000.perf.config.Settings;
import org.port8000.perf.reference.ReferenceConfig;
import org.port8000.perf.reference.ReferenceServer;

/** Every address used here is 127.0.0.1, except one refused by the guard before any connection. */
class TargetLauncherTest {

  static {
    // Keep Jetty's debug logging out of the test output for the in-process server.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "reference/logback-reference.xml");
    }
  }

  private static Settings settings(String... keyValues) {
    Properties p = new Properties();
    p.setProperty(Settings.PROFILE, Settings.SMOKE);
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      p.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return Settings.load(p);
  }

  private static String get(URI url) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), url + " answered " + r.body());
    return r.body();
  }

  /** A process's command line from /proc (ProcessHandle.Info leaves it empty for long ones). */
  private static List<String> commandLine(long pid) throws IOException {
    byte[] raw = Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline"));
    return List.of(new String(raw, StandardCharsets.UTF_8).split("\0"));
  }

  /** A loopback port that nothing listens on: bound, then closed. */
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  @Test
  void withoutATargetUrlStartsTheReferenceServerAsAChildJvmAndStopsItOnClose() throws Exception {
    // reference.* settings reach the child; reference.port never does (it always gets 0).
    RunningTarget target =
        TargetLauncher.start(
            settings(
                "target.startTimeoutSeconds",
                "60",
                "reference.llm.tokens",
                "3",
                "reference.port",
                "8000",
                "reference.maxHeapMb",
                "300"));
    ProcessHandle child;
    try {
      assertTrue(target.startedByThisRun());
      URI base = target.baseUrl();
      assertEquals("127.0.0.1", base.getHost());
      assertTrue(base.getPort() > 0 && base.getPort() != 8000, "a free port: " + base);
      assertEquals(URI.create("ws://127.0.0.1:" + base.getPort() + "/ws"), target.wsUrl());

      String health = get(URI.create(base + "/api/health"));
      assertTrue(health.contains("\"status\":\"healthy\""), health);
      assertTrue(HealthCheck.answers(base));

      OptionalLong pid = target.pid();
      assertTrue(pid.isPresent());
      child =
          ProcessHandle.of(pid.getAsLong())
              .orElseThrow(() -> new AssertionError("no process " + pid.getAsLong()));
      assertTrue(child.isAlive());
      assertTrue(target.isAlive());
      assertEquals(
          ProcessHandle.current().pid(),
          child.parent().map(ProcessHandle::pid).orElse(-1L),
          "the target is this JVM's child");
      List<String> args = commandLine(child.pid());
      assertTrue(args.contains(TargetLauncher.SERVER_MAIN), "child arguments: " + args);
      assertTrue(args.contains("-Dreference.llm.tokens=3"), "child arguments: " + args);
      assertTrue(args.contains("-Dreference.port=0"), "child arguments: " + args);
      assertFalse(args.contains("-Dreference.port=8000"), "child arguments: " + args);
      // reference.maxHeapMb is the launcher's: the child's -Xmx, not a property of the server.
      assertTrue(args.contains("-Xmx300m"), "child arguments: " + args);
      assertFalse(
          args.stream().anyMatch(a -> a.startsWith("-Dreference.maxHeapMb")),
          "child arguments: " + args);
      assertEquals(
          1, args.stream().filter(a -> a.startsWith("-Xmx")).count(), "child arguments: " + args);
      assertEquals(java.util.OptionalInt.of(300), target.maxHeapMb());
    } finally {
      target.close();
    }
    assertFalse(child.isAlive(), "the child is gone after close()");
    assertFalse(target.isAlive());
    assertFalse(HealthCheck.answers(target.baseUrl()), "nothing answers after close()");
    target.close(); // idempotent
  }

  @Test
  void usesTheServerAtTargetUrlAndLeavesItRunningOnClose() throws Exception {
    try (ReferenceServer server = ReferenceServer.start(ReferenceConfig.defaultsOnFreePort())) {
      long ownPid = ProcessHandle.current().pid();
      RunningTarget target =
          TargetLauncher.start(
              settings(
                  "target.url",
                  server.baseUrl() + "/",
                  "target.pid",
                  String.valueOf(ownPid),
                  "target.startTimeoutSeconds",
                  "10"));
      assertFalse(target.startedByThisRun());
      assertEquals(URI.create(server.baseUrl()), target.baseUrl());
      assertEquals(OptionalLong.of(ownPid), target.pid());
      assertTrue(target.isAlive());
      assertTrue(target.maxHeapMb().isEmpty(), "not ours: its heap is not ours to name");

      target.close();
      assertTrue(HealthCheck.answers(URI.create(server.baseUrl())), "close() left it running");
      assertTrue(get(URI.create(server.baseUrl() + "/api/health")).contains("healthy"));
    }
  }

  @Test
  void anExternalTargetWithoutAPidHasNone() throws Exception {
    try (ReferenceServer server = ReferenceServer.start(ReferenceConfig.defaultsOnFreePort())) {
      RunningTarget target = TargetLauncher.start(settings("target.url", server.baseUrl()));
      assertEquals(OptionalLong.empty(), target.pid());
      assertTrue(target.isAlive());
    }
  }

  @Test
  void anUnreachableLoopbackUrlFailsWithinTheStartTimeoutNamingTheUrlAndWhatToCheck()
      throws Exception {
    String url = "http://127.0.0.1:" + closedPort();
    Settings s = settings("target.url", url, "target.startTimeoutSeconds", "2");
    long start = System.nanoTime();
    TargetException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(15),
            () -> assertThrows(TargetException.class, () -> TargetLauncher.start(s)));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(Duration.ofMillis(1_500)) >= 0, "it kept trying: " + took);
    assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "about 2 s, took " + took);
    String m = e.getMessage();
    assertTrue(m.contains(url + "/api/health"), m);
    assertTrue(m.contains("within 2 s"), m);
    assertTrue(m.contains("Check that the server is running"), m);
    assertTrue(m.contains("-Dtarget.startTimeoutSeconds"), m);
  }

  @Test
  void startsAgainstATargetThatRefusesTheH2cUpgradeLikeUvicorn() throws Exception {
    try (ReferenceServer server =
        ReferenceServer.start(
            ReferenceConfig.fromProperties(
                Map.of("reference.port", "0", "reference.http.rejectH2cUpgrade", "true")))) {
      URI base = URI.create(server.baseUrl());
      // The switch is on: the JDK's default client (HTTP/2, Upgrade: h2c) is refused.
      HttpResponse<String> h2c =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(base + "/api/health")).GET().build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(400, h2c.statusCode(), h2c.body());

      RunningTarget target =
          TargetLauncher.start(
              settings("target.url", base.toString(), "target.startTimeoutSeconds", "5"));
      assertTrue(target.isAlive());
      assertTrue(HealthCheck.answers(base));
      target.close();
    }
  }

  @Test
  void aTargetThatRefusesConnectionsIsReportedAsRefusedBeforeTheStartTimeout() throws Exception {
    // the launcher gives a target it does not start 15 s; the rule is shown with 1 s here
    assertEquals(Duration.ofSeconds(15), HealthWait.REFUSED_LIMIT);
    URI nothing = URI.create("http://127.0.0.1:" + closedPort());
    long start = System.nanoTime();
    TargetException e =
        assertThrows(
            TargetException.class,
            () ->
                HealthWait.await(
                    nothing, Duration.ofSeconds(60), () -> true, Duration.ofSeconds(1)));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(e.getMessage().contains("refused connections for 1 s"), e.getMessage());
    assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "not the 60 s timeout: " + took);
  }

  @Test
  void refusesARemoteUrlBeforeAnyConnectionAttempt() {
    // 192.0.2.0/24 is TEST-NET-1: nothing answers there, so a connection attempt would only
    // time out after the start timeout; the guard answers at once, with its own message.
    Settings s =
        settings("target.url", "http://192.0.2.10:8000", "target.startTimeoutSeconds", "30");
    long start = System.nanoTime();
    TargetException e = assertThrows(TargetException.class, () -> TargetLauncher.start(s));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(e.getMessage().contains("not a loopback address"), e.getMessage());
    assertTrue(e.getMessage().contains("-Dtarget.allowRemote=true"), e.getMessage());
    assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "refused without connecting: " + took);
  }

  @Test
  void reportsAReferenceServerThatExitsBeforeListening() {
    // The child refuses this setting and exits.
    TargetException e =
        assertThrows(
            TargetException.class,
            () ->
                TargetLauncher.start(
                    settings("target.startTimeoutSeconds", "60", "reference.llm.tokens", "many")));
    assertTrue(e.getMessage().contains("exited before listening"), e.getMessage());
    assertTrue(e.getMessage().contains("exit code 2"), e.getMessage());
  }

  @Test
  void theReferenceServersCommandForScriptsHasTheLaunchersJvmOptionsHeapAndFaultSwitches() {
    List<String> cmd =
        TargetLauncher.referenceServerCommand(
            settings("reference.maxHeapMb", "300", "reference.fault.latencyMs", "40"));
    assertTrue(cmd.containsAll(TargetLauncher.SERVER_JVM_OPTIONS), cmd.toString());
    assertTrue(cmd.contains("-Xmx300m"), cmd.toString());
    assertTrue(cmd.contains("-Dreference.fault.latencyMs=40"), cmd.toString());
    assertTrue(cmd.contains("-Dreference.port=0"), cmd.toString());
    assertEquals("org.port8000.perf.reference.ReferenceServer", cmd.get(cmd.size() - 1));
  }
}
