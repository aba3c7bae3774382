package org.port8000.perf.simulations;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.analysis.Area;
import org.port8000.perf.analysis.AreaResult;
import org.port8000.perf.analysis.Status;
import org.port8000.perf.app.ReportMain;
import org.port8000.perf.config.Settings;
import org.port8000.perf.results.PhaseFacts;
import org.port8000.perf.results.ProbeFiles;

/**
 * A Gatling JVM that dies mid-run (here: killed with SIGKILL once its first step completed) leaves
 * that step in the report, and the report step fails the build saying the generator died. The run
 * folder is listed in lastRun.txt as the Maven plugin lists its runs.
 */
class GeneratorCrashIT {
  private static final Pattern TARGET_PID = Pattern.compile("pid (\\d+)\\)");

  @TempDir Path dir;

  @Test
  void aKilledGeneratorLeavesItsCompletedStepsAndFailsTheBuild() throws Exception {
    Path results = dir.resolve("gatling");
    Files.createDirectories(results);
    Path log = dir.resolve("fork.log");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                "-Dperf.profile=smoke",
                "-Dgatling.resultsFolder=" + results,
                "-Dburst.messages=10",
                "-Dburst.intervalMs=100",
                "-Dthroughput.warmupSeconds=1",
                "-Dthroughput.steps=20,40",
                "-Dthroughput.stepSeconds=4",
                "io.gatling.app.Gatling",
                "-s",
                MessageThroughputSimulation.class.getName(),
                "-rf",
                results.toString(),
                "-rd",
                "crash"));
    Process fork =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Path folder = null;
    try {
      long deadline = System.currentTimeMillis() + 90_000;
      while (System.currentTimeMillis() < deadline && fork.isAlive()) {
        folder = runFolder(results).orElse(null);
        if (folder != null && stepDone(folder, "20/s")) {
          break;
        }
        Thread.sleep(200);
      }
      assertTrue(fork.isAlive(), "the fork ended by itself: " + Files.readString(log));
      assertNotNull(folder, "no run folder");
      assertTrue(stepDone(folder, "20/s"), "step 20/s did not complete in time");
    } finally {
      fork.destroyForcibly(); // SIGKILL: no after(), no run facts, no report of its own
      fork.waitFor(30, TimeUnit.SECONDS);
      stopOrphanedTarget(log);
    }
    Files.writeString(
        results.resolve("lastRun.txt"), folder.getFileName() + System.lineSeparator());

    Properties p = new Properties();
    p.setProperty("perf.profile", "smoke");
    p.setProperty("gatling.resultsFolder", results.toString());
    p.setProperty("report.root", dir.resolve("report").toString());
    p.setProperty("perf.outputFolder", dir.resolve("perf").toString());
    ReportMain.Outcome o = ReportMain.run(Settings.load(p));

    assertTrue(o.failBuild(), o.failReason());
    AreaResult throughput =
        o.areas().stream().filter(a -> a.area() == Area.THROUGHPUT).findFirst().orElseThrow();
    assertEquals(Status.FAIL, throughput.status());
    assertTrue(
        throughput.checks().stream()
            .anyMatch(c -> c.metric().equals("message.run.completed") && c.status() == Status.FAIL),
        throughput.toString());
    String step =
        throughput.details().stream()
            .filter(d -> d.label().equals("Step 20/s"))
            .findFirst()
            .orElseThrow()
            .value();
    assertTrue(step.contains("answered"), step);
    String report = Files.readString(o.files().report(), StandardCharsets.UTF_8);
    assertTrue(report.contains("Step 20/s"), "the completed step is in the report");
    assertTrue(report.contains("JVM died"), "the report says the generator died");
  }

  private static boolean stepDone(Path folder, String step) {
    try {
      return ProbeFiles.read(folder, PhaseFacts.PROBE, PhaseFacts.class)
          .map(
              t ->
                  t.phases().stream()
                      .anyMatch(
                          p ->
                              p.name().equals(step)
                                  && p.planned() > 0
                                  && p.sent() == p.planned()
                                  && p.replied() > 0))
          .orElse(false);
    } catch (RuntimeException e) {
      return false; // read while being replaced: try again
    }
  }

  private static Optional<Path> runFolder(Path results) throws IOException {
    try (Stream<Path> s = Files.list(results)) {
      return s.filter(Files::isDirectory).findFirst();
    }
  }

  /** The killed JVM's reference server outlives it: stop it by the pid the run printed. */
  private static void stopOrphanedTarget(Path log) throws IOException {
    Matcher m = TARGET_PID.matcher(Files.readString(log));
    if (m.find()) {
      ProcessHandle.of(Long.parseLong(m.group(1))).ifPresent(ProcessHandle::destroy);
    }
  }
}
