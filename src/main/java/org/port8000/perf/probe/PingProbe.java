package org.port8000.perf.probe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.port8000.perf.results.PingPongFacts;
import org.port8000.perf.target.HealthCheck;

/**
 * Liveness by RFC 6455 ping/pong for targets without an app-level heartbeat ack (Gatling cannot
 * send pings; the JDK's WebSocket can): {@code clients} connections each send a ping every {@code
 * interval}, {@code pingsPerClient} times, and expect the matching pong before the next ping is
 * due. Runs on its own two threads beside the simulation; bounded in count and time.
 */
public final class PingProbe {
  private final URI wsUrl;
  private final int clients;
  private final Duration interval;
  private final int pingsPerClient;
  private final Duration pongTimeout;
  private final HttpClient http = HealthCheck.client(Duration.ofSeconds(5));
  private final ScheduledExecutorService timer =
      Executors.newScheduledThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "ping-probe");
            t.setDaemon(true);
            return t;
          });
  private final List<Client> all = new ArrayList<>();
  private final AtomicInteger connected = new AtomicInteger();
  private final AtomicInteger dropped = new AtomicInteger();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong inTime = new AtomicLong();
  private final AtomicLong late = new AtomicLong();
  private final AtomicReference<String> firstFailure = new AtomicReference<>("");
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private final AtomicInteger clientsDone = new AtomicInteger();

  private PingProbe(
      URI wsUrl, int clients, Duration interval, int pingsPerClient, Duration pongTimeout) {
    this.wsUrl = wsUrl;
    this.clients = clients;
    this.interval = interval;
    this.pingsPerClient = pingsPerClient;
    this.pongTimeout = pongTimeout;
  }

  /** Starts the clients, spread over one interval so their pings do not arrive in lockstep. */
  public static PingProbe start(
      URI wsUrl, int clients, Duration interval, int pingsPerClient, Duration pongTimeout) {
    PingProbe p = new PingProbe(wsUrl, clients, interval, pingsPerClient, pongTimeout);
    for (int i = 0; i < clients; i++) {
      Client c = p.new Client();
      p.all.add(c);
      p.timer.schedule(
          c::open, interval.toMillis() * i / Math.max(1, clients), TimeUnit.MILLISECONDS);
    }
    if (clients == 0) {
      p.done.complete(null);
    }
    return p;
  }

  /** Waits for the schedule to end (bounded), closes the connections, returns the counts. */
  public PingPongFacts awaitResult(Duration max) {
    try {
      done.get(max.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      fail("the probe did not finish within " + max.toSeconds() + " s");
    }
    timer.shutdownNow();
    all.forEach(Client::close);
    int withLoss = (int) all.stream().filter(c -> c.lost.get() > 0 || !c.opened).count();
    return new PingPongFacts(
        clients,
        connected.get(),
        interval.toMillis(),
        pingsPerClient,
        (long) clients * pingsPerClient,
        sent.get(),
        inTime.get(),
        late.get(),
        pongTimeout.toMillis(),
        dropped.get(),
        withLoss,
        firstFailure.get());
  }

  private void fail(String why) {
    firstFailure.compareAndSet("", why);
  }

  private void clientDone() {
    if (clientsDone.incrementAndGet() == clients) {
      // the last ping's pong may still come
      timer.schedule(() -> done.complete(null), pongTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** One connection: a ping per tick, the outstanding one judged at the next tick. */
  private final class Client implements WebSocket.Listener {
    private volatile WebSocket ws;
    private volatile boolean opened;
    private volatile boolean closed;
    private final AtomicLong outstanding = new AtomicLong(-1);
    private final AtomicLong sentAtNanos = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private volatile int seq;

    void open() {
      http.newWebSocketBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .buildAsync(wsUrl, this)
          .whenComplete(
              (w, e) -> {
                if (e != null) {
                  fail("connect to " + wsUrl + " failed: " + RootCause.describe(e));
                  lost.addAndGet(pingsPerClient);
                  clientDone();
                  return;
                }
                ws = w;
                opened = true;
                connected.incrementAndGet();
                timer.scheduleAtFixedRate(
                    this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
              });
    }

    private void tick() {
      if (seq >= pingsPerClient) {
        return;
      }
      if (outstanding.getAndSet(-1) >= 0) {
        lost.incrementAndGet();
      }
      if (closed) {
        lost.incrementAndGet();
      } else {
        long n = seq;
        sentAtNanos.set(System.nanoTime());
        outstanding.set(n);
        sent.incrementAndGet();
        try {
          // A send to a connection the target dropped fails here, often before (or without)
          // a close event reaching the listener.
          ws.sendPing(ByteBuffer.wrap(Long.toString(n).getBytes()))
              .whenComplete(
                  (w, e) -> {
                    if (e != null) {
                      dropped(" failed to take a ping: " + RootCause.describe(e));
                    }
                  });
        } catch (RuntimeException e) {
          fail("ping failed: " + RootCause.describe(e));
        }
      }
      if (++seq == pingsPerClient) {
        clientDone();
      }
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
      long elapsed = System.nanoTime() - sentAtNanos.get();
      byte[] b = new byte[message.remaining()];
      message.get(b);
      long n;
      try {
        n = Long.parseLong(new String(b));
      } catch (NumberFormatException e) {
        n = -2; // an unsolicited pong: not ours
      }
      if (n >= 0 && outstanding.compareAndSet(n, -1)) {
        if (elapsed <= pongTimeout.toNanos()) {
          inTime.incrementAndGet();
        } else {
          late.incrementAndGet();
          lost.incrementAndGet();
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      dropped(
          " closed by the target (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")");
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      dropped(" failed: " + RootCause.describe(error));
    }

    private void dropped(String how) {
      if (!closed && seq < pingsPerClient) {
        closed = true;
        dropped.incrementAndGet();
        fail("a connection" + how + " after " + seq + " pings");
      }
      closed = true;
    }

    void close() {
      WebSocket w = ws;
      if (w != null && !closed) {
        closed = true;
        w.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(t -> null);
      }
      if (w != null) {
        w.abort();
      }
    }
  }
}
