package org.port8000.perf.probe;

import static org.junit.jupiter.api.Assertions.*;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.port8000.perf.results.PhaseTimings;

/** Which connection a due message goes on, and when the pool grows. */
class ConnectionPoolTest {
  private static final Pattern ERRORS = Pattern.compile("\\[Error: [^\\]]*\\]");

  private final MessageTimings timings = new MessageTimings();
  private int sequence;

  private ConnectionPool.Member member(ConnectionPool pool, MessageTimings.Recorder recorder) {
    ConnectionPool.Member m = pool.member(() -> new ReplyMatcher(recorder, ERRORS, 5_000));
    m.opened(); // its first connection
    return m;
  }

  /** Dispatches one message as the simulation does, opening a connection when asked to. */
  private int send(ConnectionPool.Member m, long atMs) {
    int c = m.dispatch();
    if (c == m.count()) {
      m.opened();
    }
    m.connection(c).sent("m" + sequence, sequence++, atMs, atMs);
    return c;
  }

  private static void reply(ConnectionPool.Member m, int connection, long atMs) {
    m.connection(connection).frame("{\"type\":\"response\",\"content\":\"ok\"}", atMs);
  }

  @Test
  void aConnectionWhoseReplyArrivedTakesTheNextMessageAndThePoolDoesNotGrow() {
    ConnectionPool pool = new ConnectionPool(1, 10, "test");
    ConnectionPool.Member m = member(pool, timings.plan("p", 3, 10, pool, false));

    assertEquals(0, send(m, 0));
    reply(m, 0, 50);
    assertEquals(0, send(m, 400));
    reply(m, 0, 450);
    assertEquals(0, send(m, 800));

    assertEquals(1, pool.size());
    assertEquals(0, pool.queuedSends());
  }

  @Test
  void whenEveryConnectionStillWaitsTheMessageGoesOnANewOne() {
    ConnectionPool pool = new ConnectionPool(1, 10, "test");
    ConnectionPool.Member m = member(pool, timings.plan("p", 3, 10, pool, false));

    assertEquals(0, send(m, 0));
    assertEquals(1, m.dispatch(), "connection 0 waits: a new connection 1");
    assertEquals(2, pool.size(), "the pool counts the connection being opened");
    m.opened();
    m.connection(1).sent("b", 1, 400, 400);
    assertEquals(0, pool.queuedSends());
  }

  @Test
  void theFirstConnectionThatWaitsForNoReplyIsTaken() {
    ConnectionPool pool = new ConnectionPool(1, 10, "test");
    ConnectionPool.Member m = member(pool, timings.plan("p", 4, 10, pool, false));

    send(m, 0);   // connection 0, reply after 600 ms
    send(m, 400); // connection 1
    reply(m, 0, 600);
    assertEquals(0, send(m, 800), "connection 0 is free again; connection 1 still waits");
    assertEquals(2, m.count());
  }

  @Test
  void atTheBoundTheMessageQueuesOnTheLeastBusyConnectionAndIsCounted() {
    ConnectionPool pool = new ConnectionPool(1, 2, "test");
    ConnectionPool.Member m = member(pool, timings.plan("p", 5, 10, pool, false));

    send(m, 0);
    send(m, 400);
    send(m, 800); // bound of 2 reached: queues on connection 0 (both wait for one reply)
    assertEquals(1, send(m, 1200), "connection 1 waits for fewer replies");

    assertEquals(2, pool.size());
    assertEquals(2, pool.queuedSends());
    assertEquals(2, m.connection(0).waiting());
    assertEquals(2, m.connection(1).waiting());
  }

  @Test
  void theBoundHoldsAcrossEveryMemberOfThePhase() {
    ConnectionPool pool = new ConnectionPool(2, 3, "test");
    MessageTimings.Recorder r = timings.plan("p", 6, 10, pool, false);
    ConnectionPool.Member a = member(pool, r);
    ConnectionPool.Member b = member(pool, r);

    send(a, 0);
    send(b, 200);
    assertEquals(1, send(a, 400), "a grows to the bound");
    assertEquals(0, send(b, 600), "b cannot grow: the phase is at its bound");
    assertEquals(3, pool.size());
    assertEquals(1, pool.queuedSends());
  }

  @Test
  void aFixedPoolLikeTheOneClientBurstNeverGrows() {
    ConnectionPool pool = ConnectionPool.fixed(1);
    ConnectionPool.Member m = member(pool, timings.plan("burst", 3, 10, pool, true));

    assertEquals(0, send(m, 0));
    assertEquals(0, send(m, 100));
    assertEquals(0, send(m, 200));

    assertEquals(1, pool.size());
    assertEquals(2, pool.queuedSends(), "two messages sent before the previous reply");
  }

  @Test
  void aConnectionThatCannotBeOpenedGivesBackItsPlaceAndTheMessageQueues() {
    ConnectionPool pool = new ConnectionPool(1, 10, "test");
    ConnectionPool.Member m = member(pool, timings.plan("p", 2, 10, pool, false));

    send(m, 0);
    assertEquals(1, m.dispatch());
    assertEquals(0, m.openFailed());
    assertEquals(1, pool.size());
    assertEquals(1, pool.queuedSends());
  }

  @Test
  void thePhaseResultCarriesTheGrowthTheBoundAndTheQueuedSends() {
    ConnectionPool pool = new ConnectionPool(1, 2, "the open-file limit");
    ConnectionPool.Member m = member(pool, timings.plan("20/s", 3, 20, pool, false));
    send(m, 0);
    send(m, 50);
    send(m, 100);

    PhaseTimings.Phase p = timings.result().phases().get(0);
    assertEquals(1, p.connections());
    assertEquals(2, p.grewTo());
    assertEquals(2, p.connectionBound());
    assertEquals("the open-file limit", p.connectionBoundBy());
    assertEquals(1, p.queuedSends());
    assertTrue(p.atBound());
  }

  @Test
  void aBoundBelowTheInitialPoolIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ConnectionPool(4, 3, "test"));
  }

  @Test
  void aConnectionRetiredByATimeoutTakesNoMoreMessages() {
    ConnectionPool pool = new ConnectionPool(1, 10, "test");
    ConnectionPool.Member m = member(pool, timings.plan("p", 2, 10, pool, false));
    assertEquals(0, send(m, 1_000));
    m.connection(0).expire(6_000); // no reply in 5 s: its late reply could answer the next

    assertEquals(1, send(m, 6_100), "the next message goes on a new connection");
    assertEquals(2, pool.size());
  }
}
