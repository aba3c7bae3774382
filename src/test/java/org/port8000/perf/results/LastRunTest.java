package org.port8000.perf.results;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which runs the report reads after an on-demand run that wrote no lastRun.txt. */
class LastRunTest {

  @TempDir Path results;

  private Path run(String name, Instant logWritten) throws Exception {
    Path f = Files.createDirectories(results.resolve(name));
    Path log = Files.writeString(f.resolve("simulation.log"), "x");
    Files.setLastModifiedTime(log, FileTime.from(logWritten));
    return f;
  }

  @Test
  void runsNewerThanTheListAreTheLastInvocationsAndWithoutNewerOnesTheListIs() throws Exception {
    Instant now = Instant.now();
    run("a-1", now.minusSeconds(100));
    Path list = Files.writeString(results.resolve(LastRun.FILE), "a-1\n");
    Files.setLastModifiedTime(list, FileTime.from(now.minusSeconds(90)));
    assertEquals(List.of(), LastRun.newerRuns(results, list), "the list is the newest");

    run("b-2", now.minusSeconds(10));
    assertEquals(
        List.of("b-2"),
        LastRun.newerRuns(results, list),
        "an on-demand run after the list (failOnError=true writes none)");
  }

  @Test
  void withoutAListEveryRunFolderCounts() throws Exception {
    run("a-1", Instant.now());
    Files.createDirectories(results.resolve("not-a-run"));
    assertEquals(List.of("a-1"), LastRun.newerRuns(results, results.resolve(LastRun.FILE)));
  }
}
