package org.port8000.perf.results;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The probes' result files: JSON written beside the Gatling run ({@code probe-<name>.json} in the
 * run folder), read back leniently into immutable records.
 */
public final class ProbeFiles {
  public static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private ProbeFiles() {}

  public static Path path(Path runFolder, String name) {
    return runFolder.resolve("probe-" + name + ".json");
  }

  public static void write(Path runFolder, String name, Object value) {
    try {
      AtomicFiles.write(path(runFolder, name), JSON.writeValueAsBytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Empty when the probe wrote no file (it did not run); an error when the file is unreadable. */
  public static <T> Optional<T> read(Path runFolder, String name, Class<T> type) {
    Path file = path(runFolder, name);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), type));
    } catch (IOException e) {
      throw new ResultsException("Cannot read probe file " + file + ": " + e.getMessage(), e);
    }
  }
}
