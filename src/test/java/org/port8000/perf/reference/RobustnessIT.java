package org.port8000.perf.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.port8000.perf.config.Settings;
import org.port8000.perf.target.RunningTarget;
import org.port8000.perf.target.TargetLauncher;

/**
 * The reference server under hostile input, launched as the suite launches it (a child JVM with the
 * profile's {@code reference.maxHeapMb}), on loopback only. Seeded ({@code -Drobustness.seed},
 * default {@link #DEFAULT_SEED}) and bounded in count and time. Each class of input runs, then
 * {@code /api/health} must answer; no answer may be a 5xx other than 505 (a bad HTTP version); the
 * peak resident memory (VmHWM) must stay within 1.5 GB while 100 pages of 1000 messages of 32 KB
 * each are loaded at once. It prints its figures.
 */
class RobustnessIT {

  static final long DEFAULT_SEED = 20_261_202L;
  static final long MAX_RSS_BYTES = 1536L * 1024 * 1024;
  static final int IDLE_TIMEOUT_MS = 2_000;
  static final Duration BUDGET = Duration.ofMinutes(3);

  /** Inputs and statuses per class of input; -1 is "closed without an answer". */
  private final Map<String, AtomicInteger> inputs =
      java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());

  private final Map<String, Map<Integer, AtomicInteger>> statuses = new ConcurrentHashMap<>();
  private final List<String> serverErrors =
      java.util.Collections.synchronizedList(new ArrayList<>());
  private final ExecutorService pool = Executors.newFixedThreadPool(16);
  private RawHttp raw;
  private long pid;
  private long startedNanos;

  @Test
  void theReferenceServerHoldsUpToHostileInput() throws Exception {
    long seed = Long.getLong("robustness.seed", DEFAULT_SEED);
    Properties p = new Properties();
    p.setProperty(Settings.PROFILE, Settings.SMOKE);
    p.setProperty("reference.idleTimeoutMs", String.valueOf(IDLE_TIMEOUT_MS));
    Settings settings = Settings.load(p);
    startedNanos = System.nanoTime();
    try (RunningTarget target = TargetLauncher.start(settings)) {
      raw = new RawHttp(target.baseUrl().getPort());
      pid = target.pid().orElseThrow();
      HostileInputs in = new HostileInputs(seed);
      long historyPeak;
      try {
        run("wrong methods", () -> wrongMethods(target.baseUrl().toString()));
        run("malformed JSON bodies", () -> malformedJson(in));
        run("odd ids and escapes", () -> oddIds(in));
        run("query junk", () -> queryJunk(in));
        run("raw protocol junk", () -> protocolJunk(in, target.baseUrl().getPort()));
        run("WebSocket junk", () -> webSocketJunk(in, target.baseUrl()));
        run("socket churn", () -> socketChurn(target.baseUrl()));
        run("slow clients", () -> slowClients(target.baseUrl().getPort()));
        AtomicLong peak = new AtomicLong();
        run("max-size history pages", () -> historyPages(peak));
        historyPeak = peak.get();
      } finally {
        pool.shutdownNow();
      }
      long hwm = procStatusBytes(pid, "VmHWM");
      assertTrue(target.isAlive(), "the server died");
      Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
      int total = inputs.values().stream().mapToInt(AtomicInteger::get).sum();
      printFigures(seed, settings.referenceMaxHeapMb(), total, hwm, historyPeak, took);

      assertTrue(
          serverErrors.isEmpty(),
          "5xx answers: " + serverErrors.subList(0, Math.min(20, serverErrors.size())));
      assertTrue(total >= 10_000, "only " + total + " inputs");
      assertTrue(hwm <= MAX_RSS_BYTES, "peak RSS " + hwm / (1 << 20) + " MB over 1.5 GB");
      assertTrue(took.compareTo(BUDGET.plusSeconds(30)) < 0, "took " + took);
    }
  }

  /** Runs one class of input, then checks the server is alive and answers its health check. */
  private void run(String name, Callable body) throws Exception {
    inputs.putIfAbsent(name, new AtomicInteger());
    statuses.putIfAbsent(name, new ConcurrentHashMap<>());
    long start = System.nanoTime();
    body.call();
    RawHttp.Answer health = raw.request("GET", "/api/health", null);
    assertEquals(200, health.status(), "no health answer after '" + name + "': " + health.head());
    assertTrue(health.head().contains("healthy"), health.head());
    System.out.printf(
        "[robustness] %-24s %6d inputs in %5.1f s, health answered%n",
        name, inputs.get(name).get(), (System.nanoTime() - start) / 1e9);
  }

  @FunctionalInterface
  private interface Callable {
    void call() throws Exception;
  }

  private void count(String clazz, int status, String what, String head) {
    inputs.get(clazz).incrementAndGet();
    statuses.get(clazz).computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    if ((status >= 500 && status != 505) || head.contains("internal error")) {
      serverErrors.add(clazz + ": " + what + " -> " + head.lines().findFirst().orElse(""));
    }
  }

  /** Sends every request on the pool, at most 16 at once, and counts the answers. */
  private void sendAll(String clazz, List<String> labels, List<Supplier<RawHttp.Answer>> sends)
      throws Exception {
    List<Future<RawHttp.Answer>> futures = new ArrayList<>();
    for (Supplier<RawHttp.Answer> s : sends) {
      futures.add(pool.submit(s::get));
    }
    for (int i = 0; i < futures.size(); i++) {
      RawHttp.Answer a = futures.get(i).get(90, TimeUnit.SECONDS);
      count(clazz, a.status(), labels.get(i), a.head());
    }
  }

  private void wrongMethods(String base) throws Exception {
    List<String> labels = new ArrayList<>();
    List<Supplier<RawHttp.Answer>> sends = new ArrayList<>();
    int n = 0;
    for (String route : HostileInputs.ROUTES) {
      for (String method : HostileInputs.METHODS) {
        for (String override :
            List.of(
                "",
                "X-HTTP-Method-Override: POST",
                "X-HTTP-Method: DELETE",
                "X-Method-Override: PUT")) {
          // Launches by anything but a plain POST use "ovr-" ids: none may exist after.
          String body = "{\"bot_id\":\"ovr-" + (n++) + "\",\"command\":\"x\"}";
          boolean plainPost = method.equals("POST") && override.isEmpty();
          String sent = plainPost ? body.replace("ovr-", "ok-") : body;
          labels.add(method + " " + route + " " + override);
          sends.add(
              () ->
                  override.isEmpty()
                      ? raw.request(method, route, sent)
                      : raw.request(method, route, sent, override));
        }
      }
    }
    sendAll("wrong methods", labels, sends);
    String bots = new Http(base).get("/api/bots").body();
    assertTrue(bots.contains("\"ok-"), "plain POSTs launched bots: " + bots);
    assertFalse(bots.contains("ovr-"), "a request other than a plain POST launched a bot: " + bots);
  }

  private void malformedJson(HostileInputs in) throws Exception {
    List<String> labels = new ArrayList<>();
    List<Supplier<RawHttp.Answer>> sends = new ArrayList<>();
    List<String> routes = List.of("/api/bot/launch", "/api/bot/r1/task", "/api/chat/message");
    for (int i = 0; i < 2_500; i++) {
      String route = in.pick(routes);
      byte[] body = in.junkJson();
      labels.add("POST " + route + " (" + body.length + " bytes)");
      sends.add(() -> raw.send(post(route, body), 30_000));
    }
    sendAll("malformed JSON bodies", labels, sends);
  }

  private byte[] post(String route, byte[] body) {
    String head =
        "POST "
            + route
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            + "Content-Type: application/json\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[h.length + body.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }

  private void oddIds(HostileInputs in) throws Exception {
    List<String> labels = new ArrayList<>();
    List<Supplier<RawHttp.Answer>> sends = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      String id = in.oddId();
      int route = in.nextInt(3);
      String target =
          route == 0
              ? "/api/bot/" + id + "/status"
              : route == 1 ? "/api/bot/stop/" + id : "/api/bot/" + id + "/task";
      String method = route == 0 ? "GET" : "POST";
      labels.add(method + " " + (target.length() > 120 ? target.substring(0, 120) + "…" : target));
      byte[] request =
          (method
                  + " "
                  + target
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                  + (route == 0
                      ? "\r\n"
                      : "Content-Type: application/json\r\nContent-Length: 15\r\n\r\n{\"command\":\"x\"}"))
              .getBytes(StandardCharsets.UTF_8);
      sends.add(() -> raw.send(request, 30_000));
    }
    sendAll("odd ids and escapes", labels, sends);
  }

  private void queryJunk(HostileInputs in) throws Exception {
    List<String> labels = new ArrayList<>();
    List<Supplier<RawHttp.Answer>> sends = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      String target =
          in.pick(
                  List.of(
                      "/api/chat/history",
                      "/api/chat/history",
                      "/api/health",
                      "/api/bots",
                      "/ws",
                      "/"))
              + "?"
              + in.junkQuery();
      labels.add("GET " + (target.length() > 120 ? target.substring(0, 120) + "…" : target));
      byte[] request =
          ("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8);
      sends.add(() -> raw.send(request, 30_000));
    }
    sendAll("query junk", labels, sends);
  }

  private void protocolJunk(HostileInputs in, int port) throws Exception {
    List<String> labels = new ArrayList<>();
    List<Supplier<RawHttp.Answer>> sends = new ArrayList<>();
    for (int i = 0; i < 1_200; i++) {
      byte[] junk = in.protocolJunk(port);
      labels.add(new String(junk, 0, Math.min(40, junk.length), StandardCharsets.ISO_8859_1));
      // Junk that leaves a request open is closed by the server's idle timeout.
      sends.add(() -> raw.send(junk, IDLE_TIMEOUT_MS * 3 + 2_000));
    }
    sendAll("raw protocol junk", labels, sends);
  }

  private void webSocketJunk(HostileInputs in, URI base) throws Exception {
    String clazz = "WebSocket junk";
    URI ws = URI.create(base.toString().replaceFirst("^http", "ws") + "/ws");
    HttpClient client = HttpClient.newHttpClient();
    // Handshakes with broken keys, versions and queries.
    List<String> labels = new ArrayList<>();
    List<Supplier<RawHttp.Answer>> sends = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String key =
          in.pick(
              List.of(
                  "!!!!",
                  "",
                  "short",
                  "dGhlIHNhbXBsZSBub25jZQ==",
                  "dGhlIHNhbXBsZSBub25jZXh4eA==",
                  "%%%%%%%%%%%%%%%%%%%%%%==",
                  "x".repeat(2_000)));
      String version = in.pick(List.of("13", "8", "99", "", "thirteen"));
      String query = in.pick(List.of("", "?x=%zz", "?a=%u002e", "?ok=1"));
      String hs =
          "GET /ws"
              + query
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              + "Sec-WebSocket-Version: "
              + version
              + "\r\nSec-WebSocket-Key: "
              + key
              + "\r\n\r\n";
      labels.add(
          "handshake key '"
              + key.substring(0, Math.min(30, key.length()))
              + "' version '"
              + version
              + "'"
              + query);
      // An accepted handshake stays open: read for a moment only.
      sends.add(() -> raw.send(hs.getBytes(StandardCharsets.ISO_8859_1), 500));
    }
    sendAll(clazz, labels, sends);
    // Frame-level junk after a good handshake (bad opcodes, unmasked, truncated frames).
    for (int i = 0; i < 200; i++) {
      byte[] junk = in.bytes(1 + in.nextInt(300));
      inputs.get(clazz).incrementAndGet();
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5_000);
        s.setSoTimeout(IDLE_TIMEOUT_MS * 2);
        OutputStream out = s.getOutputStream();
        out.write(
            ("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write(junk);
        out.flush();
        s.shutdownOutput();
        InputStream inStream = s.getInputStream();
        byte[] buf = new byte[8192];
        while (inStream.read(buf) > 0) {
          // drain until the server closes
        }
      } catch (IOException e) {
        // a reset or timeout is a refusal too
      }
    }
    // Text junk, binary, huge and rapid frames over real WebSocket clients.
    AtomicInteger internalErrors = new AtomicInteger();
    AtomicInteger closedWith1011 = new AtomicInteger();
    for (int c = 0; c < 20; c++) {
      Listener listener = new Listener(internalErrors, closedWith1011);
      WebSocket socket =
          client
              .newWebSocketBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .buildAsync(ws, listener)
              .get(10, TimeUnit.SECONDS);
      for (int i = 0; i < 75 && !listener.closed.isDone(); i++) {
        int kind = in.nextInt(10);
        CompletableFuture<WebSocket> sent;
        if (kind == 0) {
          sent = socket.sendBinary(ByteBuffer.wrap(in.bytes(1 + in.nextInt(1_000))), true);
        } else if (kind == 1 && i > 60) {
          // over the 64 KB frame limit: closed with 1009
          sent =
              socket.sendText(
                  "{\"type\":\"message\",\"content\":\"" + "h".repeat(70_000) + "\"}", true);
        } else if (kind == 2) {
          sent = socket.sendText("{\"type\":\"message\",\"content\":\"rapid " + i + "\"}", true);
        } else {
          sent = socket.sendText(in.junkFrame(), true);
        }
        inputs.get(clazz).incrementAndGet();
        if (!delivered(sent)) {
          break;
        }
      }
      // Rapid frames: as fast as the client can send, more than the replies allowed waiting.
      for (int i = 0; i < 300 && !listener.closed.isDone(); i++) {
        inputs.get(clazz).incrementAndGet();
        if (!delivered(
            socket.sendText("{\"type\":\"message\",\"content\":\"burst " + i + "\"}", true))) {
          break;
        }
      }
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
      listener.closed.completeOnTimeout(-1, 5, TimeUnit.SECONDS).get();
      socket.abort();
    }
    statuses
        .get(clazz)
        .computeIfAbsent(1011, s -> new AtomicInteger())
        .addAndGet(closedWith1011.get());
    if (internalErrors.get() > 0 || closedWith1011.get() > 0) {
      serverErrors.add(
          clazz
              + ": "
              + internalErrors.get()
              + " 'internal error' frames, "
              + closedWith1011.get()
              + " closes with 1011");
    }
  }

  /** Counts error frames that admit an internal error, and 1011 (server error) closes. */
  private static final class Listener implements WebSocket.Listener {
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final AtomicInteger internalErrors;
    private final AtomicInteger closedWith1011;

    Listener(AtomicInteger internalErrors, AtomicInteger closedWith1011) {
      this.internalErrors = internalErrors;
      this.closedWith1011 = closedWith1011;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      if (data.toString().contains("internal error")) {
        internalErrors.incrementAndGet();
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      if (statusCode == 1011) {
        closedWith1011.incrementAndGet();
      }
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(-1);
    }
  }

  private void socketChurn(URI base) throws Exception {
    String clazz = "socket churn";
    for (int i = 0; i < 600; i++) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5_000);
        if (i % 3 == 0) {
          s.getOutputStream()
              .write("GET /api/health HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        if (i % 2 == 0) {
          s.setSoLinger(true, 0); // reset instead of a clean close
        }
      }
      inputs.get(clazz).incrementAndGet();
    }
    HttpClient client = HttpClient.newHttpClient();
    URI ws = URI.create(base.toString().replaceFirst("^http", "ws") + "/ws");
    for (int i = 0; i < 150; i++) {
      WebSocket socket =
          client
              .newWebSocketBuilder()
              .buildAsync(ws, new WebSocket.Listener() {})
              .get(10, TimeUnit.SECONDS);
      if (i % 2 == 0) {
        socket.abort();
      } else {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
      }
      inputs.get(clazz).incrementAndGet();
    }
  }

  /**
   * Clients that stall mid-headers or mid-body, or trickle a byte now and then: each must be closed
   * within two idle timeouts and a margin, and health must answer fast meanwhile.
   */
  private void slowClients(int port) throws Exception {
    String clazz = "slow clients";
    List<Socket> sockets = new ArrayList<>();
    List<String> openings =
        List.of(
            "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n",
            "POST /api/chat/message HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 50\r\n\r\n{\"ro",
            "GE");
    for (int i = 0; i < 30; i++) {
      Socket s = new Socket();
      s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      s.getOutputStream()
          .write(openings.get(i % openings.size()).getBytes(StandardCharsets.ISO_8859_1));
      sockets.add(s);
      inputs.get(clazz).incrementAndGet();
    }
    String[] answers = new String[sockets.size()];
    long start = System.nanoTime();
    long limitMs = IDLE_TIMEOUT_MS * 2L + 3_000;
    long healthWorstMs = 0;
    AtomicBoolean anyOpen = new AtomicBoolean(true);
    while (anyOpen.get() && (System.nanoTime() - start) / 1_000_000 < limitMs + 2_000) {
      long h = System.nanoTime();
      RawHttp.Answer health = raw.request("GET", "/api/health", null);
      healthWorstMs = Math.max(healthWorstMs, (System.nanoTime() - h) / 1_000_000);
      assertEquals(200, health.status(), "health while slow clients wait: " + health.head());
      anyOpen.set(false);
      for (int i = 0; i < sockets.size(); i++) {
        Socket s = sockets.get(i);
        if (s.isClosed()) {
          continue;
        }
        try {
          // Trickle one header byte now and then on every third socket.
          if (i % 3 == 0) {
            s.getOutputStream().write('x');
            s.getOutputStream().flush();
          }
          s.setSoTimeout(1);
          // Drain what the server sent (a stalled body gets its refusal first).
          byte[] buf = new byte[8192];
          int n;
          while ((n = s.getInputStream().read(buf)) > 0) {
            answers[i] =
                answers[i] == null
                    ? new String(buf, 0, n, StandardCharsets.ISO_8859_1)
                    : answers[i];
          }
          if (n == -1) {
            s.close();
            String head = answers[i] == null ? "" : answers[i];
            int status =
                head.startsWith("HTTP/1.")
                    ? Integer.parseInt(head.substring(9, 12))
                    : RawHttp.NO_ANSWER;
            count(clazz, status, "slow client " + i, head);
            inputs.get(clazz).decrementAndGet(); // counted once, when opened
            continue;
          }
        } catch (java.net.SocketTimeoutException e) {
          // still open
        } catch (IOException e) {
          s.close();
          continue;
        }
        anyOpen.set(true);
      }
      Thread.sleep(250);
    }
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    long stillOpen = sockets.stream().filter(s -> !s.isClosed()).count();
    for (Socket s : sockets) {
      s.close();
    }
    System.out.printf(
        "[robustness] slow clients: all closed by the server after %d ms (limit %d ms);"
            + " worst health answer meanwhile %d ms%n",
        tookMs, limitMs, healthWorstMs);
    assertEquals(0, stillOpen, "slow clients still open after " + tookMs + " ms");
    assertTrue(tookMs <= limitMs, "slow clients held " + tookMs + " ms");
    assertTrue(healthWorstMs < 2_000, "health took " + healthWorstMs + " ms");
  }

  /** Fills the history with 1000 messages of 32 KB, then loads 100 full pages at once. */
  private void historyPages(AtomicLong peakRss) throws Exception {
    String clazz = "max-size history pages";
    String content = "m".repeat(ReferenceConfig.MAX_CONTENT_CHARS);
    List<Supplier<RawHttp.Answer>> fills = new ArrayList<>();
    for (int i = 0; i < ReferenceConfig.MAX_HISTORY_LIMIT; i++) {
      byte[] body =
          ("{\"role\":\"user\",\"content\":\"" + content + "\",\"bot_id\":\"big\"}")
              .getBytes(StandardCharsets.UTF_8);
      fills.add(() -> raw.send(post("/api/chat/message", body), 30_000));
    }
    for (Future<RawHttp.Answer> f :
        pool.invokeAll(
            fills.stream()
                .map(s -> (java.util.concurrent.Callable<RawHttp.Answer>) s::get)
                .toList())) {
      assertEquals(200, f.get().status(), f.get().head());
    }
    AtomicBoolean loading = new AtomicBoolean(true);
    Thread sampler =
        new Thread(
            () -> {
              while (loading.get()) {
                try {
                  peakRss.accumulateAndGet(procStatusBytes(pid, "VmRSS"), Math::max);
                  Thread.sleep(100);
                } catch (InterruptedException | IOException e) {
                  return;
                }
              }
            },
            "rss-sampler");
    sampler.start();
    long start = System.nanoTime();
    ExecutorService all = Executors.newFixedThreadPool(100);
    List<Future<RawHttp.Answer>> pages = new ArrayList<>();
    List<Long> slowest = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 100; i++) {
      pages.add(
          all.submit(
              () -> {
                long t = System.nanoTime();
                RawHttp.Answer a =
                    raw.request("GET", "/api/chat/history?limit=1000&bot_id=big", null);
                slowest.add((System.nanoTime() - t) / 1_000_000);
                return a;
              }));
    }
    long minFullBytes = Long.MAX_VALUE;
    AtomicInteger refusedSayWhy = new AtomicInteger();
    for (Future<RawHttp.Answer> f : pages) {
      RawHttp.Answer a = f.get(150, TimeUnit.SECONDS);
      count(clazz, a.status(), "GET /api/chat/history?limit=1000&bot_id=big", a.head());
      if (a.status() == 200) {
        minFullBytes = Math.min(minFullBytes, a.bytes());
      } else if (a.status() == 429
          && a.head().contains("Retry-After")
          && a.head().contains("too many history pages")) {
        refusedSayWhy.incrementAndGet();
      }
    }
    all.shutdown();
    loading.set(false);
    sampler.join();
    System.out.printf(
        "[robustness] 100 pages of 1000 x 32 KB at once: answered in %.1f s (%s),"
            + " slowest %d ms, smallest full page %.1f MB, peak sampled RSS %d MB%n",
        (System.nanoTime() - start) / 1e9,
        statuses.get(clazz),
        slowest.stream().mapToLong(Long::longValue).max().orElse(0),
        minFullBytes / 1e6,
        peakRss.get() >> 20);
    // Every request is answered: a page in full, or (after waiting its turn longer than the
    // server's bound) 429 with its reason; none dropped, none cut short.
    int full = statuses.get(clazz).getOrDefault(200, new AtomicInteger()).get();
    int refused = statuses.get(clazz).getOrDefault(429, new AtomicInteger()).get();
    assertEquals(100, full + refused, "every page answered 200 or 429: " + statuses.get(clazz));
    assertTrue(full >= 8, "at least the concurrent pages answered in full: " + statuses.get(clazz));
    assertTrue(
        refusedSayWhy.get() == refused,
        refusedSayWhy.get() + " of " + refused + " 429 answers named the bound");
    assertTrue(
        minFullBytes > (long) ReferenceConfig.MAX_HISTORY_LIMIT * ReferenceConfig.MAX_CONTENT_CHARS,
        "a page was cut short: " + minFullBytes + " bytes");
  }

  /**
   * Whether a frame went out. The server may close a connection on junk (e.g. 1009 for an oversized
   * frame) while the next frame is on its way: that send fails with "Output closed", a refusal like
   * any other, and the connection's close code is what is judged.
   */
  private static boolean delivered(CompletableFuture<WebSocket> sent) throws Exception {
    try {
      sent.get(10, TimeUnit.SECONDS);
      return true;
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof IOException) {
        return false;
      }
      throw e;
    }
  }

  static long procStatusBytes(long pid, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IOException(field + " not in /proc/" + pid + "/status");
  }

  private void printFigures(
      long seed, int heapMb, int total, long hwm, long historyPeak, Duration took) {
    StringBuilder b =
        new StringBuilder("[robustness] seed ")
            .append(seed)
            .append(", reference server -Xmx")
            .append(heapMb)
            .append("m, pid ")
            .append(pid)
            .append('\n');
    for (Map.Entry<String, AtomicInteger> e : inputs.entrySet()) {
      b.append(
          String.format(
              "[robustness]   %-24s %6d inputs, statuses %s%n",
              e.getKey(), e.getValue().get(), new TreeMap<>(statuses.get(e.getKey()))));
    }
    b.append(
        String.format(
            "[robustness] total %d inputs in %.1f s; 5xx other than 505: %d;"
                + " peak RSS (VmHWM) %d MB; peak sampled RSS while 100 pages loaded %d MB%n",
            total, took.toMillis() / 1e3, serverErrors.size(), hwm >> 20, historyPeak >> 20));
    System.out.print(b);
  }
}
