package org.port8000.perf.simulations;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import java.util.List;
import org.port8000.perf.target.RunningTarget;

/** The few DSL steps every simulation shares, so each simulation reads as its scenario. */
public final class Phases {
  private Phases() {}

  /**
   * The phases one after another. {@code andThen} adds children, so the chain is built from the
   * last phase back: each phase has exactly one successor.
   */
  public static PopulationBuilder inSequence(List<PopulationBuilder> phases) {
    return inSequenceOfGroups(phases.stream().map(List::of).toList());
  }

  /**
   * Phases of one or more populations each, one after another: a phase's first population carries
   * the next phase, the others run beside it (and the next phase does not wait for them).
   */
  public static PopulationBuilder inSequenceOfGroups(List<List<PopulationBuilder>> phases) {
    if (phases.isEmpty()) {
      throw new IllegalArgumentException("no phases");
    }
    List<PopulationBuilder> next = phases.get(phases.size() - 1);
    for (int i = phases.size() - 2; i >= 0; i--) {
      List<PopulationBuilder> phase = new java.util.ArrayList<>(phases.get(i));
      phase.set(0, phase.get(0).andThen(next.toArray(PopulationBuilder[]::new)));
      next = phase;
    }
    if (next.size() != 1) {
      throw new IllegalArgumentException("the first phase must be one population");
    }
    return next.get(0);
  }

  /** Stops the whole load when the target's process is gone: later requests would only wait. */
  public static ChainBuilder stopIfTargetDied(RunningTarget target) {
    return stopLoadGeneratorIf(s -> "the target stopped running", s -> !target.isAlive());
  }

  /** Runs {@code action} once when a user passes this point (e.g. write a phase's probe file). */
  public static ChainBuilder checkpoint(Runnable action) {
    return exec(
        session -> {
          action.run();
          return session;
        });
  }
}
