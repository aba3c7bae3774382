package org.port8000.perf.app;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.config.Settings;
import org.port8000.perf.report.ReportFiles;
import org.port8000.perf.results.LastRun;
import org.port8000.perf.results.ResultsException;

/** The report step on a missing results folder; on a real run: {@link ReportMainIT}. */
class ReportMainTest {

  @TempDir Path root;

  static Settings settings(Path root, Path results) {
    Properties p = new Properties();
    p.setProperty("perf.profile", "smoke");
    p.setProperty("gatling.resultsFolder", results.toString());
    p.setProperty("report.root", root.toString());
    p.setProperty("perf.outputFolder", root.resolve("perf").toString());
    p.setProperty("baseline.dir", root.resolve("baselines").toString());
    return Settings.load(p);
  }

  @Test
  void missingResultsAreAClearErrorAndLeaveEarlierReportsUntouched() throws Exception {
    ReportFiles files = new ReportFiles(root, root.resolve("perf"));
    Files.createDirectories(files.reportsFolder());
    Files.writeString(files.report(), "earlier report");

    ResultsException e =
        assertThrows(
            ResultsException.class,
            () -> ReportMain.run(settings(root, root.resolve("no-results"))));

    assertTrue(e.getMessage().contains(LastRun.FILE), e.getMessage());
    assertTrue(e.getMessage().contains("mvn verify"), e.getMessage());
    assertEquals("earlier report", Files.readString(files.report()));
  }
}
