package org.port8000.perf.target;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.port8000.perf.config.Settings;
import org.port8000.perf.config.SettingsRegistry;
import org.port8000.perf.config.TargetInstance;

/**
 * Gives a simulation its target: the one named by {@code -Dtarget.url}, or a freshly started
 * reference server in a child JVM on a free loopback port (so its memory and CPU are its own).
 */
public final class TargetLauncher {
  static final String SERVER_MAIN = "org.port8000.perf.reference.ReferenceServer";

  /**
   * Children not closed yet; one shutdown hook for the whole JVM stops them, instead of a hook per
   * launch that would keep every closed child reachable until the JVM exits.
   */
  private static final Set<ChildTarget> LIVE_CHILDREN = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> List.copyOf(LIVE_CHILDREN).forEach(ChildTarget::close),
                "reference-server-stop"));
  }

  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

  /**
   * JVM options of the child server. A small initial heap that gives memory back after collections
   * keeps its resident memory close to what it really holds, so a leak shows. The maximum heap
   * comes from {@code reference.maxHeapMb}.
   */
  static final List<String> SERVER_JVM_OPTIONS =
      List.of(
          "-Xms16m",
          "-XX:+UseSerialGC",
          "-XX:MinHeapFreeRatio=10",
          "-XX:MaxHeapFreeRatio=30",
          "-XX:TieredStopAtLevel=1",
          "-Xss512k");

  /** The launcher's own setting among the reference.* ones: a JVM option, not a server property. */
  static final String MAX_HEAP_SETTING = "reference.maxHeapMb";

  private TargetLauncher() {}

  /**
   * Refuses a given target, or a {@code /metrics} URL of its instances, that is not on loopback,
   * unless remote targets are allowed.
   */
  public static void checkAllowed(Settings settings) {
    settings.targetUrl().ifPresent(url -> LoopbackGuard.check(url, settings.allowRemote()));
    String instances = settings.raw(SettingsRegistry.TARGET_INSTANCES.name());
    for (TargetInstance i : settings.targetInstances()) {
      i.metricsUrl()
          .ifPresent(
              url ->
                  LoopbackGuard.check(
                      SettingsRegistry.TARGET_INSTANCES.name(),
                      instances,
                      url,
                      settings.allowRemote()));
    }
  }

  public static RunningTarget start(Settings settings) {
    checkAllowed(settings);
    if (settings.targetUrl().isPresent()) {
      URI url = settings.targetUrl().get();
      // not being started by this run: a refused connection is reported within 15 s
      HealthWait.await(url, settings.targetStartTimeout(), () -> true, HealthWait.REFUSED_LIMIT);
      return new ExternalTarget(url, settings.targetPid());
    }
    return launchReference(settings);
  }

  private static RunningTarget launchReference(Settings settings) {
    int maxHeapMb = settings.referenceMaxHeapMb();
    Process process = startProcess(serverCommand(settings, maxHeapMb));
    CompletableFuture<URI> listening = new CompletableFuture<>();
    Thread pump = new Thread(() -> pump(process, listening), "reference-server-output");
    pump.setDaemon(true);
    pump.start();
    ChildTarget target = new ChildTarget(process, maxHeapMb);
    LIVE_CHILDREN.add(target);
    return awaitListening(target, listening, settings);
  }

  /**
   * The command that starts the reference server as this suite does (its JVM options, heap, every
   * reference.* setting, a free port), for scripts that start it themselves: one reference server
   * started otherwise grows differently, and its memory figures are not the suite's.
   */
  public static List<String> referenceServerCommand(Settings settings) {
    return serverCommand(settings, settings.referenceMaxHeapMb());
  }

  /**
   * This JVM's java with the server's JVM options and every reference.* setting as a system
   * property, on a free port (0) chosen by the server.
   */
  private static List<String> serverCommand(Settings settings, int maxHeapMb) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(SERVER_JVM_OPTIONS);
    cmd.add("-Xmx" + maxHeapMb + "m");
    settings
        .referenceProperties()
        .forEach(
            (k, v) -> {
              if (!k.equals("reference.port") && !k.equals(MAX_HEAP_SETTING)) {
                cmd.add("-D" + k + "=" + v);
              }
            });
    cmd.add("-Dreference.port=0");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(SERVER_MAIN);
    return cmd;
  }

  private static Process startProcess(List<String> cmd) {
    try {
      return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new TargetException(
          "Cannot start the reference server ("
              + String.join(" ", cmd.subList(0, 1))
              + "): "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Waits for the address the server prints, then for its health; a server that never gets there is
   * stopped and becomes a {@link TargetException} naming why.
   */
  private static RunningTarget awaitListening(
      ChildTarget target, CompletableFuture<URI> listening, Settings settings) {
    try {
      URI url = listening.get(settings.targetStartTimeout().toSeconds(), TimeUnit.SECONDS);
      target.url = url;
      HealthWait.await(url, settings.targetStartTimeout(), target.process::isAlive, null);
      return target;
    } catch (TimeoutException e) {
      target.close();
      throw new TargetException(
          "The reference server did not report its address within "
              + settings.targetStartTimeout().toSeconds()
              + " s; see its output above.");
    } catch (ExecutionException e) {
      target.close();
      throw new TargetException(
          "The reference server exited before listening; see its output"
              + " above. "
              + e.getCause().getMessage(),
          e.getCause());
    } catch (InterruptedException e) {
      target.close();
      Thread.currentThread().interrupt();
      throw new TargetException("Interrupted while starting the reference server", e);
    } catch (RuntimeException e) {
      target.close();
      throw e;
    }
  }

  /** Echoes the server's output (prefixed) and completes with its address once it listens. */
  private static void pump(Process process, CompletableFuture<URI> listening) {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        System.out.println("[reference] " + line);
        Matcher m = LISTENING.matcher(line);
        if (!listening.isDone() && m.find()) {
          listening.complete(URI.create(m.group(1)));
        }
      }
    } catch (IOException ignored) {
      // the process ended; handled below
    }
    listening.completeExceptionally(
        new TargetException("reference server output ended (exit code " + exitCode(process) + ")"));
  }

  private static String exitCode(Process p) {
    try {
      return p.waitFor(2, TimeUnit.SECONDS) ? String.valueOf(p.exitValue()) : "still running";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private record ExternalTarget(URI baseUrl, OptionalLong pid) implements RunningTarget {
    @Override
    public boolean startedByThisRun() {
      return false;
    }

    @Override
    public boolean isAlive() {
      return pid.isEmpty()
          || ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public void close() {
      // not ours to stop
    }
  }

  private static final class ChildTarget implements RunningTarget {
    private final Process process;
    private final int maxHeapMb;
    private volatile URI url;

    ChildTarget(Process process, int maxHeapMb) {
      this.process = process;
      this.maxHeapMb = maxHeapMb;
    }

    @Override
    public OptionalInt maxHeapMb() {
      return OptionalInt.of(maxHeapMb);
    }

    @Override
    public URI baseUrl() {
      return url;
    }

    @Override
    public OptionalLong pid() {
      return OptionalLong.of(process.pid());
    }

    @Override
    public boolean startedByThisRun() {
      return true;
    }

    @Override
    public boolean isAlive() {
      return process.isAlive();
    }

    @Override
    public void close() {
      LIVE_CHILDREN.remove(this);
      if (!process.isAlive()) {
        return;
      }
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
