package org.port8000.perf.results;

import io.gatling.charts.stats.LogFileParser;
import io.gatling.core.stats.writer.RecordHeader;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every request of a run's {@code simulation.log} with its times, for the merge of several
 * injectors' runs: which Gatling version wrote the log, the run's start, the users started and each
 * request's start and end as offsets from that start (Gatling's own reader keeps only aggregates).
 * Decodes the record layout of Gatling 3.15's {@code SecondPassParser}, as {@link RawResponseTimes}
 * does; its IT checks the counts against {@link GatlingLogReader}'s.
 */
public final class GatlingLog extends LogFileParser<GatlingLog.Content> {
  private static final byte RUN = RecordHeader.Run$.MODULE$.value();
  private static final byte USER = RecordHeader.User$.MODULE$.value();
  private static final byte REQUEST = RecordHeader.Request$.MODULE$.value();
  private static final byte GROUP = RecordHeader.Group$.MODULE$.value();
  private static final byte ERROR = RecordHeader.Error$.MODULE$.value();

  /** One request; {@code start}/{@code end} in ms from the run's start. */
  public record Sample(String name, int start, int end, boolean ok) {
    public int duration() {
      return end - start;
    }
  }

  /** What a log holds; {@code runStart} in epoch ms. */
  public record Content(
      String gatlingVersion,
      String simulationClass,
      long runStart,
      int usersStarted,
      List<Sample> samples) {
    public Content {
      samples = List.copyOf(samples);
    }
  }

  private GatlingLog(File log) {
    super(log);
  }

  /** The version that wrote the log, read without decoding the rest (any version's log). */
  public static String version(Path runFolder) {
    try (GatlingLog parser = new GatlingLog(log(runFolder).toFile())) {
      if (parser.readByte() != RUN) {
        throw new ResultsException(
            "simulation.log in "
                + runFolder
                + " does not start with a"
                + " run record: it is not a Gatling 3.13+ log.");
      }
      return parser.readString();
    } catch (ResultsException e) {
      throw e;
    } catch (Exception e) {
      throw new ResultsException(
          "Cannot read the Gatling version of " + log(runFolder) + " (" + e + ").", e);
    }
  }

  /** Every request of the log; the caller checks {@link #version} first. */
  public static Content read(Path runFolder) {
    try (GatlingLog parser = new GatlingLog(log(runFolder).toFile())) {
      return parser.parse();
    } catch (ResultsException e) {
      throw e;
    } catch (Exception e) { // Scala code can throw checked exceptions undeclared
      throw new ResultsException(
          "Cannot read the requests in "
              + log(runFolder)
              + " ("
              + e
              + "); it may have been written by another Gatling version.",
          e);
    }
  }

  /** The run folder's {@code simulation.log}; a run without one did not finish writing it. */
  static Path log(Path runFolder) {
    Path log = runFolder.resolve("simulation.log");
    if (!Files.isRegularFile(log)) {
      throw new ResultsException(
          "No simulation.log in "
              + runFolder
              + ": the run did not finish"
              + " writing its results. Run the simulation again.");
    }
    return log;
  }

  @Override
  public Content parse() {
    skipByte();
    String version = readString();
    String simulation = readString();
    long start = readLong();
    skipString();
    int assertions = readInt();
    for (int i = 0; i < assertions; i++) {
      skipString();
    }
    int scenarios = readInt();
    for (int i = 0; i < scenarios; i++) {
      skip(readInt());
    }
    int users = 0;
    List<Sample> samples = new ArrayList<>();
    while (true) {
      byte header = (byte) read();
      if (header == -1) {
        return new Content(version, simulation, start, users, samples);
      } else if (header == USER) {
        skipInt();
        if (readBoolean()) {
          users++;
        }
        skipInt();
      } else if (header == REQUEST) {
        skipGroup();
        String name = readCachedSanitizedString();
        int s = readInt();
        int e = readInt();
        boolean ok = readBoolean();
        readCachedSanitizedString(); // the error message, cached: must be read, not skipped
        // An "incoming" record (an unmatched message) has no end; it is no request.
        if (e >= s) {
          samples.add(new Sample(name, s, e, ok));
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
                + " written by another Gatling version.");
      }
    }
  }

  private void skipGroup() {
    int depth = readInt();
    for (int i = 0; i < depth; i++) {
      readCachedSanitizedString();
    }
  }
}
