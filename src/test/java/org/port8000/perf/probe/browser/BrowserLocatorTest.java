package org.port8000.perf.probe.browser;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowserLocatorTest {

  @TempDir Path dir;

  private Path executable(String name) throws Exception {
    Path p = Files.createFile(dir.resolve(name));
    assertTrue(p.toFile().setExecutable(true));
    return p;
  }

  @Test
  void theConfiguredExecutableWins() throws Exception {
    Path mine = executable("my-chrome");
    Path debian = executable("chromium");

    assertEquals(
        Optional.of(mine), BrowserLocator.locate(Optional.of(mine), List.of(debian)).executable());
  }

  @Test
  void aConfiguredPathThatIsMissingIsNamedAndNotReplacedByAnother() throws Exception {
    Path debian = executable("chromium");

    BrowserLocator.Located l =
        BrowserLocator.locate(Optional.of(dir.resolve("nope")), List.of(debian));

    assertTrue(l.executable().isEmpty());
    assertTrue(l.problem().contains("nope") && l.problem().contains("browser.executable"));
  }

  @Test
  void withoutSettingTheFirstExistingCandidateIsUsedAndNoneIsExplained() throws Exception {
    Path second = executable("chromium-browser");
    Path first = dir.resolve("missing-chromium");

    assertEquals(
        Optional.of(second),
        BrowserLocator.locate(Optional.empty(), List.of(first, second)).executable());
    BrowserLocator.Located none = BrowserLocator.locate(Optional.empty(), List.of(first));
    assertTrue(none.problem().contains(first.toString()), none.problem());
    assertTrue(BrowserLocator.INSTALL_HINT.contains("apt-get install -y chromium"));
  }
}
