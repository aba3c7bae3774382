package org.port8000.perf.probe;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.port8000.perf.results.PhaseFacts;

/** How frames answer messages: final response, stream or not, error frames and error text. */
class ReplyMatcherTest {
  private static final Pattern ERRORS = Pattern.compile("\\[Error: [^\\]]*\\]");

  private final MessageTimings timings = new MessageTimings();
  private final MessageTimings.Recorder recorder = timings.plan("p", 3, 10, 1, true);
  private final ReplyMatcher matcher = new ReplyMatcher(recorder, ERRORS, 1_000);

  private PhaseFacts.Phase phase() {
    return timings.result().phases().get(0);
  }

  @Test
  void aResponseWithoutStreamFramesAnswersTheMessage() {
    matcher.sent("a", 0, 1_000, 1_000);
    matcher.frame("{\"type\":\"response\",\"content\":\"hi\"}", 1_020);

    assertEquals(1, phase().replied());
    assertEquals(20, phase().latency().max());
    assertNull(phase().firstToken(), "no stream frame: no first token");
  }

  @Test
  void streamFramesGiveTheFirstTokenAndTheResponseTheLatency() {
    matcher.sent("a", 0, 1_000, 1_000);
    matcher.frame("{\"type\":\"stream\",\"content\":\"h\"}", 1_005);
    matcher.frame("{\"type\":\"stream\",\"content\":\"i\"}", 1_010);
    matcher.frame("{\"type\":\"response\",\"content\":\"hi\"}", 1_030);

    assertEquals(5, phase().firstToken().max());
    assertEquals(30, phase().latency().max());
  }

  @Test
  void repliesAreMatchedInOrderWithoutIdsAndByIdWhenEchoed() {
    matcher.sent("a", 0, 1_000, 1_000);
    matcher.sent("b", 1, 1_100, 1_100);
    matcher.sent("c", 2, 1_200, 1_200);
    matcher.frame("{\"type\":\"response\",\"content\":\"x\",\"id\":\"c\"}", 1_250);
    matcher.frame("{\"type\":\"response\",\"content\":\"x\"}", 1_300);
    matcher.frame("{\"type\":\"response\",\"content\":\"x\"}", 1_400);

    assertEquals(List.of(300, 300, 50), phase().perMessageMs());
  }

  @Test
  void errorFramesAndErrorTextRepliesAreFailedNotAnswered() {
    matcher.sent("a", 0, 1_000, 1_000);
    matcher.sent("b", 1, 1_100, 1_100);
    matcher.frame("{\"type\":\"error\",\"message\":\"Error processing message\"}", 1_050);
    matcher.frame("{\"type\":\"response\",\"content\":\"[Error: Connection error.]\"}", 1_150);

    assertEquals(0, phase().replied());
    assertEquals(1, phase().errorFrames());
    assertEquals(1, phase().errorReplies());
    assertEquals(0, matcher.waiting());
  }

  @Test
  void aMessageWithoutAnswerWithinTheTimeoutIsLostAndLateSendsAreCounted() {
    matcher.sent("a", 0, 1_000, 1_200);
    matcher.frame("{\"type\":\"heartbeat_ack\"}", 1_300);
    matcher.expire(1_999);
    assertEquals(1, matcher.waiting());
    matcher.expire(2_000);

    assertEquals(1, phase().timedOut());
    assertEquals(1, phase().lateSends());
    assertEquals(200, phase().maxSendLagMs());
    assertEquals(List.of(-1, -1, -1), phase().perMessageMs());
  }

  @Test
  void eachMessagesLatencyIsKeptInSendOrder() {
    matcher.sent("a", 0, 1_000, 1_000);
    matcher.sent("b", 1, 1_100, 1_100);
    matcher.sent("c", 2, 1_200, 1_200);
    matcher.frame("{\"type\":\"response\",\"content\":\"x\",\"id\":\"c\"}", 1_247);
    matcher.abandon();

    assertEquals(List.of(-1, -1, 47), phase().perMessageMs());
    assertEquals(2, phase().timedOut());
  }

  @Test
  void aTimeoutRetiresAnInOrderConnectionSoItsLateReplyAnswersNoLaterMessage() {
    matcher.sent("a", 0, 1_000, 1_000);
    matcher.expire(2_000);
    assertTrue(matcher.retired(), "its next reply may be the late one: in order it cannot tell");
    matcher.sent("b", 1, 2_100, 2_100);
    matcher.frame("{\"type\":\"response\",\"content\":\"late reply of a\"}", 2_150);

    assertEquals(0, phase().replied(), "a's late reply must not answer b in 50 ms");
    assertEquals(1, matcher.waiting());
  }

  @Test
  void aLateReplyWithAnEchoedIdIsDroppedAndTheConnectionStaysInUse() {
    matcher.sent("a", 0, 1_000, 1_000);
    matcher.frame("{\"type\":\"response\",\"content\":\"x\",\"id\":\"a\"}", 1_010);
    matcher.sent("b", 1, 1_100, 1_100);
    matcher.expire(2_100);
    assertFalse(matcher.retired(), "ids are echoed: a late reply names its message");
    matcher.sent("c", 2, 2_200, 2_200);
    matcher.frame("{\"type\":\"response\",\"content\":\"x\",\"id\":\"b\"}", 2_210);

    assertEquals(1, phase().replied(), "b's late reply answers neither b nor c");
    assertEquals(1, matcher.waiting());
    matcher.frame("{\"type\":\"response\",\"content\":\"x\",\"id\":\"c\"}", 2_230);
    assertEquals(List.of(10, -1, 30), phase().perMessageMs());
  }
}
