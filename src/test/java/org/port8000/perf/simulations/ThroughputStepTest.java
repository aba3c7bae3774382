package org.port8000.perf.simulations;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.port8000.perf.probe.MessageTimings;
import org.port8000.perf.results.RequestNames;

/** A step's pool from this injector's share of its rate: the halves add up to the whole. */
class ThroughputStepTest {

  @Test
  void oneInjectorOffersTheWholeStep() {
    ThroughputStep s =
        ThroughputStep.first(new MessageTimings(), 40, 40.0, Duration.ofSeconds(4), null);
    assertEquals(RequestNames.step(40), s.name);
    assertEquals(16, s.users);
    assertEquals(400, s.pace.toMillis());
    assertEquals(160, s.recorder().planned());
  }

  @Test
  void eachOfTwoInjectorsOffersHalfUnderTheWholeStepsName() {
    ThroughputStep s =
        ThroughputStep.first(new MessageTimings(), 40, 20.0, Duration.ofSeconds(4), null);
    assertEquals(RequestNames.step(40), s.name, "merged by the full step's name");
    assertEquals(8, s.users);
    assertEquals(400, s.pace.toMillis());
    assertEquals(80, s.recorder().planned());
    assertEquals(20.0, s.recorder().phase().offeredPerSecond(), 1e-9);
  }

  @Test
  void anUnevenShareKeepsItsRateWithWholeUsers() {
    // 75/s over two injectors: 37.5/s each, from 15 users pacing at 400 ms.
    ThroughputStep s =
        ThroughputStep.first(new MessageTimings(), 75, 37.5, Duration.ofSeconds(4), null);
    assertEquals(15, s.users);
    assertEquals(400, s.pace.toMillis());
    ThroughputStep retry =
        ThroughputStep.retry(new MessageTimings(), s, Duration.ofSeconds(3), null);
    assertEquals(RequestNames.stepRetry(75), retry.name);
    assertEquals(15, retry.users);
  }
}
