package org.port8000.perf.probe;

/**
 * Milliseconds the way Gatling's clock counts them: {@link System#nanoTime()} since a wall-clock
 * reference taken once. Gatling stamps received WebSocket frames with such a clock; times taken
 * from {@link System#currentTimeMillis()} drift from those stamps whenever the machine's wall clock
 * is stepped or slewed during a run (on a virtual machine one run saw every message latency about
 * 40 ms short, some negative). The reference is taken when this class loads: a simulation touches
 * it while it is built, seconds after Gatling's own clock was made, so the two differ by at most
 * the wall-clock drift of those seconds.
 */
public final class MonotonicClock {
  private static final long WALL_REFERENCE_MS = System.currentTimeMillis();
  private static final long NANO_REFERENCE = System.nanoTime();

  private MonotonicClock() {}

  public static long nowMillis() {
    return (System.nanoTime() - NANO_REFERENCE) / 1_000_000 + WALL_REFERENCE_MS;
  }
}
