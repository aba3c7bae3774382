package org.port8000.perf.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The start of a run's next simulation, agreed by its injectors through files on the run's shared
 * results folder: each injector's previous simulation ends when it ends (injector 0 also runs the
 * browser and the footprint step), so no start fixed in advance can fit them all. Each injector
 * writes {@code <run folder>/starts/<simulation>/injector-<i>} (its clock's now, epoch ms) when it
 * is ready, waits until every injector's file exists, and takes the latest of them plus {@link
 * #LEAD}: the same files give every injector the same start.
 */
public final class StartBarrier {
  /**
   * From the last injector's arrival to the load: time for each injector to see its file, start a
   * Gatling JVM and check its settings before the simulation waits for the start (which it refuses
   * once more than 10 s have passed).
   */
  public static final Duration LEAD = Duration.ofSeconds(20);

  /** How often the folder is read while waiting: a small part of the lead. */
  static final long POLL_MS = 500;

  /** How often a waiting injector says whom it waits for. */
  static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);

  private static final Pattern SIMULATION = Pattern.compile("[A-Za-z0-9_.$-]+");

  /** Sleeps for a number of milliseconds (a fake one in tests). */
  public interface Sleeper {
    void sleep(long ms) throws InterruptedException;
  }

  private final Path folder;
  private final String runId;
  private final String simulation;
  private final int index;
  private final int count;

  /**
   * The barrier before {@code simulation} for injector {@code index} of {@code count} of run {@code
   * runId}, whose files go under {@code runFolder} ({@code <results>/<run id>}).
   */
  public StartBarrier(Path runFolder, String runId, String simulation, int index, int count) {
    if (!SIMULATION.matcher(simulation).matches()) {
      throw new ResultsException(
          "Simulation '"
              + simulation
              + "' cannot name a folder: expected a class name. Fix: list simulations by class"
              + " name in SIMULATIONS.");
    }
    if (count < 1 || index < 0 || index >= count) {
      throw new ResultsException(
          "Injector " + index + " of " + count + ": expected an index from 0 to count - 1.");
    }
    this.folder = runFolder.resolve("starts").resolve(simulation);
    this.runId = runId;
    this.simulation = simulation;
    this.index = index;
    this.count = count;
  }

  /** The folder of this simulation's arrival files. */
  public Path folder() {
    return folder;
  }

  /**
   * Writes this injector's arrival, waits up to {@code limit} for every other's and returns the
   * shared start (epoch ms); {@code say} gets a progress line every {@link #PROGRESS_EVERY}.
   */
  public long await(Duration limit, Consumer<String> say) throws InterruptedException {
    return await(limit, Clock.systemUTC(), Thread::sleep, say);
  }

  long await(Duration limit, Clock clock, Sleeper sleeper, Consumer<String> say)
      throws InterruptedException {
    long arrived = arrive(clock);
    long nextProgress = arrived + PROGRESS_EVERY.toMillis();
    while (true) {
      List<Integer> missing = new ArrayList<>();
      long latest = Long.MIN_VALUE;
      for (int i = 0; i < count; i++) {
        OptionalLong at = read(i);
        if (at.isPresent()) {
          latest = Math.max(latest, at.getAsLong());
        } else {
          missing.add(i);
        }
      }
      long now = clock.millis();
      if (missing.isEmpty()) {
        return start(latest, now, say);
      }
      if (now - arrived >= limit.toMillis()) {
        throw gaveUp(missing, limit);
      }
      if (now >= nextProgress) {
        say.accept(waiting(missing, now - arrived, limit));
        nextProgress += PROGRESS_EVERY.toMillis();
      }
      sleeper.sleep(POLL_MS);
    }
  }

  private long arrive(Clock clock) {
    Path mine = file(index);
    if (Files.exists(mine)) {
      throw new ResultsException(
          "Run '"
              + runId
              + "', simulation "
              + simulation
              + ": "
              + mine
              + " already exists, so an earlier run used this run id (its arrivals would set"
              + " a start long past). Fix: give every injector a new -Dinjector.runId.");
    }
    long now = clock.millis();
    AtomicFiles.write(mine, Long.toString(now));
    return now;
  }

  private long start(long latest, long now, Consumer<String> say) {
    long start = latest + LEAD.toMillis();
    if (now > start) {
      say.accept(
          "run '"
              + runId
              + "', "
              + simulation
              + ": the shared start "
              + start
              + " ("
              + Instant.ofEpochMilli(start)
              + ") passed "
              + (now - start)
              + " ms before this injector saw every arrival: the results folder shows other"
              + " injectors' files late (e.g. NFS attribute caching) or the clocks disagree;"
              + " the simulation refuses a start more than 10 s past.");
    }
    return start;
  }

  private OptionalLong read(int injector) {
    Path file = file(injector);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      return OptionalLong.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      throw new ResultsException(
          file
              + " holds '"
              + text
              + "': expected an instant in epoch ms, written by deploy/suite.sh's start barrier."
              + " Fix: remove what else writes there, or give the run a new -Dinjector.runId.");
    }
  }

  private Path file(int injector) {
    return folder.resolve("injector-" + injector);
  }

  private String waiting(List<Integer> missing, long waitedMs, Duration limit) {
    return "run '"
        + runId
        + "', before "
        + simulation
        + ": waiting for "
        + injectors(missing)
        + (missing.size() == 1 ? " to finish its" : " to finish their")
        + " previous simulation ("
        + Duration.ofMillis(waitedMs).toSeconds()
        + " s so far; giving up after "
        + limit.toMinutes()
        + " min)";
  }

  private ResultsException gaveUp(List<Integer> missing, Duration limit) {
    return new ResultsException(
        "Run '"
            + runId
            + "', simulation "
            + simulation
            + ": "
            + injectors(missing)
            + " never arrived at the start barrier within "
            + limit.toMinutes()
            + " min (no "
            + missing.stream().map(i -> "injector-" + i).collect(Collectors.joining(", "))
            + " in "
            + folder
            + "). Their previous simulation still runs or they failed: see their logs. This"
            + " simulation and the rest are not run.");
  }

  private static String injectors(List<Integer> missing) {
    String list = missing.stream().map(String::valueOf).collect(Collectors.joining(", "));
    return (missing.size() == 1 ? "injector " : "injectors ") + list;
  }
}
