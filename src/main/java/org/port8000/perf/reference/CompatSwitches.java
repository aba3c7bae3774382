package org.port8000.perf.reference;

import java.util.ArrayList;
import java.util.List;
import org.port8000.perf.config.PropertyReader;

/**
 * How the reference server behaves where the original FastAPI/uvicorn Port 8000 server differs from
 * it. {@code reference.compat} ({@value #REFERENCE} by default, or {@value #ORIGINAL}) sets the
 * default of every switch; each switch can also be set on its own. The suite's tests use the
 * original's behaviour to prove that the suite judges a server without the reference server's
 * extensions correctly.
 *
 * @param mode {@code reference.compat}: {@value #REFERENCE} or {@value #ORIGINAL}
 * @param heartbeatAck {@code reference.ws.heartbeatAck}: answer {@code heartbeat} frames with
 *     {@code heartbeat_ack} (the original has no app-level heartbeat)
 * @param echoId {@code reference.ws.echoId}: echo a message's {@code id} on its reply frames (the
 *     original sends no correlation id)
 * @param ignoreUnknownTypes {@code reference.ws.ignoreUnknownTypes}: frames of an unknown or
 *     missing {@code type} get no answer at all, instead of an error frame
 * @param abortOnInvalidJson {@code reference.ws.abortOnInvalidJson}: a frame that is not a JSON
 *     object drops the connection without a close frame (the client sees 1006), instead of an error
 *     frame
 * @param pingIntervalMs {@code reference.ws.pingIntervalMs}: a protocol ping to every open
 *     WebSocket this often, like uvicorn's 20 s; 0 = none
 * @param rejectH2cUpgrade {@code reference.http.rejectH2cUpgrade}: an HTTP request with {@code
 *     Upgrade: h2c} gets 400 "Unsupported upgrade request.", as uvicorn answers it
 * @param metrics {@code reference.http.metrics}: serve {@code /metrics}; the original has none, but
 *     this stays on in both modes unless set to false, so the embedded target keeps its metrics
 *     unless a test asks otherwise
 * @param ui {@code reference.ui}: the chat page served at {@code /}, {@value #REFERENCE} or {@value
 *     #ORIGINAL} (whose send path sends an ignored {@code command} frame while the socket is open)
 */
public record CompatSwitches(
    String mode,
    boolean heartbeatAck,
    boolean echoId,
    boolean ignoreUnknownTypes,
    boolean abortOnInvalidJson,
    long pingIntervalMs,
    boolean rejectH2cUpgrade,
    boolean metrics,
    String ui) {

  public static final String REFERENCE = "reference";
  public static final String ORIGINAL = "original";

  /** {@code reference.ui=bare}: the chat page's elements without any script. */
  public static final String BARE = "bare";

  /** The reference server's own behaviour (the default). */
  public static final CompatSwitches NONE =
      new CompatSwitches(REFERENCE, true, true, false, false, 0, false, true, REFERENCE);

  /** Everything as the original server does it. */
  public static final CompatSwitches ALL_ORIGINAL =
      new CompatSwitches(ORIGINAL, false, false, true, true, 20_000, true, true, ORIGINAL);

  /** Bot launch latency of the original when {@code reference.bot.launchLatencyMs} is unset. */
  static final long ORIGINAL_LAUNCH_LATENCY_MS = 1000;

  static CompatSwitches read(PropertyReader r) {
    String mode = r.choice("reference.compat", REFERENCE, REFERENCE, ORIGINAL);
    CompatSwitches d = ORIGINAL.equals(mode) ? ALL_ORIGINAL : NONE;
    return new CompatSwitches(
        mode,
        r.booleanValue("reference.ws.heartbeatAck", d.heartbeatAck),
        r.booleanValue("reference.ws.echoId", d.echoId),
        r.booleanValue("reference.ws.ignoreUnknownTypes", d.ignoreUnknownTypes),
        r.booleanValue("reference.ws.abortOnInvalidJson", d.abortOnInvalidJson),
        r.longValue("reference.ws.pingIntervalMs", d.pingIntervalMs, 0, 3_600_000),
        r.booleanValue("reference.http.rejectH2cUpgrade", d.rejectH2cUpgrade),
        r.booleanValue("reference.http.metrics", d.metrics),
        r.choice("reference.ui", d.ui, REFERENCE, ORIGINAL, BARE));
  }

  boolean original() {
    return ORIGINAL.equals(mode);
  }

  /** The switches that differ from the reference behaviour; empty when none does. */
  public List<String> describeActive() {
    List<String> on = new ArrayList<>();
    if (!heartbeatAck) {
      on.add("heartbeatAck=false");
    }
    if (!echoId) {
      on.add("echoId=false");
    }
    if (ignoreUnknownTypes) {
      on.add("ignoreUnknownTypes=true");
    }
    if (abortOnInvalidJson) {
      on.add("abortOnInvalidJson=true");
    }
    if (pingIntervalMs > 0) {
      on.add("pingIntervalMs=" + pingIntervalMs);
    }
    if (rejectH2cUpgrade) {
      on.add("rejectH2cUpgrade=true");
    }
    if (!metrics) {
      on.add("metrics=false");
    }
    if (!REFERENCE.equals(ui)) {
      on.add("ui=" + ui);
    }
    return on;
  }
}
