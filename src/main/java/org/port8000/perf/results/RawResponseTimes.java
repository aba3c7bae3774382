package org.port8000.perf.results;

import io.gatling.charts.stats.LogFileParser;
import io.gatling.core.stats.writer.RecordHeader;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every OK response time of every request name in a run's {@code simulation.log}, in the order they
 * were written. Gatling's own reader keeps only aggregates (percentiles, counts), and the baseline
 * comparison needs the raw samples; so this is a second pass over the binary log with Gatling's own
 * low-level parser (same classpath, same version), decoding the record layout of Gatling 3.15's
 * {@code SecondPassParser}. A version that changes the layout fails this class's test (counts must
 * equal {@link GatlingLogReader}'s), not the comparison silently.
 */
public final class RawResponseTimes extends LogFileParser<Map<String, List<Integer>>> {
  private static final byte USER = RecordHeader.User$.MODULE$.value();
  private static final byte REQUEST = RecordHeader.Request$.MODULE$.value();
  private static final byte GROUP = RecordHeader.Group$.MODULE$.value();
  private static final byte ERROR = RecordHeader.Error$.MODULE$.value();

  private RawResponseTimes(File log) {
    super(log);
  }

  /** OK response times in ms by request name. */
  public static Map<String, List<Integer>> read(Path runFolder) {
    Path log = runFolder.resolve("simulation.log");
    if (!Files.isRegularFile(log)) {
      throw new ResultsException(
          "No simulation.log in "
              + runFolder
              + ": the run did not finish"
              + " writing its results. Run the simulation again.");
    }
    try (RawResponseTimes parser = new RawResponseTimes(log.toFile())) {
      return parser.parse();
    } catch (ResultsException e) {
      throw e;
    } catch (Exception e) { // Scala code can throw checked exceptions undeclared
      throw new ResultsException(
          "Cannot read the response times in "
              + log
              + " ("
              + e
              + ");"
              + " it may have been written by another Gatling version: re-run the simulation.",
          e);
    }
  }

  @Override
  public Map<String, List<Integer>> parse() {
    skipRunRecord();
    Map<String, List<Integer>> times = new LinkedHashMap<>();
    while (true) {
      byte header = (byte) read();
      if (header == -1) {
        return times;
      } else if (header == USER) {
        skipInt();
        readBoolean();
        skipInt();
      } else if (header == REQUEST) {
        skipGroup();
        String name = readCachedSanitizedString();
        int start = readInt();
        int end = readInt();
        boolean ok = readBoolean();
        readCachedSanitizedString(); // the error message, cached: must be read, not skipped
        // An "incoming" record (an unmatched message) has no end; it is no response time.
        if (ok && end >= start) {
          times.computeIfAbsent(name, n -> new ArrayList<>()).add(end - start);
        }
      } else if (header == GROUP) {
        skipGroup();
        skipInt();
        skipInt();
        skipInt();
        readBoolean();
      } else if (header == ERROR) {
        readCachedSanitizedString();
        skipInt();
      } else {
        throw new ResultsException(
            "Unknown record type "
                + header
                + " in simulation.log: it was"
                + " written by another Gatling version; re-run the simulation.");
      }
    }
  }

  private void skipGroup() {
    int depth = readInt();
    for (int i = 0; i < depth; i++) {
      readCachedSanitizedString();
    }
  }

  private void skipRunRecord() {
    skipByte();
    skipString();
    skipString();
    skipLong();
    skipString();
    int assertions = readInt();
    for (int i = 0; i < assertions; i++) {
      skipString();
    }
    int scenarios = readInt();
    for (int i = 0; i < scenarios; i++) {
      skip(readInt());
    }
  }
}
