package org.port8000.perf.simulations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.port8000.perf.config.InjectorShare;
import org.port8000.perf.config.Settings;
import org.port8000.perf.probe.CapabilityProbe;
import org.port8000.perf.probe.InjectorRecorder;
import org.port8000.perf.results.CapabilityFacts;
import org.port8000.perf.results.CouldNotStartFacts;
import org.port8000.perf.results.ProbeFiles;
import org.port8000.perf.results.RequestNames;
import org.port8000.perf.results.RunFacts;
import org.port8000.perf.results.RunFolder;
import org.port8000.perf.results.RunStartFacts;
import org.port8000.perf.target.HealthCheck;
import org.port8000.perf.target.RunningTarget;
import org.port8000.perf.target.TargetLauncher;

/**
 * What every simulation does around its load: read the settings once, get the target (a fresh
 * reference server unless -Dtarget.url), and in {@code after()} write the probes' files and the
 * run's facts beside Gatling's run, then stop the target.
 */
public final class SimulationSupport {
  private final Class<?> simulation;
  public final Settings settings;
  public final RunningTarget target;

  /** What the target can do, found before any load; also written as probe-target.json. */
  public final CapabilityFacts capabilities;

  /**
   * This injector's share of the run: {@code users}, {@code rate} and {@code firstId} of every
   * phase; what must run once (browser, footprint, the target's sampling) runs where {@code
   * isFirst()}.
   */
  public final InjectorShare injector;

  private InjectorRecorder recorder;

  private final Instant startedAt = Instant.now();
  private final Map<String, Supplier<Object>> probes = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();
  private boolean finished;
  private String couldNotStart;

  private SimulationSupport(
      Class<?> simulation, Settings settings, RunningTarget target, CapabilityFacts capabilities) {
    this.simulation = simulation;
    this.settings = settings;
    this.target = target;
    this.capabilities = capabilities;
    this.injector = settings.injector();
  }

  /** Asks the target what it can do (one chat message, one heartbeat, the page, /metrics). */
  static CapabilityFacts checkCapabilities(Settings settings, RunningTarget target) {
    Settings.UiSelectors ui = settings.uiSelectors();
    Map<String, String> page = new LinkedHashMap<>();
    page.put("ui.selector.messages", ui.messages());
    page.put("ui.selector.input", ui.input());
    page.put("ui.selector.send", ui.send());
    page.put("ui.selector.botList", ui.botList());
    return new CapabilityProbe(
            target.baseUrl(), target.wsUrl(), settings.replyTimeout(), page, target.pid())
        .check();
  }

  /** Reads settings and starts (or checks) the target; throws a clear error before any load. */
  public static SimulationSupport start(Class<?> simulation) {
    Settings settings = Settings.load();
    RunningTarget target = TargetLauncher.start(settings);
    System.out.println(
        "[perf] "
            + simulation.getSimpleName()
            + ": profile "
            + settings.profile()
            + ", target "
            + target.baseUrl()
            + (target.startedByThisRun()
                ? " (reference server started for this run, pid " + target.pid().getAsLong() + ")"
                : ""));
    CapabilityFacts capabilities;
    try {
      capabilities = checkCapabilities(settings, target);
    } catch (RuntimeException e) {
      target.close();
      throw e;
    }
    System.out.println(
        "[perf] target capabilities: streams "
            + CapabilityFacts.state(capabilities.streams())
            + ", heartbeat ack "
            + CapabilityFacts.state(capabilities.heartbeatAck())
            + ", id echo "
            + CapabilityFacts.state(capabilities.echoesId())
            + ", chat page "
            + CapabilityFacts.state(capabilities.chatPage())
            + ", /metrics "
            + CapabilityFacts.state(capabilities.metrics())
            + ", pid alive "
            + CapabilityFacts.state(capabilities.pidAlive()));
    return new SimulationSupport(simulation, settings, target, capabilities);
  }

  /**
   * The simulation refuses to start its load (e.g. its plan does not fit the open-file limit): the
   * reason is written as {@code probe-could-not-start.json} and the report states the area as
   * failed; the simulation runs {@link #couldNotStartPopulation()} instead of its load, so the
   * suite's other simulations still run.
   */
  public synchronized void couldNotStart(String reason) {
    couldNotStart = reason;
    probes.clear();
    System.err.println("[perf] " + simulation.getSimpleName() + " could not start: " + reason);
  }

  public synchronized boolean refused() {
    return couldNotStart != null;
  }

  /**
   * What a simulation that could not start runs: one health check, failed on purpose with the
   * reason (Gatling writes no report of a run without requests, and an error would stop the Maven
   * plugin's other simulations; a failed assertion does not). Use with {@link
   * #couldNotStartAssertion()} and an HTTP protocol on the target.
   */
  public io.gatling.javaapi.core.PopulationBuilder couldNotStartPopulation() {
    String reason = couldNotStart;
    return io.gatling.javaapi.core.CoreDsl.scenario(RequestNames.COULD_NOT_START)
        .exec(
            io.gatling.javaapi.http.HttpDsl.http(RequestNames.COULD_NOT_START)
                .get("/api/health")
                .check(
                    io.gatling.javaapi.core.CoreDsl.bodyString()
                        .transform(b -> false)
                        .is(true)
                        .name(RequestNames.COULD_NOT_START + ": " + reason)))
        .injectOpen(io.gatling.javaapi.core.CoreDsl.atOnceUsers(1));
  }

  /** The assertion of a run that could not start: its one request failed, so it fails. */
  public static io.gatling.javaapi.core.Assertion couldNotStartAssertion() {
    return io.gatling.javaapi.core.CoreDsl.details(RequestNames.COULD_NOT_START)
        .failedRequests()
        .count()
        .is(0L);
  }

  /**
   * How long a sampler started now may run: the load's {@code maxRun} plus the wait for the
   * injectors' shared start ({@code injector.startAt}), which lies ahead of the load.
   */
  public java.time.Duration samplingLimit(java.time.Duration maxRun) {
    long wait =
        injector.startAt().isPresent()
            ? injector.startAt().getAsLong() - System.currentTimeMillis()
            : 0;
    return maxRun.plusMillis(Math.max(0, wait));
  }

  /**
   * Call from {@code before()}: waits for the injectors' shared start ({@code injector.startAt})
   * and begins recording this injector's facts ({@code probe-injector.json}).
   */
  public void awaitStart() {
    try {
      injector.awaitStart();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the injectors' start", e);
    }
    synchronized (this) {
      recorder = InjectorRecorder.start(injector, simulation);
    }
    if (injector.count() > 1) {
      System.out.println("[perf] " + injector + ": load starts now");
    }
  }

  /** Registers a probe whose result is written as {@code probe-<name>.json} after the load. */
  public void probe(String name, Supplier<Object> result) {
    probes.put(name, result);
  }

  /**
   * Writes one probe's file now, while the run goes on (e.g. after each phase), so a run whose JVM
   * dies keeps what completed. Quietly skipped before Gatling created the run folder.
   */
  public synchronized void writeProbe(String name) {
    Supplier<Object> probe = probes.get(name);
    Path folder = RunFolder.current(settings.gatlingResultsFolder(), simulation).orElse(null);
    if (probe == null || folder == null || finished) {
      return;
    }
    try {
      if (!Files.exists(ProbeFiles.path(folder, RunStartFacts.PROBE))) {
        ProbeFiles.write(folder, RunStartFacts.PROBE, new RunStartFacts(simulation.getName()));
      }
      ProbeFiles.write(folder, name, probe.get());
    } catch (RuntimeException e) {
      System.err.println("[perf] could not write probe '" + name + "' yet: " + e);
    }
  }

  /** A sentence for the report about this run (e.g. a measurement that could not be made). */
  public synchronized void note(String sentence) {
    notes.add(sentence);
  }

  /** Call from {@code after()}: writes the probe files and the run facts, stops the target. */
  public synchronized void finish() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      boolean answers = HealthCheck.answers(target.baseUrl());
      if (!answers) {
        notes.add(
            "The target stopped answering during the run (no healthy answer from "
                + target.baseUrl()
                + "/api/health at the end).");
      }
      Path folder = RunFolder.current(settings.gatlingResultsFolder(), simulation).orElse(null);
      if (folder == null) {
        System.err.println(
            "[perf] no Gatling run folder for "
                + simulation.getSimpleName()
                + " under "
                + settings.gatlingResultsFolder()
                + "; probe results not written");
        return;
      }
      ProbeFiles.write(folder, CapabilityFacts.PROBE, capabilities);
      if (recorder != null) {
        recorder.finish(folder);
      }
      if (couldNotStart != null) {
        ProbeFiles.write(
            folder,
            CouldNotStartFacts.PROBE,
            new CouldNotStartFacts(simulation.getName(), couldNotStart));
      }
      for (Map.Entry<String, Supplier<Object>> p : probes.entrySet()) {
        try {
          ProbeFiles.write(folder, p.getKey(), p.getValue().get());
        } catch (RuntimeException e) {
          notes.add("Probe '" + p.getKey() + "' failed: " + e.getMessage());
        }
      }
      ProbeFiles.write(
          folder,
          RunFacts.PROBE,
          new RunFacts(
              simulation.getName(),
              settings.profile(),
              settings.isFullAssignment(),
              target.baseUrl().toString(),
              target.startedByThisRun(),
              target.pid().isPresent() ? target.pid().getAsLong() : null,
              startedAt,
              Instant.now(),
              answers,
              notes,
              target.maxHeapMb().isPresent() ? target.maxHeapMb().getAsInt() : null));
    } finally {
      target.close();
    }
  }
}
