package org.port8000.perf.probe.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds the Chromium executable: the configured one, else Debian's usual places. */
public final class BrowserLocator {

  /** Where Debian and Ubuntu put Chromium; the first is the real binary behind the wrapper. */
  public static final List<Path> CANDIDATES =
      List.of(
          Path.of("/usr/lib/chromium/chromium"),
          Path.of("/usr/bin/chromium"),
          Path.of("/usr/bin/chromium-browser"));

  public static final String INSTALL_HINT =
      "Install Debian's Chromium with `apt-get install -y"
          + " chromium` (the suite never downloads a browser), or point -Dbrowser.executable at a"
          + " Chromium or Chrome executable.";

  private BrowserLocator() {}

  /** The executable, or why there is none. */
  public record Located(Optional<Path> executable, String problem) {
    public static Located found(Path p) {
      return new Located(Optional.of(p), "");
    }

    public static Located missing(String problem) {
      return new Located(Optional.empty(), problem);
    }
  }

  public static Located locate(Optional<Path> configured) {
    return locate(configured, CANDIDATES);
  }

  static Located locate(Optional<Path> configured, List<Path> candidates) {
    if (configured.isPresent()) {
      Path p = configured.get();
      return Files.isRegularFile(p) && Files.isExecutable(p)
          ? Located.found(p)
          : Located.missing(
              "No browser at "
                  + p
                  + " (setting browser.executable): the file does"
                  + " not exist or is not executable.");
    }
    for (Path p : candidates) {
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return Located.found(p);
      }
    }
    return Located.missing(
        "No Chromium found at "
            + candidates.stream()
                .map(Path::toString)
                .reduce((a, b) -> a + ", " + b)
                .orElse("(no candidates)")
            + " and setting browser.executable is empty.");
  }
}
