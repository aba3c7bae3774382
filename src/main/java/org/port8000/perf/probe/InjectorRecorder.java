package org.port8000.perf.probe;

import io.gatling.commons.util.GatlingVersion$;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Instant;
import org.port8000.perf.config.InjectorShare;
import org.port8000.perf.results.InjectorFacts;
import org.port8000.perf.results.ProbeFiles;
import oshi.hardware.CentralProcessor;

/**
 * Records which injector ran a simulation and the CPU it and its machine used: started in a
 * simulation's {@code before()} (after {@link InjectorShare#awaitStart}), finished in its {@code
 * after()} with the run folder, where it writes {@link InjectorFacts}.
 */
public final class InjectorRecorder {
  private final InjectorShare share;
  private final String simulation;
  private final Instant startedAt = Instant.now();
  private final long startNanos = System.nanoTime();
  private final long cpuAtStart = CpuClock.processNs();
  private final CentralProcessor cpu = CpuClock.machine();
  private final long[] ticksAtStart = cpu == null ? null : cpu.getSystemCpuLoadTicks();

  private InjectorRecorder(InjectorShare share, Class<?> simulation) {
    this.share = share;
    this.simulation = simulation.getSimpleName();
  }

  /** Begins recording now (call it when the load is about to start). */
  public static InjectorRecorder start(InjectorShare share, Class<?> simulation) {
    return new InjectorRecorder(share, simulation);
  }

  /** The facts so far, without writing them. */
  public InjectorFacts facts() {
    double wallSeconds = (System.nanoTime() - startNanos) / 1e9;
    int cores = Runtime.getRuntime().availableProcessors();
    long cpuNow = CpuClock.processNs();
    Double cpuSeconds = cpuAtStart < 0 || cpuNow < 0 ? null : (cpuNow - cpuAtStart) / 1e9;
    Double cpuPercent =
        cpuSeconds == null || wallSeconds <= 0 ? null : 100.0 * cpuSeconds / (wallSeconds * cores);
    Double machine = cpu == null ? null : 100.0 * cpu.getSystemCpuLoadBetweenTicks(ticksAtStart);
    return new InjectorFacts(
        share.runId(),
        share.index(),
        share.count(),
        host(),
        simulation,
        GatlingVersion$.MODULE$.ThisVersion().fullVersion(),
        share.startAt().isPresent() ? share.startAt().getAsLong() : null,
        startedAt,
        Instant.now(),
        cores,
        cpuSeconds,
        cpuPercent,
        machine);
  }

  /** Writes the facts into the run folder ({@code probe-injector.json}). */
  public InjectorFacts finish(Path runFolder) {
    InjectorFacts f = facts();
    ProbeFiles.write(runFolder, InjectorFacts.PROBE, f);
    return f;
  }

  // In a pod the host name is the pod's name, which says which injector it was.
  private static String host() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}
