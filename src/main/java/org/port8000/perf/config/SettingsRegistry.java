package org.port8000.perf.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Every setting of the suite, once: name, reader, accepted values, default, unit and doc line, in
 * the order docs/settings.md lists them. Adding a setting means one constant here (and, when it has
 * no default, a value in each profile) and its use through {@link Settings#get}.
 */
public final class SettingsRegistry {
  private SettingsRegistry() {}

  // The target and where things go.
  public static final Setting<Optional<URI>> TARGET_URL =
      new Setting<>(
          "target.url",
          "URL",
          "an http(s) URL",
          "",
          "the target's base URL; empty = start the embedded reference server",
          PropertyReader::optionalUrl);
  public static final Setting<OptionalLong> TARGET_PID =
      new Setting<>(
          "target.pid",
          "pid",
          "a process id",
          "",
          "the target's process id, for memory and CPU sampling of a local target",
          PropertyReader::optionalPid);
  public static final Setting<List<TargetInstance>> TARGET_INSTANCES =
      new Setting<>(
          "target.instances",
          "list",
          "`pid:` process ids and `/metrics` URLs, comma-separated",
          "",
          "a target of several instances (behind a balancer at `target.url`): each sampled for"
              + " memory and CPU at every tick, reported per instance, summed and as the largest;"
              + " memory per connection comes from the sum; e.g."
              + " `pid:1234,http://127.0.0.1:8001/metrics`; replaces `target.pid`",
          TargetInstance::list);
  public static final Setting<Boolean> TARGET_ALLOW_REMOTE =
      flag(
              "target.allowRemote",
              "allow a target that is not on this machine (load goes only to loopback otherwise)")
          .orElse("false");
  public static final Setting<Duration> TARGET_START_TIMEOUT =
      seconds(
              "target.startTimeoutSeconds",
              1,
              600,
              "how long to wait for the target's `/api/health`")
          .orElse("60");
  public static final Setting<Integer> REFERENCE_MAX_HEAP =
      count(
          "reference.maxHeapMb",
          64,
          65_536,
          "MB",
          "maximum heap (`-Xmx`) of the embedded reference server this run launches,"
              + " so its memory figures do not depend on the machine's RAM; the reports name it;"
              + " ignored with `-Dtarget.url`");
  public static final Setting<Path> REPORT_ROOT =
      path("report.root", "folder under which `.deia/` is written").orElse(".");
  public static final Setting<Path> GATLING_RESULTS =
      path("gatling.resultsFolder", "where Gatling writes its runs (the plugin's folder)")
          .orElse("target/gatling");
  public static final Setting<Path> OUTPUT_FOLDER =
      path("perf.outputFolder", "folder of `summary.json` and `junit.xml`").orElse("target/perf");

  // Message throughput.
  public static final Setting<Integer> BURST_MESSAGES =
      count("burst.messages", 1, 100_000, "messages", "messages in the burst");
  public static final Setting<Duration> BURST_INTERVAL =
      millis(
          "burst.intervalMs",
          1,
          60_000,
          "time between burst messages (open loop: held even when replies are slow)");
  public static final Setting<Duration> REPLY_TIMEOUT =
      millis(
          "reply.timeoutMs", 100, 120_000, "a message without its final reply by then is dropped");
  // The original server's answer when its model call fails: "[Error: Connection error.]".
  public static final Setting<Pattern> REPLY_ERROR_PATTERN =
      new Setting<>(
          "reply.errorPattern",
          "regex",
          "a Java regular expression",
          "\\[Error: [^\\]]*\\]",
          "a `response` whose content contains a match is a failed message",
          SettingsRegistry::regex);
  public static final Setting<List<Integer>> THROUGHPUT_STEPS =
      rising(
          "throughput.steps",
          1,
          100_000,
          "msg/s",
          "rising message rates for the sustained-throughput search");
  public static final Setting<Duration> THROUGHPUT_STEP =
      seconds("throughput.stepSeconds", 1, 3_600, "length of each step");
  public static final Setting<Duration> THROUGHPUT_WARMUP =
      seconds(
              "throughput.warmupSeconds",
              1,
              600,
              "warm-up at the first step's rate before the measured phases, not counted")
          .orElse("5");

  // WebSocket heartbeats.
  public static final Setting<Integer> HEARTBEAT_CLIENTS =
      count("heartbeat.clients", 1, 10_000, "clients", "WebSocket clients sending heartbeats");
  public static final Setting<Duration> HEARTBEAT_INTERVAL =
      millis("heartbeat.intervalMs", 10, 60_000, "heartbeat period per client");
  public static final Setting<Duration> HEARTBEAT_DURATION =
      seconds(
          "heartbeat.durationSeconds",
          1,
          86_400,
          "length of the heartbeat soak, which starts once every client has connected and"
              + " said hello");
  public static final Setting<Integer> FOOTPRINT_CONNECTIONS =
      count(
          "footprint.connections",
          0,
          20_000,
          "connections",
          "idle connections opened on the quiet target before the soak to"
              + " measure memory per connection (0: no footprint step)");

  // Memory and leaks.
  public static final Setting<Integer> LEAK_MESSAGES =
      count(
          "leak.messages",
          1,
          1_000_000,
          "messages",
          "chat messages sent during the leak soak (after 200 warm-up messages that are"
              + " not counted)");
  public static final Setting<Duration> LEAK_DURATION =
      seconds("leak.durationSeconds", 1, 86_400, "time over which they are spread");
  public static final Setting<Integer> LEAK_CYCLES =
      count(
          "leak.cycles",
          1,
          10_000,
          "cycles",
          "connect/disconnect cycles (WebSocket + bot launch/stop)");

  // UI render.
  public static final Setting<Integer> UI_HISTORY_MESSAGES =
      count(
          "ui.historyMessages",
          100,
          5_000,
          "messages",
          "messages in the chat history for the scroll test");
  public static final Setting<Integer> UI_RENDER_MESSAGES =
      count(
          "ui.renderMessages",
          1,
          5_000,
          "messages",
          "messages rendered while measuring display time, memory and CPU");
  public static final Setting<Duration> UI_SCROLL =
      seconds("ui.scrollSeconds", 1, 600, "length of the timed smooth scroll");
  public static final Setting<Optional<Path>> BROWSER_EXECUTABLE =
      new Setting<>(
          "browser.executable",
          "path",
          "a path",
          "",
          "Chromium to drive; empty ="
              + " `/usr/lib/chromium/chromium`, `/usr/bin/chromium`, `/usr/bin/chromium-browser`",
          PropertyReader::optionalPath);
  public static final Setting<String> UI_SELECTOR_MESSAGES =
      css("ui.selector.messages", "the message list", "#chatMessages");
  public static final Setting<String> UI_SELECTOR_MESSAGE =
      css("ui.selector.message", "one message in the list", "#chatMessages > .message");
  public static final Setting<String> UI_SELECTOR_CONTENT =
      css("ui.selector.content", "a message's text, inside one message", ".message-content");
  public static final Setting<String> UI_SELECTOR_INPUT =
      css("ui.selector.input", "the message input", "#chatInput");
  public static final Setting<String> UI_SELECTOR_SEND =
      css("ui.selector.send", "the send button", "#sendButton");
  public static final Setting<String> UI_SELECTOR_BOT_LIST =
      css("ui.selector.botList", "the bot list", "#botList");
  public static final Setting<String> UI_SELECTOR_SELECT_BOT =
      css(
          "ui.selector.selectBot",
          "a bot's select control in the list",
          "[data-action=\"select\"][data-bot-id]");

  public static final Setting<Duration> SAMPLER_INTERVAL =
      millis("sampler.intervalMs", 50, 1_000, "server memory/CPU sampling period");

  // Baselines.
  public static final Setting<Path> BASELINE_DIR =
      path(
              "baseline.dir",
              "folder of the baselines (`<target>/<profile>/`) and `perf-history.jsonl`")
          .orElse("perf-baselines");
  public static final Setting<Integer> BASELINE_MIN_CHANGE =
      count(
              "baseline.minChangePercent",
              1,
              1_000,
              "%",
              "smallest change that can be a regression or an improvement (see"
                  + " [Baselines](baselines.md))")
          .orElse("10");
  public static final Setting<Boolean> BASELINE_FAIL_ON_REGRESSION =
      flag(
              "baseline.failOnRegression",
              "a regression against the baseline fails the build like a" + " missed target")
          .orElse("false");
  public static final Setting<Boolean> BASELINE_FORCE =
      flag("baseline.force", "`mvn exec:java@baseline` promotes a run that did not PASS")
          .orElse("false");
  public static final Setting<Integer> BASELINE_TREND_RUNS =
      count("baseline.trendRuns", 2, 1_000, "runs", "runs shown in the trend charts").orElse("30");

  // The operation benchmark.
  public static final Setting<Duration> BENCH_WARM_UP =
      seconds(
          "benchmark.warmUpSeconds",
          1,
          600,
          "closed-loop warm-up of every operation (2 users), not counted");
  public static final Setting<Duration> BENCH_IDLE =
      seconds("benchmark.idleSeconds", 1, 600, "nothing runs: the server's idle CPU");
  public static final Setting<Duration> BENCH_LATENCY =
      seconds("benchmark.latencySeconds", 1, 3_600, "the measured latency phase");
  public static final Setting<Integer> BENCH_LATENCY_RATE =
      count(
          "benchmark.latencyPerSecond",
          1,
          100,
          "requests/s",
          "open arrival rate of each operation in the latency phase (smoke: 25"
              + " samples per operation, so a p95 is not just the slowest of 10)");
  public static final Setting<List<Integer>> BENCH_API_STEPS =
      rising(
          "benchmark.api.steps",
          1,
          20_000,
          "calls/s",
          "rising API call rates (a mix of the read operations)");
  public static final Setting<Duration> BENCH_API_STEP =
      seconds("benchmark.api.stepSeconds", 1, 600, "length of each API step");
  public static final Setting<List<Integer>> BENCH_CONNECTION_LEVELS =
      rising(
          "benchmark.connections.levels",
          1,
          20_000,
          "connections",
          "rising counts of idle WebSocket connections; the last is the bound");
  public static final Setting<Duration> BENCH_CONNECTION_HOLD =
      seconds(
          "benchmark.connections.holdSeconds",
          1,
          600,
          "how long each level is held while a probe connection chats");
  public static final Setting<List<Integer>> BENCH_CHURN_RATES =
      rising(
          "benchmark.churn.rates",
          1,
          5_000,
          "connections/s",
          "rising connect → message → close rates");
  public static final Setting<Duration> BENCH_CHURN_STEP =
      seconds("benchmark.churn.stepSeconds", 1, 600, "length of each churn step");
  public static final Setting<Duration> BENCH_CHURN_COOL_DOWN =
      seconds(
          "benchmark.churn.coolDownSeconds",
          1,
          600,
          "wait after the churn ramp and after each churn"
              + " round before the server's memory and open files are read");
  // Three readings after the first round make the smallest slope with an interval.
  public static final Setting<Integer> BENCH_CHURN_ROUNDS =
      count(
          "benchmark.churn.rounds",
          3,
          20,
          "rounds",
          "churn rounds at one fixed rate after the ramp; memory kept per connection is the"
              + " slope over the readings after them, the first round's growth excluded");
  public static final Setting<Integer> BENCH_CHURN_ROUND_CONNECTIONS =
      count(
          "benchmark.churn.roundConnections",
          1,
          20_000,
          "connections",
          "connect → message → close"
              + " cycles per round; too few for the 4 MB noise floor say \"cannot resolve\"");
  public static final Setting<Integer> BENCH_CHURN_ROUND_RATE =
      count(
          "benchmark.churn.roundRate",
          1,
          5_000,
          "connections/s",
          "the rate of every churn round (a round lasts whole seconds: at" + " least 1)");
  public static final Setting<Integer> BENCH_BOTS_MAX =
      count(
          "benchmark.bots.max",
          BenchmarkSettings.BUSY_BOTS,
          190,
          "bots",
          "most bots launched one by one");
  public static final Setting<Duration> BENCH_BUSY =
      seconds(
          "benchmark.busySeconds",
          1,
          600,
          "how long " + BenchmarkSettings.BUSY_BOTS + " bots are kept busy for the CPU reading");
  public static final Setting<Integer> BENCH_BUSY_TASK_RATE =
      count(
          "benchmark.busyTasksPerSecond",
          1,
          100,
          "tasks/s",
          "tasks each busy bot answers per second"
              + " (a fixed pace: a fast server does no more work than a slow one)");
  public static final Setting<Double> BENCH_CAPACITY_LATENCY_FACTOR =
      new Setting<>(
          "benchmark.capacity.latencyFactor",
          "×",
          "1 to 100",
          null,
          "capacity is judged apart from"
              + " latency: a step stays responsive while each timed request's p95 is at most this"
              + " many times its p95 at the ramp's lowest step, or within"
              + " `benchmark.capacity.latencyAddMs` of it (whichever is looser)",
          (r, n) -> r.requiredDouble(n, 1, 100));
  public static final Setting<Integer> BENCH_CAPACITY_LATENCY_ADD_MS =
      count(
          "benchmark.capacity.latencyAddMs",
          0,
          60_000,
          "ms",
          "see" + " `benchmark.capacity.latencyFactor`");

  // Several injectors (see docs/distributed.md).
  public static final Setting<OptionalInt> INJECTOR_INDEX =
      new Setting<>(
          "injector.index",
          "–",
          "0 to 999",
          "",
          "this injector's index among `injector.count`; empty = the environment"
              + " variable `JOB_COMPLETION_INDEX` (a Kubernetes Indexed Job's pod) when set, else 0",
          (r, n) -> optionalInt(r, n, 0, InjectorShare.MAX_INJECTORS - 1));
  public static final Setting<Integer> INJECTOR_COUNT =
      count(
              "injector.count",
              1,
              InjectorShare.MAX_INJECTORS,
              "injectors",
              "injectors sharing the load; each takes its share"
                  + " of every phase's users and rates")
          .orElse("1");
  public static final Setting<OptionalLong> INJECTOR_START_AT =
      new Setting<>(
          "injector.startAt",
          "epoch ms",
          "epoch milliseconds",
          "",
          "the instant every injector starts its load at (each"
              + " waits for it); empty = start now",
          (r, n) -> optionalEpochMillis(r, n));
  public static final Setting<Optional<String>> INJECTOR_RUN_ID =
      new Setting<>(
          "injector.runId",
          "–",
          "1 to 63 of a-z 0-9 . _ -",
          "",
          "the run id every injector of one run writes into its"
              + " results, so the merge refuses results of other runs; empty = generated (only with"
              + " `injector.count` 1)",
          (r, n) -> optionalRunId(r, n));

  public static final Setting<List<Path>> MERGE_INPUTS =
      new Setting<>(
          "merge.inputs",
          "paths",
          "comma-separated folders",
          "",
          "`mvn exec:java@merge`: the injectors' output roots (each"
              + " holds its `gatling/` run folders), one per injector",
          (r, n) -> paths(r, n));
  public static final Setting<Path> MERGE_OUTPUT =
      path(
              "merge.output",
              "`mvn exec:java@merge`:" + " folder of the merged run folders the reports link")
          .orElse("target/gatling-merged");

  /** Every setting, in the order docs/settings.md lists them. */
  public static final List<Setting<?>> ALL =
      List.of(
          TARGET_URL,
          TARGET_PID,
          TARGET_INSTANCES,
          TARGET_ALLOW_REMOTE,
          TARGET_START_TIMEOUT,
          REFERENCE_MAX_HEAP,
          REPORT_ROOT,
          OUTPUT_FOLDER,
          GATLING_RESULTS,
          BURST_MESSAGES,
          BURST_INTERVAL,
          REPLY_TIMEOUT,
          REPLY_ERROR_PATTERN,
          THROUGHPUT_STEPS,
          THROUGHPUT_STEP,
          THROUGHPUT_WARMUP,
          HEARTBEAT_CLIENTS,
          HEARTBEAT_INTERVAL,
          HEARTBEAT_DURATION,
          FOOTPRINT_CONNECTIONS,
          LEAK_MESSAGES,
          LEAK_DURATION,
          LEAK_CYCLES,
          UI_HISTORY_MESSAGES,
          UI_RENDER_MESSAGES,
          UI_SCROLL,
          BROWSER_EXECUTABLE,
          UI_SELECTOR_MESSAGES,
          UI_SELECTOR_MESSAGE,
          UI_SELECTOR_CONTENT,
          UI_SELECTOR_INPUT,
          UI_SELECTOR_SEND,
          UI_SELECTOR_BOT_LIST,
          UI_SELECTOR_SELECT_BOT,
          SAMPLER_INTERVAL,
          BASELINE_DIR,
          BASELINE_MIN_CHANGE,
          BASELINE_FAIL_ON_REGRESSION,
          BASELINE_FORCE,
          BASELINE_TREND_RUNS,
          BENCH_WARM_UP,
          BENCH_IDLE,
          BENCH_LATENCY,
          BENCH_LATENCY_RATE,
          BENCH_API_STEPS,
          BENCH_API_STEP,
          BENCH_CONNECTION_LEVELS,
          BENCH_CONNECTION_HOLD,
          BENCH_CHURN_RATES,
          BENCH_CHURN_STEP,
          BENCH_CHURN_COOL_DOWN,
          BENCH_CHURN_ROUNDS,
          BENCH_CHURN_ROUND_CONNECTIONS,
          BENCH_CHURN_ROUND_RATE,
          BENCH_BOTS_MAX,
          BENCH_BUSY,
          BENCH_BUSY_TASK_RATE,
          BENCH_CAPACITY_LATENCY_FACTOR,
          BENCH_CAPACITY_LATENCY_ADD_MS,
          INJECTOR_INDEX,
          INJECTOR_COUNT,
          INJECTOR_START_AT,
          INJECTOR_RUN_ID,
          MERGE_INPUTS,
          MERGE_OUTPUT);

  private static Setting<Integer> count(
      String name, int min, int max, String unit, String meaning) {
    return new Setting<>(
        name, unit, min + " to " + max, null, meaning, (r, n) -> r.requiredInt(n, min, max));
  }

  private static Setting<Duration> seconds(String name, int min, int max, String meaning) {
    return new Setting<>(
        name,
        "s",
        min + " to " + max,
        null,
        meaning,
        (r, n) -> Duration.ofSeconds(r.requiredInt(n, min, max)));
  }

  private static Setting<Duration> millis(String name, int min, int max, String meaning) {
    return new Setting<>(
        name,
        "ms",
        min + " to " + max,
        null,
        meaning,
        (r, n) -> Duration.ofMillis(r.requiredInt(n, min, max)));
  }

  private static Setting<List<Integer>> rising(
      String name, int min, int max, String unit, String meaning) {
    return new Setting<>(
        name,
        unit,
        "rising list, " + min + " to " + max,
        null,
        meaning,
        (r, n) -> r.risingInts(n, min, max));
  }

  private static Setting<Boolean> flag(String name, String meaning) {
    return new Setting<>(name, "–", "true, false", null, meaning, PropertyReader::requiredBoolean);
  }

  private static Setting<Path> path(String name, String meaning) {
    return new Setting<>(name, "path", "a path", null, meaning, PropertyReader::path);
  }

  private static Setting<String> css(String name, String what, String def) {
    return new Setting<>(
        name,
        "CSS",
        "a CSS selector",
        def,
        "CSS selector of " + what + " in the chat UI",
        PropertyReader::text);
  }

  private static Pattern regex(PropertyReader r, String name) {
    try {
      return Pattern.compile(r.text(name));
    } catch (PatternSyntaxException e) {
      throw r.invalid(
          name,
          "a Java regular expression (" + e.getDescription() + " at index " + e.getIndex() + ")");
    }
  }

  private static OptionalInt optionalInt(PropertyReader r, String name, int min, int max) {
    return r.optionalText(name).isEmpty()
        ? OptionalInt.empty()
        : OptionalInt.of(r.requiredInt(name, min, max));
  }

  // From 2001 to 2286: catches seconds given for milliseconds and similar slips.
  private static OptionalLong optionalEpochMillis(PropertyReader r, String name) {
    return r.optionalText(name).isEmpty()
        ? OptionalLong.empty()
        : OptionalLong.of(r.longValue(name, 0, 1_000_000_000_000L, 9_999_999_999_999L));
  }

  private static List<Path> paths(PropertyReader r, String name) {
    return r.optionalText(name)
        .map(
            v ->
                java.util.Arrays.stream(v.split(","))
                    .map(String::trim)
                    .filter(p -> !p.isEmpty())
                    .map(Path::of)
                    .toList())
        .orElse(List.of());
  }

  // Run ids go into file names and Kubernetes labels: lower case, digits, '.', '_', '-'.
  private static final Pattern RUN_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

  private static Optional<String> optionalRunId(PropertyReader r, String name) {
    Optional<String> id = r.optionalText(name);
    if (id.isPresent() && !RUN_ID.matcher(id.get()).matches()) {
      throw r.invalid(
          name,
          "1 to 63 characters of a-z, 0-9, '.', '_' and '-', starting with a"
              + " letter or digit, e.g. run-20260102-1");
    }
    return id;
  }
}
