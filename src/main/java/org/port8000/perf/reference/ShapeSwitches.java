package org.port8000.perf.reference;

import java.util.ArrayList;
import java.util.List;
import org.port8000.perf.config.PropertyReader;

/**
 * Switches that give the reference server the shape of servers the suite meets elsewhere, so its
 * tests can prove verdicts that the reference's own shape never exercises. All off by default.
 *
 * @param botChildProcessMb {@code reference.bots.childProcessMb}: each launched bot runs as a child
 *     process of about this many MB resident (0 = bots are in-process workers, the reference
 *     behaviour)
 * @param silentAfterHeartbeat {@code reference.ws.silentAfterHeartbeat}: the first heartbeat a
 *     connection sends makes the server stop answering that connection (no ack, no replies;
 *     protocol pongs still go out), like a handler stuck on a frame type it does not know
 */
public record ShapeSwitches(int botChildProcessMb, boolean silentAfterHeartbeat) {

  public static final ShapeSwitches NONE = new ShapeSwitches(0, false);

  static ShapeSwitches read(PropertyReader r) {
    return new ShapeSwitches(
        r.intValue("reference.bots.childProcessMb", 0, 0, 1024),
        r.booleanValue("reference.ws.silentAfterHeartbeat", false));
  }

  /** The switches that are on; empty when none is. */
  public List<String> describeActive() {
    List<String> on = new ArrayList<>();
    if (botChildProcessMb > 0) {
      on.add("bots.childProcessMb=" + botChildProcessMb);
    }
    if (silentAfterHeartbeat) {
      on.add("ws.silentAfterHeartbeat=true");
    }
    return on;
  }
}
