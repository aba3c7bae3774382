package org.port8000.perf.baseline;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineStoreTest {
  @TempDir Path dir;

  @Test
  void aSavedBaselineIsKeptPerTargetAndProfileAndReadBackWhole() throws Exception {
    BaselineStore store = new BaselineStore(dir);
    RunSnapshot run =
        Snapshots.run(
            "smoke",
            "PASS",
            List.of(50, 51, 52),
            List.of(Snapshots.step("10/s", true)),
            Snapshots.memory(1, 100));

    Path folder = store.save(run, Optional.of("{}".getBytes(StandardCharsets.UTF_8)));

    assertEquals(dir.resolve("reference-server").resolve("smoke"), folder);
    assertTrue(Files.isRegularFile(folder.resolve(BaselineStore.SUMMARY_FILE)));
    assertEquals(run, store.load("reference-server", "smoke").orElseThrow());
    assertTrue(store.load("reference-server", "assignment").isEmpty());
  }

  @Test
  void aBaselineOfAnotherProfileIsRefusedNamingBothProfiles() {
    RunSnapshot baseline = Snapshots.smoke(List.of(50, 51, 52));
    RunSnapshot now = Snapshots.run("assignment", "PASS", List.of(50, 51, 52), List.of(), null);

    String why = BaselineStore.refusal(baseline, now, dir).orElseThrow();

    assertTrue(why.contains("profile 'smoke'"), why);
    assertTrue(why.contains("profile 'assignment'"), why);
    assertTrue(why.contains("mvn exec:java@baseline"), why);
  }

  @Test
  void aBaselineOfAnotherTargetSuiteVersionOrLoadIsRefusedNamingBothSides() {
    RunSnapshot now = Snapshots.smoke(List.of(50));
    RunSnapshot otherTarget =
        new RunSnapshot(
            now.suiteVersion(),
            "127.0.0.1_8000",
            now.profile(),
            now.parameters(),
            Instant.now(),
            null,
            "PASS",
            Map.of(),
            Map.of(),
            List.of(),
            null);
    RunSnapshot otherVersion =
        new RunSnapshot(
            "0",
            now.target(),
            now.profile(),
            now.parameters(),
            Instant.now(),
            null,
            "PASS",
            Map.of(),
            Map.of(),
            List.of(),
            null);
    RunSnapshot otherLoad =
        new RunSnapshot(
            now.suiteVersion(),
            now.target(),
            now.profile(),
            Map.of("burst.messages", "40", "throughput.steps", "10,25"),
            Instant.now(),
            null,
            "PASS",
            Map.of(),
            Map.of(),
            List.of(),
            null);

    String target = BaselineStore.refusal(otherTarget, now, dir).orElseThrow();
    assertTrue(
        target.contains("'127.0.0.1_8000'") && target.contains("'reference-server'"), target);
    String version = BaselineStore.refusal(otherVersion, now, dir).orElseThrow();
    assertTrue(
        version.contains("suite version 0")
            && version.contains("suite version " + RunSnapshot.SUITE_VERSION),
        version);
    String load = BaselineStore.refusal(otherLoad, now, dir).orElseThrow();
    assertTrue(load.contains("burst.messages 40 → 20"), load);
    assertTrue(BaselineStore.refusal(now, now, dir).isEmpty());
  }

  @Test
  void aBrokenBaselineFileIsAClearError() throws Exception {
    Path folder = new BaselineStore(dir).folder("reference-server", "smoke");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve(BaselineStore.BASELINE_FILE), "{not json");

    BaselineException e =
        assertThrows(
            BaselineException.class,
            () -> new BaselineStore(dir).load("reference-server", "smoke"));
    assertTrue(e.getMessage().contains("mvn exec:java@baseline"), e.getMessage());
  }
}
