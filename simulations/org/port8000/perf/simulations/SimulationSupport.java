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
import org.port8000.perf.probe.InjectorRecorder;
import org.port8000.perf.results.CapabilityFacts;
import org.port8000.perf.results.CouldNotStartFacts;
import org.port8000.perf.results.ProbeFiles;
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

  /** Reads settings and starts (or checks) the target; throws a clear error before any load. */
  public static SimulationSupport start(Class<?> simulation) {
    Settings settings = Settings.load();
    RunningTarget target = TargetLauncher.start(settings);
    CapabilityFacts capabilities = TargetCheck.of(simulation, settings, target);
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
   * What a simulation that could not start runs instead of its load ({@link CouldNotStartLoad}).
   */
  public io.gatling.javaapi.core.PopulationBuilder couldNotStartPopulation() {
    return CouldNotStartLoad.population(couldNotStart);
  }

  /** The assertion of a run that could not start: its one request failed, so it fails. */
  public static io.gatling.javaapi.core.Assertion couldNotStartAssertion() {
    return CouldNotStartLoad.assertion();
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
