package org.port8000.perf.simulations;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The open-file pre-flight: a plan that cannot fit is refused before any load, saying why. */
class FileLimitTest {

  @Test
  void aPlanThatFitsUnderTheLimitPasses() {
    assertNull(
        FileLimit.refusal(640, 100, 4096, FileLimit.THROUGHPUT_PLAN, FileLimit.THROUGHPUT_FIX));
  }

  @Test
  void aPlanOverTheLimitIsRefusedNamingTheLimitTheStepsAndTheFix() {
    String why =
        FileLimit.refusal(20_000, 100, 1024, FileLimit.THROUGHPUT_PLAN, FileLimit.THROUGHPUT_FIX);

    assertNotNull(why);
    assertTrue(why.contains("20000 connections"), why);
    assertTrue(why.contains("1024 files"), why);
    assertTrue(why.contains("-Dthroughput.steps"), why);
    assertTrue(why.contains("ulimit -n"), why);
  }

  @Test
  void theHeartbeatPlanIsRefusedNamingItsOwnSettings() {
    String why =
        FileLimit.refusal(5_000, 100, 1024, FileLimit.HEARTBEAT_PLAN, FileLimit.HEARTBEAT_FIX);

    assertNotNull(why);
    assertTrue(why.startsWith("The heartbeat plan needs up to 5000 connections"), why);
    assertTrue(why.contains("-Dheartbeat.clients"), why);
    assertTrue(why.contains("-Dfootprint.connections"), why);
    assertTrue(why.contains("ulimit -n"), why);
    assertNull(
        FileLimit.refusal(2_000, 100, 20_000, FileLimit.HEARTBEAT_PLAN, FileLimit.HEARTBEAT_FIX));
  }

  @Test
  void poolsPaceEachConnectionAtTwiceTheLatencyTarget() {
    assertEquals(400, MessageThroughputSimulation.CONNECTION_PACE.toMillis());
    assertEquals(640, RoundTrips.poolSize(1600));
    assertEquals(1, RoundTrips.poolSize(1));
  }

  @Test
  void aGrowingPoolMayHoldOneConnectionPerMessageTheReplyTimeoutLetsWait() {
    FileLimit.Bound b = FileLimit.growthBound(8, 20, 1500, 100, 20_000);

    assertEquals(8 + 30, b.connections());
    assertTrue(b.why().contains("reply.timeoutMs"), b.why());
  }

  @Test
  void theOpenFileLimitCapsAGrowingPoolAndIsNamed() {
    FileLimit.Bound b = FileLimit.growthBound(640, 1600, 5000, 100, 1024);

    assertEquals(1024 - 100 - FileLimit.RESERVE, b.connections());
    assertTrue(b.why().contains("open-file limit (1024 files"), b.why());
    assertTrue(b.why().contains("ulimit -n"), b.why());
  }

  @Test
  void aGrowingPoolIsNeverBoundBelowItsInitialConnections() {
    assertEquals(640, FileLimit.growthBound(640, 1600, 5000, 900, 1024).connections());
  }
}
