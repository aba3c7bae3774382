package org.port8000.perf;

import io.gatling.app.Gatling$;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs one simulation in this JVM, as the Maven plugin would, with the given system properties set
 * for the run only; returns the run folder Gatling wrote. Tests use it to prove verdicts end to end
 * (needs {@code --add-opens=java.base/java.lang=ALL-UNNAMED}, set in the pom).
 */
public final class GatlingRunner {
  private GatlingRunner() {}

  public record Run(int status, Path folder) {}

  public static Run run(Class<?> simulation, Path resultsFolder, Map<String, String> properties)
      throws IOException {
    Files.createDirectories(resultsFolder);
    SystemProperties sys = new SystemProperties();
    Map<String, String> all = new HashMap<>(properties);
    all.putIfAbsent("gatling.resultsFolder", resultsFolder.toString());
    sys.setAll(all);
    try {
      int status =
          Gatling$.MODULE$.fromArgs(
              new String[] {
                "-s", simulation.getName(),
                "-rf", resultsFolder.toAbsolutePath().toString(),
                "-rd", "test"
              });
      return new Run(status, newestRunFolder(resultsFolder));
    } finally {
      sys.restore();
    }
  }

  private static Path newestRunFolder(Path resultsFolder) throws IOException {
    try (Stream<Path> s = Files.list(resultsFolder)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("simulation.log")))
          .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
          .orElseThrow(() -> new IOException("no run folder in " + resultsFolder));
    }
  }
}
