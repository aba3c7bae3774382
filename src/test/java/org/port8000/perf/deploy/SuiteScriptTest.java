package org.port8000.perf.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/suite.sh's order of calls with several simulations, run by /bin/sh (dash in the image)
 * against a stand-in {@code java} that records its arguments: the first simulation keeps the given
 * start, each later one gets the start barrier's, and a barrier that gives up stops the run.
 */
class SuiteScriptTest {
  private static final String GIVEN = "-Dinjector.startAt=1000000000000";
  private static final String AGREED = "1900000000000";

  @TempDir Path dir;

  private record Run(int exit, List<String> calls, String stderr) {
    List<String> gatling() {
      return calls.stream().filter(c -> c.contains("io.gatling.app.Gatling")).toList();
    }

    long barriers() {
      return calls.stream().filter(c -> c.contains("org.port8000.perf.app.NextStart")).count();
    }
  }

  private Run inject(String simulations, String count, boolean barrierFails)
      throws IOException, InterruptedException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path java = bin.resolve("java");
    Files.writeString(
        java,
        "#!/bin/sh\n"
            + "printf '%s\\n' \"$*\" >> \"$CALLS\"\n"
            + "case \"$*\" in *NextStart*)\n"
            + "  [ -n \"$BARRIER_FAILS\" ] && { echo 'injectors 1 never arrived' >&2; exit 1; }\n"
            + "  echo "
            + AGREED
            + " ;;\nesac\n");
    assertTrue(java.toFile().setExecutable(true));
    Path calls = dir.resolve("calls");
    ProcessBuilder pb =
        new ProcessBuilder(
            "/bin/sh",
            "deploy/suite.sh",
            "inject",
            "-Dinjector.count=" + count,
            "-Dinjector.runId=r1",
            GIVEN);
    Map<String, String> env = pb.environment();
    env.put("PATH", bin + ":" + env.get("PATH"));
    env.put("CALLS", calls.toString());
    env.put("RESULTS", dir.resolve("results").toString());
    env.put("SUITE_CP", "cp");
    env.put("JOB_COMPLETION_INDEX", "1");
    env.put("SIMULATIONS", simulations);
    env.put("BARRIER_FAILS", barrierFails ? "1" : "");
    pb.redirectError(dir.resolve("stderr").toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "suite.sh did not end");
    List<String> lines = Files.exists(calls) ? Files.readAllLines(calls) : new ArrayList<>();
    return new Run(p.exitValue(), lines, Files.readString(dir.resolve("stderr")));
  }

  @Test
  void everySimulationAfterTheFirstStartsWhenTheBarrierSays() throws Exception {
    Run run =
        inject("MessageThroughputSimulation UiRenderSimulation HeartbeatSimulation", "2", false);
    assertEquals(0, run.exit(), run.stderr());
    List<String> gatling = run.gatling();
    assertEquals(3, gatling.size(), run.calls().toString());
    assertTrue(gatling.get(0).contains(GIVEN + " io.gatling.app.Gatling"), gatling.get(0));
    for (String later : gatling.subList(1, 3)) {
      // The agreed start comes after the given one: the last -D of a name wins.
      assertTrue(later.contains(GIVEN + " -Dinjector.startAt=" + AGREED), later);
    }
    assertEquals(2, run.barriers());
    assertTrue(
        run.calls()
            .get(2)
            .endsWith("NextStart " + dir.resolve("results") + "/r1 UiRenderSimulation"),
        run.calls().get(2));
  }

  @Test
  void aBarrierThatGivesUpStopsTheRunSayingWhy() throws Exception {
    Run run =
        inject("MessageThroughputSimulation UiRenderSimulation HeartbeatSimulation", "2", true);
    assertEquals(1, run.exit());
    assertEquals(1, run.gatling().size(), run.calls().toString());
    assertEquals(1, run.barriers(), "the rest are not run");
    assertTrue(run.stderr().contains("injectors 1 never arrived"), run.stderr());
    assertTrue(
        run.stderr().contains("the start barrier before UiRenderSimulation failed"), run.stderr());
    assertTrue(run.stderr().contains("not run"), run.stderr());
  }

  @Test
  void oneInjectorNeedsNoBarrier() throws Exception {
    Run run = inject("MessageThroughputSimulation UiRenderSimulation", "1", false);
    assertEquals(0, run.exit(), run.stderr());
    assertEquals(0, run.barriers());
    assertTrue(
        run.gatling().get(1).contains(GIVEN + " io.gatling.app.Gatling"), run.gatling().get(1));
  }

  @Test
  void aSimulationListedTwiceIsRefusedBeforeAnyLoad() throws Exception {
    Run run =
        inject("UiRenderSimulation org.port8000.perf.simulations.UiRenderSimulation", "2", false);
    assertEquals(2, run.exit());
    assertEquals(0, run.gatling().size(), run.calls().toString());
    assertTrue(run.stderr().contains("names UiRenderSimulation twice"), run.stderr());
  }
}
