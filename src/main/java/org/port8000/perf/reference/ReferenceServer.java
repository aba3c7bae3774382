package org.port8000.perf.reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;

/**
 * The reference Port 8000 server: wires the parts together, binds to 127.0.0.1 and stops cleanly.
 * {@link #main} runs it in the foreground and prints the one line a launcher parses.
 */
public final class ReferenceServer implements AutoCloseable {

  private final ReferenceConfig config;
  private final Javalin app;

  /** Connects the kernel queues for the acceptor (Java's default is 50). */
  static final int ACCEPT_QUEUE = 1024;

  private final ScheduledThreadPoolExecutor timer;
  private final ChatHistoryStore history;
  private final ChatSocket socket;
  private final BotRegistry bots;
  private final ServerCounters counters;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final CountDownLatch stoppedLatch = new CountDownLatch(1);

  private ReferenceServer(ReferenceConfig config) {
    this.config = config;
    this.counters = new ServerCounters();
    this.timer = newTimer();
    this.history = ChatHistoryStore.open(config.dbDir(), config.historyMaxRows());
    ObjectMapper mapper = new ObjectMapper();
    FaultInjector faults = new FaultInjector(config.faults());
    LlmStandIn llm = new LlmStandIn(config.llmTokens(), config.llmTokenDelayMs());
    this.bots = new BotRegistry(config.maxBots(), config.shape().botChildProcessMb());
    this.socket =
        new ChatSocket(
            mapper,
            timer,
            llm,
            history,
            faults,
            counters,
            config.compat(),
            config.shape().silentAfterHeartbeat());
    this.app = Javalin.create(cfg -> configure(cfg, mapper));
    registerRefusals(app);
    registerRoutes(mapper, llm, faults);
  }

  /** Jetty and Javalin: JSON, limits, the connector, request filters, WebSockets, the UI files. */
  private void configure(JavalinConfig cfg, ObjectMapper mapper) {
    cfg.showJavalinBanner = false;
    cfg.startupWatcherEnabled = false;
    cfg.jsonMapper(new JavalinJackson(mapper, false));
    cfg.http.maxRequestSize = ReferenceConfig.MAX_BODY_BYTES;
    // A known path with another method is 405, as from the original (FastAPI) server.
    cfg.http.prefer405over404 = true;
    cfg.jetty.defaultHost = ReferenceConfig.HOST;
    addConnector(cfg);
    if (config.compat().rejectH2cUpgrade()) {
      addRequestFilter(cfg, new H2cUpgradeRefusal());
    }
    addRequestFilter(cfg, new RequestGate());
    cfg.jetty.modifyWebSocketServletFactory(
        f -> {
          f.setMaxTextMessageSize(ReferenceConfig.MAX_FRAME_BYTES);
          f.setMaxBinaryMessageSize(ReferenceConfig.MAX_FRAME_BYTES);
          // Long enough for idle-connection footprint steps; heartbeats keep others alive.
          f.setIdleTimeout(Duration.ofMinutes(15));
        });
    cfg.staticFiles.add(
        sf -> {
          sf.hostedPath = "/";
          sf.directory = "/" + UiEndpoint.UI_ROOT;
          sf.location = Location.CLASSPATH;
          sf.headers = Map.of("Cache-Control", "no-store");
        });
  }

  /**
   * A burst of connects (100 history pages at once, a ramp of WebSocket clients) waits in the
   * accept queue instead of being dropped: with Java's default backlog of 50 the kernel dropped
   * connects while the acceptor waited for a core, and the clients timed out without an answer.
   */
  private void addConnector(JavalinConfig cfg) {
    cfg.jetty.addConnector(
        (jetty, http) -> {
          ServerConnector c = new ServerConnector(jetty, new HttpConnectionFactory(http));
          c.setHost(ReferenceConfig.HOST);
          c.setPort(config.port());
          c.setAcceptQueueSize(ACCEPT_QUEUE);
          return c;
        });
  }

  /** A servlet filter on every request, in the order added. */
  private static void addRequestFilter(JavalinConfig cfg, Filter filter) {
    cfg.jetty.modifyServletContextHandler(
        h -> h.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST)));
  }

  /** Every refusal is a JSON body {@code {"success": false, "error": …}}. */
  private static void registerRefusals(Javalin app) {
    app.exception(
        ApiException.class,
        (e, ctx) -> ctx.status(e.status()).json(Map.of("success", false, "error", e.getMessage())));
    app.exception(Exception.class, ReferenceServer::refuseOrFail);
    app.error(
        405,
        ctx -> {
          // JSON like every other refusal, instead of Javalin's plain-text default.
          ctx.json(
              Map.of(
                  "success",
                  false,
                  "error",
                  "method " + ctx.req().getMethod() + " not allowed here"));
        });
    app.error(
        404,
        ctx -> {
          // Keep a JSON refusal a handler already wrote; replace Javalin's plain-text default.
          String result = ctx.result();
          if (result == null || !result.startsWith("{")) {
            ctx.json(Map.of("success", false, "error", "not found"));
          }
        });
  }

  /** Jetty's and Javalin's refusals of a malformed request keep their 4xx status; else 500. */
  private static void refuseOrFail(Exception e, Context ctx) {
    int refused =
        e instanceof BadMessageException bad
            ? bad.getCode()
            : e instanceof HttpResponseException r ? r.getStatus() : 500;
    if (refused >= 400 && refused < 500) {
      String reason =
          e instanceof BadMessageException bad && bad.getReason() != null
              ? bad.getReason()
              : e.getMessage();
      ctx.status(refused).json(Map.of("success", false, "error", "bad request: " + reason));
      return;
    }
    System.err.println("reference server: " + describe(ctx) + " failed: " + e);
    e.printStackTrace();
    ctx.status(500).json(Map.of("success", false, "error", "internal error"));
  }

  /** The HTTP API, the UI, {@code /metrics} (unless the original lacks it) and {@code /ws}. */
  private void registerRoutes(ObjectMapper mapper, LlmStandIn llm, FaultInjector faults) {
    HistoryPages pages =
        new HistoryPages(history, mapper.getFactory(), config.historyMaxConcurrent());
    new HttpApi(
            config,
            bots,
            history,
            pages,
            llm,
            faults,
            counters,
            timer,
            new JsonBodies(mapper),
            this::port,
            socket::openConnections)
        .register(app);
    new UiEndpoint(config.faults().uiRenderDelayMs(), config.compat().ui()).register(app);
    if (config.compat().metrics()) {
      MetricsEndpoint metrics = new MetricsEndpoint(counters, socket::openConnections, bots::size);
      app.get("/metrics", metrics::handle);
    }
    app.ws("/ws", socket::configure);
  }

  /** Starts a server with {@code config}; the caller stops it. */
  public static ReferenceServer start(ReferenceConfig config) {
    ReferenceServer server = new ReferenceServer(config);
    try {
      server.app.start(ReferenceConfig.HOST, config.port());
      server.applyTimeouts();
    } catch (RuntimeException e) {
      server.stop();
      throw e;
    }
    return server;
  }

  /**
   * The read timeouts, set before the first connection is accepted: an idle connection (also one
   * stalled in the middle of a request) closes after {@code idleTimeoutMs}, and a request that
   * keeps trickling in is closed by the {@link PartialRequestReaper}. WebSocket sessions have their
   * own, longer timeout once upgraded.
   */
  private void applyTimeouts() {
    PartialRequestReaper reaper = new PartialRequestReaper(timer, config.idleTimeoutMs());
    for (Connector c : app.jettyServer().server().getConnectors()) {
      if (c instanceof AbstractConnector connector) {
        connector.setIdleTimeout(config.idleTimeoutMs());
        connector.addBean(reaper);
      }
    }
  }

  /** The request in a log line: method and path, cut short. */
  private static String describe(Context ctx) {
    String uri = ctx.req().getRequestURI();
    return ctx.req().getMethod() + " " + (uri.length() > 200 ? uri.substring(0, 200) + "…" : uri);
  }

  private static ScheduledThreadPoolExecutor newTimer() {
    AtomicInteger n = new AtomicInteger();
    ScheduledThreadPoolExecutor t =
        new ScheduledThreadPoolExecutor(
            2,
            r -> {
              Thread th = new Thread(r, "reference-timer-" + n.incrementAndGet());
              th.setDaemon(true);
              return th;
            });
    t.setRemoveOnCancelPolicy(true); // cancelled timers must not linger in the queue
    return t;
  }

  /** The bound port (the real one when the configured port was 0). */
  public int port() {
    return app.port();
  }

  public String baseUrl() {
    return "http://" + ReferenceConfig.HOST + ":" + port();
  }

  public ReferenceConfig config() {
    return config;
  }

  /** Open WebSocket connections, as {@code /api/health} reports them. */
  int openConnections() {
    return socket.openConnections();
  }

  long historyRows() {
    return history.count();
  }

  /** Stops Jetty, the timer and the database; idempotent. */
  public void stop() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    try {
      app.stop();
    } catch (RuntimeException e) {
      System.err.println("reference server: stopping Jetty failed: " + e);
    }
    timer.shutdownNow();
    try {
      timer.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    history.close();
    bots.stopAll();
    stoppedLatch.countDown();
  }

  @Override
  public void close() {
    stop();
  }

  /** Blocks until {@link #stop()} ran. */
  public void awaitStop() throws InterruptedException {
    stoppedLatch.await();
  }

  public static void main(String[] args) throws InterruptedException {
    // Quiet logging to stderr, unless the caller chose a configuration: stdout carries
    // exactly one line, the one a launcher parses.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "reference/logback-reference.xml");
    }
    ReferenceConfig config;
    try {
      config = ReferenceConfig.fromSystemProperties();
    } catch (IllegalArgumentException e) {
      System.err.println("reference server: " + e.getMessage());
      System.exit(2);
      return;
    }
    ReferenceServer server;
    try {
      server = start(config);
    } catch (RuntimeException e) {
      System.err.println(
          "reference server: cannot start on "
              + ReferenceConfig.HOST
              + ":"
              + config.port()
              + ": "
              + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "reference-server-shutdown"));
    List<String> faults = config.faults().describeActive();
    if (!faults.isEmpty()) {
      System.err.println("reference server: FAULT SWITCHES ON: " + String.join(", ", faults));
    }
    List<String> compat = config.compat().describeActive();
    if (!compat.isEmpty()) {
      System.err.println(
          "reference server: behaving like the original server (reference.compat="
              + config.compat().mode()
              + "): "
              + String.join(", ", compat));
    }
    List<String> shape = config.shape().describeActive();
    if (!shape.isEmpty()) {
      System.err.println(
          "reference server: shaped like other servers: " + String.join(", ", shape));
    }
    System.out.println(
        "Port 8000 reference server listening on "
            + server.baseUrl()
            + " (pid "
            + ProcessHandle.current().pid()
            + ")");
    System.out.flush();
    server.awaitStop();
  }
}
