package org.port8000.perf.app;

import java.nio.file.Path;
import org.port8000.perf.config.InjectorShare;
import org.port8000.perf.config.Settings;
import org.port8000.perf.config.SettingsException;
import org.port8000.perf.results.ResultsException;
import org.port8000.perf.results.StartBarrier;

/**
 * The start barrier of deploy/suite.sh ({@code NextStart <run folder> <simulation>}, with the
 * injector's {@code -D} settings): before every simulation after the first, each injector waits on
 * the shared results folder until all have finished their previous one and prints the start they
 * agree on (epoch ms), which the next simulation gets as {@code -Dinjector.startAt}. Progress goes
 * to stderr; a barrier that gives up (after {@link InjectorShare#MAX_WAIT}, as long as a start may
 * lie ahead) exits 1 naming the injectors that never arrived.
 */
public final class NextStart {
  private NextStart() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 2) {
      System.err.println("usage: NextStart <results>/<run id> <simulation>");
      System.exit(2);
    }
    try {
      InjectorShare share = Settings.load().injector();
      StartBarrier barrier =
          new StartBarrier(Path.of(args[0]), share.runId(), args[1], share.index(), share.count());
      long start =
          barrier.await(InjectorShare.MAX_WAIT, line -> System.err.println("[perf] " + line));
      System.out.println(start);
    } catch (ResultsException | SettingsException e) {
      System.err.println("[perf] " + e.getMessage());
      System.exit(1);
    }
  }
}
