package org.port8000.perf.simulations;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The open-file pre-flight: a plan that cannot fit is refused before any load, saying why. */
class FileLimitTest {

  @Test
  void aPlanThatFitsUnderTheLimitPasses() {
    assertNull(FileLimit.refusal(640, 100, 4096));
  }

  @Test
  void aPlanOverTheLimitIsRefusedNamingTheLimitTheStepsAndTheFix() {
    String why = FileLimit.refusal(20_000, 100, 1024);

    assertNotNull(why);
    assertTrue(why.contains("20000 connections"), why);
    assertTrue(why.contains("1024 files"), why);
    assertTrue(why.contains("-Dthroughput.steps"), why);
    assertTrue(why.contains("ulimit -n"), why);
  }

  @Test
  void poolsPaceEachConnectionAtTwiceTheLatencyTarget() {
    assertEquals(400, MessageThroughputSimulation.CONNECTION_PACE.toMillis());
    assertEquals(640, MessageThroughputSimulation.poolSize(1600));
    assertEquals(1, MessageThroughputSimulation.poolSize(1));
  }
}
