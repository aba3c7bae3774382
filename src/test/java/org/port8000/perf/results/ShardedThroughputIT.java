package org.port8000.perf.results;

import static org.junit.jupiter.api.Assertions.*;

import io.gatling.commons.util.GatlingVersion$;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.reference.ReferenceConfig;
import org.port8000.perf.reference.ReferenceServer;
import org.port8000.perf.simulations.MessageThroughputSimulation;

/**
 * The real throughput simulation sharded: two injector JVMs at once, each offering half of a
 * throughput step, against one reference server, merged; then one injector JVM offering the full
 * step against the same server. The merged step has exactly the injectors' requests summed and the
 * single run's planned messages, and its reply p95 lies within the single run's noise.
 *
 * <p>Noise, as judged here: on this shared 2-core machine the two injector JVMs compete with the
 * server for the cores, so the merged p95 may be higher than the single run's; it must lie within
 * {@link #NOISE_FACTOR} times the single run's p95 or {@link #NOISE_MS} ms of it, whichever is
 * wider (both directions), and the figures are printed.
 */
class ShardedThroughputIT {
  private static final String VERSION = GatlingVersion$.MODULE$.ThisVersion().fullVersion();
  private static final int RATE = 40;
  private static final int SECONDS = 5;
  private static final String STEP = RequestNames.step(RATE);
  private static final String REPLY = RequestNames.reply(STEP);
  static final double NOISE_FACTOR = 2.0;
  static final int NOISE_MS = 20;

  static {
    // Keep the in-process server's Jetty debug logging out of the test output.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "reference/logback-reference.xml");
    }
  }

  @TempDir Path root;

  @Test
  void twoInjectorsAtHalfTheStepMergeToWhatOneInjectorAtTheFullStepMeasures() throws Exception {
    try (ReferenceServer server =
        ReferenceServer.start(ReferenceConfig.fromProperties(Map.of("reference.port", "0")))) {
      String url = server.baseUrl();
      long startAt = System.currentTimeMillis() + 20_000;
      Process first = injector("injector-0", "pair", 0, 2, url, startAt);
      Process second = injector("injector-1", "pair", 1, 2, url, startAt);
      awaitInjector(first, "injector-0");
      awaitInjector(second, "injector-1");
      Process solo = injector("single", "solo", 0, 1, url, System.currentTimeMillis() + 1_000);
      awaitInjector(solo, "single");

      MergedRun pair = only(RunMerge.merge(List.of(in("injector-0"), in("injector-1")), VERSION));
      MergedRun single = only(RunMerge.merge(List.of(in("single")), VERSION));

      // Counts: the merged step's replies are the sum of the injectors' own (Gatling's reader).
      long ok = 0;
      long ko = 0;
      for (String name : List.of("injector-0", "injector-1")) {
        RequestStats own = GatlingLogReader.read(folder(name)).request(REPLY).orElseThrow();
        ok += own.ok();
        ko += own.ko();
        assertTrue(own.ok() > 0, name + " answered none of its half: " + own);
      }
      RequestStats merged = pair.requests().get(REPLY);
      RequestStats solo1 = single.requests().get(REPLY);
      assertEquals(ok, merged.ok(), "merged OK replies are the injectors' sum");
      assertEquals(ko, merged.ko(), "merged KO replies are the injectors' sum");

      // Two halves plan the full step: the merged phase timings plan what one injector planned.
      PhaseFacts.Phase pairStep =
          step(MergedRunFolder.write(pair, root.resolve("merged")).folder());
      PhaseFacts.Phase soloStep = step(folder("single"));
      assertEquals(soloStep.planned(), pairStep.planned(), "planned: " + pairStep);
      assertEquals(RATE, pairStep.offeredPerSecond(), 0.001, pairStep.toString());
      assertEquals(soloStep.connections(), pairStep.connections(), pairStep.toString());

      // p95 within the single run's noise.
      int tolerance = (int) Math.max(NOISE_MS, (NOISE_FACTOR - 1) * solo1.p95());
      System.out.println(
          "[sharded-it] step "
              + STEP
              + ": 2 injectors merged "
              + merged.ok()
              + " OK / "
              + merged.ko()
              + " KO (injectors' sum "
              + ok
              + " / "
              + ko
              + "), p50/p95/p99 "
              + merged.p50()
              + "/"
              + merged.p95()
              + "/"
              + merged.p99()
              + " ms; 1 injector "
              + solo1.ok()
              + " OK / "
              + solo1.ko()
              + " KO, p50/p95/p99 "
              + solo1.p50()
              + "/"
              + solo1.p95()
              + "/"
              + solo1.p99()
              + " ms; allowed |merged p95 - single p95| <= "
              + tolerance
              + " ms; planned "
              + pairStep.planned()
              + " vs "
              + soloStep.planned());
      assertTrue(
          Math.abs(merged.p95() - solo1.p95()) <= tolerance,
          "merged p95 " + merged.p95() + " ms vs single " + solo1.p95() + " ms ± " + tolerance);
      assertEquals(soloStep.planned(), settled(single), "the single run settled its plan");
      assertEquals(pairStep.planned(), settled(pair), "the two injectors settled the same plan");
    }
  }

  /** The step's messages that got an outcome: replies, and first-token checks that failed. */
  private static long settled(MergedRun run) {
    RequestStats reply = run.requests().get(REPLY);
    RequestStats first = run.requests().get(RequestNames.firstToken(STEP));
    return reply.ok() + reply.ko() + (first == null ? 0 : first.ko());
  }

  private static MergedRun only(Map<String, MergedRun> merged) {
    assertEquals(1, merged.size(), merged.keySet().toString());
    return merged.values().iterator().next();
  }

  private static PhaseFacts.Phase step(Path folder) {
    return ProbeFiles.read(folder, PhaseFacts.PROBE, PhaseFacts.class)
        .orElseThrow(() -> new AssertionError("no phase timings in " + folder))
        .phases()
        .stream()
        .filter(p -> p.name().equals(STEP))
        .findFirst()
        .orElseThrow();
  }

  private Path in(String name) {
    return root.resolve(name);
  }

  private Path folder(String name) {
    List<Path> folders = InjectorRun.runFolders(in(name));
    assertEquals(1, folders.size(), folders.toString());
    return folders.get(0);
  }

  /** One injector JVM running the throughput simulation, as deploy/suite.sh runs it. */
  private Process injector(
      String name, String runId, int index, int count, String url, long startAt) throws Exception {
    Path results = in(name).resolve("gatling");
    Files.createDirectories(results);
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                "-Dperf.profile=smoke",
                "-Dgatling.resultsFolder=" + results,
                "-Dtarget.url=" + url,
                "-Dburst.messages=10",
                "-Dburst.intervalMs=100",
                "-Dreply.timeoutMs=1500",
                "-Dthroughput.warmupSeconds=2",
                "-Dthroughput.steps=" + RATE,
                "-Dthroughput.stepSeconds=" + SECONDS,
                "-Dinjector.index=" + index,
                "-Dinjector.count=" + count,
                "-Dinjector.runId=" + runId,
                "-Dinjector.startAt=" + startAt,
                "io.gatling.app.Gatling",
                "-s",
                MessageThroughputSimulation.class.getName(),
                "-rf",
                results.toString(),
                "-rd",
                name));
    return new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(in(name).resolve("injector.log").toFile())
        .start();
  }

  private void awaitInjector(Process p, String name) throws Exception {
    if (!p.waitFor(150, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(name + " did not finish: " + Files.readString(in(name).resolve("injector.log")));
    }
    // Gatling exits non-zero when an assertion fails; the figures are judged here.
    assertTrue(
        Files.isDirectory(in(name).resolve("gatling")),
        name + ": " + Files.readString(in(name).resolve("injector.log")));
  }
}
