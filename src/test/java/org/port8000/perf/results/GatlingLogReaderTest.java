package org.port8000.perf.results;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader on a real run is proved in {@link GatlingLogReaderIT}. */
class GatlingLogReaderTest {

  @TempDir Path results;

  @Test
  void namesTheFolderWhenThereIsNoSimulationLog() {
    ResultsException e = assertThrows(ResultsException.class, () -> GatlingLogReader.read(results));
    assertTrue(e.getMessage().contains(results.toString()), e.getMessage());
  }
}
