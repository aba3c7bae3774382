package org.port8000.perf.probe;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.port8000.perf.results.HeartbeatFacts;
import org.port8000.perf.results.ResourceFacts.Checkpoint;

/**
 * The footprint step of the heartbeat run (memory per connection on the quiet target): quiet
 * readings, then {@code connections} idle connections open; once every one of them settled and the
 * server had a moment, readings with them open, spaced like the quiet ones; then the connections
 * are released and close. Runs on one injector only (the one that samples the target).
 */
public final class FootprintRecorder {

  /** Quiet time before a memory reading, so the server has finished reacting to the step. */
  public static final Duration SETTLE = Duration.ofSeconds(1);

  /** Readings per footprint phase, so their spread shows what the step can resolve. */
  public static final int READINGS = 3;

  public static final Duration READING_GAP = Duration.ofMillis(500);

  /** Longest the footprint connections wait for their reading before closing anyway. */
  public static final Duration HOLD_MAX = Duration.ofSeconds(60);

  /** How long one reading may take before the step counts as not measured. */
  private static final Duration READING_MAX = Duration.ofSeconds(10);

  private final int connections;
  private final Function<String, CompletableFuture<Checkpoint>> checkpoint;
  private final Consumer<String> note;
  private final AtomicInteger settled = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger openAtReading = new AtomicInteger();
  private final AtomicBoolean measured = new AtomicBoolean();
  private final AtomicBoolean released = new AtomicBoolean();

  /**
   * @param connections the idle connections this step opens (0: the step does not run)
   * @param checkpoint takes a named reading of the target's memory (the resource sampler's)
   * @param note a sentence for the report when the readings fail
   */
  public FootprintRecorder(
      int connections,
      Function<String, CompletableFuture<Checkpoint>> checkpoint,
      Consumer<String> note) {
    this.connections = connections;
    this.checkpoint = checkpoint;
    this.note = note;
  }

  /** The {@code i}-th quiet reading (from 1), before the connections open. */
  public void readQuiet(int i) {
    checkpoint.apply(HeartbeatFacts.footprintBeforeLabel(i));
  }

  /**
   * A connection's connect settled; once all have, the readings follow on another thread after
   * {@link #SETTLE}.
   */
  public void connectionSettled(boolean failed) {
    if (!failed) {
      open.incrementAndGet();
    }
    if (settled.incrementAndGet() == connections) {
      // read once every connection is open and the server had a moment; then let them close
      CompletableFuture.runAsync(
          this::readOpen,
          CompletableFuture.delayedExecutor(SETTLE.toMillis(), TimeUnit.MILLISECONDS));
    }
  }

  /** True while the open connections must stay open for their readings. */
  public boolean holding() {
    return !released.get();
  }

  /** The readings with every footprint connection open, spaced like the quiet ones. */
  void readOpen() {
    try {
      int opened = open.get();
      boolean all = true;
      for (int i = 1; i <= READINGS; i++) {
        if (i > 1) {
          Thread.sleep(READING_GAP.toMillis());
        }
        all &=
            checkpoint
                    .apply(HeartbeatFacts.footprintOpenLabel(opened, i))
                    .get(READING_MAX.toMillis(), TimeUnit.MILLISECONDS)
                    .rssBytes()
                != null;
      }
      if (all && opened > 0) {
        openAtReading.set(opened);
        measured.set(true);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      note.accept("The footprint step's readings failed: " + e);
    } finally {
      released.set(true);
    }
  }

  public int connections() {
    return connections;
  }

  /** Connections open when the readings were taken (0 until they were all taken). */
  public int openAtReading() {
    return openAtReading.get();
  }

  /** True when every reading with the connections open was taken. */
  public boolean measured() {
    return measured.get();
  }
}
