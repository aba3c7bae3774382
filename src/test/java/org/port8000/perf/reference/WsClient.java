package org.port8000.perf.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test WebSocket client on java.net.http: collects every text frame as JSON, in order. */
final class WsClient implements AutoCloseable {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final java.util.concurrent.atomic.AtomicInteger pings =
      new java.util.concurrent.atomic.AtomicInteger();
  private final WebSocket ws;

  WsClient(String httpBaseUrl) {
    URI uri = URI.create(httpBaseUrl.replaceFirst("^http", "ws") + "/ws");
    this.ws =
        CLIENT
            .newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .buildAsync(uri, new Listener())
            .orTimeout(10, TimeUnit.SECONDS)
            .join();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          frames.add(Http.MAPPER.readTree(partial.toString()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
      pings.incrementAndGet(); // the JDK answers with a pong by itself
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(-1);
    }
  }

  /** Sends one text frame and waits until it is handed to the network. */
  synchronized WsClient send(String text) {
    ws.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
    return this;
  }

  /** The next frame, or null when none arrives within {@code timeout}. */
  JsonNode next(Duration timeout) {
    try {
      return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The next frame; fails the test when none arrives within 5 s. */
  JsonNode next() {
    JsonNode f = next(Duration.ofSeconds(5));
    if (f == null) {
      throw new AssertionError("no frame within 5 s");
    }
    return f;
  }

  /** Frames up to and including the next one of {@code type}. */
  java.util.List<JsonNode> until(String type) {
    java.util.List<JsonNode> got = new java.util.ArrayList<>();
    while (true) {
      JsonNode f = next();
      got.add(f);
      if (type.equals(f.path("type").asText())) {
        return got;
      }
    }
  }

  /** Protocol pings received so far. */
  int pings() {
    return pings.get();
  }

  /**
   * The close status code the server sent (-1 when the connection failed without a close frame), or
   * null if still open after {@code timeout}.
   */
  Integer awaitClose(Duration timeout) {
    try {
      return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      return null;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (!ws.isOutputClosed()) {
      try {
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).join();
      } catch (RuntimeException ignored) {
        // already closed by the server
      }
    }
    awaitClose(Duration.ofSeconds(5));
    ws.abort();
  }
}
