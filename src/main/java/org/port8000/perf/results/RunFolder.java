package org.port8000.perf.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the Gatling run folder of the simulation running in this JVM. Gatling names it {@code
 * <simulation simple name, lower case>-<timestamp>} and creates it before the load, so in {@code
 * after()} the newest such folder is this run's.
 */
public final class RunFolder {
  private RunFolder() {}

  public static Optional<Path> current(Path resultsFolder, Class<?> simulation) {
    String prefix = simulation.getSimpleName().toLowerCase(Locale.ROOT) + "-";
    if (!Files.isDirectory(resultsFolder)) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.list(resultsFolder)) {
      return s.filter(Files::isDirectory)
          .filter(p -> p.getFileName().toString().startsWith(prefix))
          .max(Comparator.comparing(p -> p.getFileName().toString()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
