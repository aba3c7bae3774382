package org.port8000.perf.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.port8000.perf.results.CapabilityFacts;
import org.port8000.perf.target.HealthCheck;

/**
 * Finds what a target can do before any load: one chat message (does it stream? does it echo the
 * id?), one heartbeat (is it acked?), the chat page with the configured selectors, {@code
 * /metrics}, and whether the given PID is alive. Every HTTP request is HTTP/1.1 (uvicorn refuses
 * the JDK's h2c upgrade offer).
 */
public final class CapabilityProbe {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration ACK_WAIT = Duration.ofSeconds(2);
  private static final String PROBE_ID = "capability-check-1";

  private final HttpClient http = HealthCheck.client(HTTP_TIMEOUT);
  private final URI baseUrl;
  private final URI wsUrl;
  private final Duration replyTimeout;
  private final Map<String, String> pageSelectors;
  private final OptionalLong pid;

  /**
   * @param pageSelectors setting name → CSS selector of the page elements that exist before any
   *     message (e.g. {@code ui.selector.input} → {@code #chatInput})
   */
  public CapabilityProbe(
      URI baseUrl,
      URI wsUrl,
      Duration replyTimeout,
      Map<String, String> pageSelectors,
      OptionalLong pid) {
    this.baseUrl = baseUrl;
    this.wsUrl = wsUrl;
    this.replyTimeout = replyTimeout;
    this.pageSelectors = new LinkedHashMap<>(pageSelectors);
    this.pid = pid;
  }

  public CapabilityFacts check() {
    Chat chat = chat();
    Found page = chatPage();
    Found metrics = metrics();
    Found alive = pidAlive();
    return new CapabilityFacts(
        baseUrl.toString(),
        Instant.now(),
        chat.streams.flag,
        chat.streams.detail,
        chat.heartbeatAck.flag,
        chat.heartbeatAck.detail,
        chat.echoesId.flag,
        chat.echoesId.detail,
        page.flag,
        page.detail,
        metrics.flag,
        metrics.detail,
        alive.flag,
        alive.detail);
  }

  private record Found(Boolean flag, String detail) {
    static Found unknown(String why) {
      return new Found(null, why);
    }
  }

  private record Chat(Found streams, Found echoesId, Found heartbeatAck) {}

  private record Reply(Found streams, Found echoesId) {}

  private Chat chat() {
    LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
    WebSocket ws;
    try {
      ws =
          http.newWebSocketBuilder()
              .connectTimeout(HTTP_TIMEOUT)
              .buildAsync(wsUrl, new Collector(frames))
              .get(HTTP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      String why =
          "not found out: the WebSocket " + wsUrl + " did not open (" + RootCause.describe(e) + ")";
      return new Chat(Found.unknown(why), Found.unknown(why), Found.unknown(why));
    }
    try {
      Reply reply = chatReply(ws, frames);
      return new Chat(reply.streams, reply.echoesId, heartbeatAck(ws, frames));
    } catch (Exception e) {
      String why = "not found out: " + RootCause.describe(e);
      return new Chat(Found.unknown(why), Found.unknown(why), Found.unknown(why));
    } finally {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(t -> null);
      ws.abort();
    }
  }

  /**
   * One chat message with an id: do {@code stream} frames come before the {@code response}, and
   * does the response carry the id?
   */
  private Reply chatReply(WebSocket ws, LinkedBlockingQueue<String> frames) throws Exception {
    send(ws, "{\"type\":\"message\",\"content\":\"capability check\",\"id\":\"" + PROBE_ID + "\"}");
    int streamFrames = 0;
    JsonNode response = null;
    long deadline = System.nanoTime() + replyTimeout.toNanos();
    while (response == null && System.nanoTime() < deadline) {
      JsonNode f = next(frames, deadline);
      if (f == null) {
        break;
      }
      String type = f.path("type").asText();
      if ("stream".equals(type)) {
        streamFrames++;
      } else if ("response".equals(type)) {
        response = f;
      }
    }
    if (response == null) {
      String why =
          "not found out: no `response` frame within "
              + replyTimeout.toMillis()
              + " ms of a chat message";
      return new Reply(Found.unknown(why), Found.unknown(why));
    }
    Found streams =
        streamFrames > 0
            ? new Found(true, streamFrames + " `stream` frames before the `response`")
            : new Found(false, "the target sends no stream frames (the `response` alone)");
    Found echo =
        PROBE_ID.equals(response.path("id").asText(null))
            ? new Found(true, "replies carry the message's `id`")
            : new Found(false, "replies carry no `id`: matched in order");
    return new Reply(streams, echo);
  }

  /**
   * Yes when a {@code heartbeat_ack} comes; no only with evidence of absence (an error frame for
   * the heartbeat, or a chat message sent after it answered while the heartbeat was not); unknown
   * when the target answered nothing in the probe's time, so it cannot be told.
   */
  private Found heartbeatAck(WebSocket ws, LinkedBlockingQueue<String> frames) throws Exception {
    long sent = System.nanoTime();
    send(ws, "{\"type\":\"heartbeat\",\"seq\":1}");
    JsonNode f = firstOf(frames, sent + ACK_WAIT.toNanos(), "heartbeat_ack", "error");
    if (isAck(f)) {
      return new Found(
          true, "`heartbeat` is answered with `heartbeat_ack` (" + msSince(sent) + " ms)");
    }
    if (f != null) {
      return new Found(
          false,
          "the target answered `heartbeat` with an error frame ("
              + abbreviate(f.path("message").asText(f.toString()))
              + "): no app-level heartbeat;"
              + " liveness is measured with WebSocket ping/pong");
    }
    // No ack in time: does the target answer anything sent after the heartbeat?
    long chatSent = System.nanoTime();
    send(ws, "{\"type\":\"message\",\"content\":\"capability check after heartbeat\"}");
    f = firstOf(frames, chatSent + replyTimeout.toNanos(), "heartbeat_ack", "response", "error");
    if (isAck(f)) {
      return new Found(
          true, "`heartbeat` is answered with `heartbeat_ack`, late (" + msSince(sent) + " ms)");
    }
    if (f != null) {
      return new Found(
          false,
          "no `heartbeat_ack` within "
              + ACK_WAIT.toMillis()
              + " ms,"
              + " while a chat message sent after the heartbeat was answered ("
              + msSince(chatSent)
              + " ms): no app-level heartbeat;"
              + " liveness is measured with WebSocket ping/pong");
    }
    return Found.unknown(
        "not found out: no `heartbeat_ack` within "
            + ACK_WAIT.toMillis()
            + " ms, and a chat message sent after the heartbeat got no reply within "
            + replyTimeout.toMillis()
            + " ms either (the target answered nothing in the probe's"
            + " time); the soak checks acks and also measures WebSocket ping/pong");
  }

  private static boolean isAck(JsonNode frame) {
    return frame != null && "heartbeat_ack".equals(frame.path("type").asText());
  }

  private static void send(WebSocket ws, String frame) throws Exception {
    ws.sendText(frame, true).get(HTTP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The first frame of one of {@code types} before the deadline (others are skipped), or null. */
  private static JsonNode firstOf(
      LinkedBlockingQueue<String> frames, long deadlineNanos, String... types)
      throws InterruptedException {
    for (JsonNode f; (f = next(frames, deadlineNanos)) != null; ) {
      if (List.of(types).contains(f.path("type").asText())) {
        return f;
      }
    }
    return null;
  }

  private static long msSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 119) + "…";
  }

  private static JsonNode next(LinkedBlockingQueue<String> frames, long deadlineNanos)
      throws InterruptedException {
    long left = deadlineNanos - System.nanoTime();
    String text = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
    if (text == null) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private Found chatPage() {
    HttpResponse<String> r;
    URI page = URI.create(baseUrl + "/");
    try {
      r = get(page);
    } catch (IOException e) {
      return new Found(false, page + " did not answer (" + RootCause.describe(e) + ")");
    }
    if (r.statusCode() != 200) {
      return new Found(false, page + " answered HTTP " + r.statusCode());
    }
    List<String> missing = new ArrayList<>();
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, String> s : pageSelectors.entrySet()) {
      String sel = s.getValue().trim();
      // Only a plain #id can be checked without a browser; the browser probe checks the rest.
      if (sel.matches("#[A-Za-z][\\w-]*")) {
        if (r.body().matches("(?s).*\\bid\\s*=\\s*[\"']?" + sel.substring(1) + "[\"'\\s>].*")) {
          found.add(sel);
        } else {
          missing.add(sel + " (-D" + s.getKey() + ")");
        }
      }
    }
    if (!missing.isEmpty()) {
      return new Found(false, page + " answered HTTP 200 without " + String.join(", ", missing));
    }
    return new Found(
        true, "HTTP 200" + (found.isEmpty() ? "" : " with " + String.join(", ", found)));
  }

  private Found metrics() {
    URI metrics = URI.create(baseUrl + "/metrics");
    try {
      HttpResponse<String> r = get(metrics);
      if (r.statusCode() != 200) {
        return new Found(false, "/metrics answered HTTP " + r.statusCode());
      }
      return MetricsReader.value(r.body(), "process_resident_memory_bytes").isPresent()
          ? new Found(true, "`process_resident_memory_bytes` readable")
          : new Found(false, "/metrics has no `process_resident_memory_bytes`");
    } catch (IOException e) {
      return new Found(false, "/metrics did not answer (" + RootCause.describe(e) + ")");
    }
  }

  private Found pidAlive() {
    if (pid.isEmpty()) {
      return new Found(
          null,
          "no -Dtarget.pid given: memory and CPU come from -Dtarget.instances, else from /metrics if any");
    }
    long p = pid.getAsLong();
    boolean alive = ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false);
    return alive
        ? new Found(true, "pid " + p + " is running")
        : new Found(false, "no running process " + p + " (-Dtarget.pid)");
  }

  private HttpResponse<String> get(URI url) throws IOException {
    try {
      return http.send(
          HttpRequest.newBuilder(url).timeout(HTTP_TIMEOUT).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** Queues whole text frames. */
  private static final class Collector implements WebSocket.Listener {
    private final LinkedBlockingQueue<String> frames;
    private final StringBuilder part = new StringBuilder();

    Collector(LinkedBlockingQueue<String> frames) {
      this.frames = frames;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      part.append(data);
      if (last) {
        frames.add(part.toString());
        part.setLength(0);
      }
      ws.request(1);
      return CompletableFuture.completedFuture(null);
    }
  }
}
