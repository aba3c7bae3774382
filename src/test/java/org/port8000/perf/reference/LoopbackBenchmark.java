package org.port8000.perf.reference;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A quick loopback figure for the README, not a test and not the suite's measurement: starts the
 * server on a free port and runs closed-loop WebSocket round trips (send → final response) from a
 * few clients. Bounded: {@code -Dbench.clients} (default 4) × {@code -Dbench.messages} (default 500
 * each, at most 2000 in total), plus a short warm-up.
 */
public final class LoopbackBenchmark {

  private LoopbackBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "reference/logback-reference.xml");
    }
    int clients = Integer.getInteger("bench.clients", 4);
    int perClient =
        Math.min(Integer.getInteger("bench.messages", 500), 2000 / Math.max(1, clients));
    ReferenceConfig config = ReferenceConfig.fromSystemProperties().withPort(0);
    try (ReferenceServer server = ReferenceServer.start(config)) {
      URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/ws");
      HttpClient http = HttpClient.newHttpClient();
      run(http, uri, clients, Math.min(50, perClient)); // warm-up: JIT, connection setup
      long t0 = System.nanoTime();
      long[] latencies = run(http, uri, clients, perClient);
      double seconds = (System.nanoTime() - t0) / 1e9;
      Arrays.sort(latencies);
      System.out.printf(
          "LoopbackBenchmark: %d clients x %d messages, tokens=%d, tokenDelayMs=%d%n",
          clients, perClient, config.llmTokens(), config.llmTokenDelayMs());
      System.out.printf(
          "  round trips: %d in %.2f s = %.0f round trips/s%n",
          latencies.length, seconds, latencies.length / seconds);
      System.out.printf(
          "  latency send->response: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
          pct(latencies, 50) / 1e6,
          pct(latencies, 99) / 1e6,
          latencies[latencies.length - 1] / 1e6);
    }
  }

  private static long pct(long[] sorted, double p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  /** Each client sends its next message when the previous response arrived (closed loop). */
  private static long[] run(HttpClient http, URI uri, int clients, int perClient) throws Exception {
    List<Client> all = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      all.add(new Client(perClient));
    }
    for (Client c : all) {
      c.ws = http.newWebSocketBuilder().buildAsync(uri, c).get(10, TimeUnit.SECONDS);
    }
    for (Client c : all) {
      c.sendNext();
    }
    for (Client c : all) {
      if (!c.done.await(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException("benchmark client did not finish within 120 s");
      }
      c.ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    }
    return all.stream().flatMapToLong(c -> Arrays.stream(c.latencies)).toArray();
  }

  private static final class Client implements WebSocket.Listener {
    final long[] latencies;
    final CountDownLatch done = new CountDownLatch(1);
    final StringBuilder partial = new StringBuilder();
    volatile WebSocket ws;
    int sent;
    long sentAt;

    Client(int messages) {
      latencies = new long[messages];
    }

    void sendNext() {
      sentAt = System.nanoTime();
      ws.sendText(
          "{\"type\":\"message\",\"content\":\"bench " + sent + "\",\"id\":" + sent + "}", true);
      sent++;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        // Only the final frame matters here; a cheap check avoids parsing every frame.
        if (partial.indexOf("\"type\":\"response\"") >= 0) {
          latencies[sent - 1] = System.nanoTime() - sentAt;
          if (sent < latencies.length) {
            sendNext();
          } else {
            done.countDown();
          }
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return CompletableFuture.completedFuture(null);
    }
  }
}
