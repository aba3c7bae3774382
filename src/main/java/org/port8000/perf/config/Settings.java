package org.port8000.perf.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Every parameter of a run, read once from the profile ({@code resources/profiles/<name>.properties})
 * and the {@code -D} system properties that override it. Simulations, probes and the report step
 * take their parameters from here and nowhere else.
 */
public final class Settings {

  public static final String PROFILE = "perf.profile";
  public static final String ASSIGNMENT = "assignment";
  public static final String SMOKE = "smoke";
  public static final List<String> PROFILES = List.of(ASSIGNMENT, SMOKE);

  /** Every setting, in the order the README lists them. */
  private static final List<String> NAMES = List.of(
      "target.url", "target.pid", "target.allowRemote", "target.startTimeoutSeconds",
      "report.root", "gatling.resultsFolder", "perf.outputFolder",
      "burst.messages", "burst.intervalMs", "reply.timeoutMs", "reply.errorPattern",
      "throughput.steps", "throughput.stepSeconds", "throughput.warmupSeconds", "heartbeat.clients", "heartbeat.intervalMs",
      "heartbeat.durationSeconds", "footprint.connections", "leak.messages",
      "leak.durationSeconds", "leak.cycles", "ui.historyMessages", "ui.renderMessages",
      "ui.scrollSeconds", "browser.executable", "ui.selector.messages", "ui.selector.message",
      "ui.selector.content", "ui.selector.input", "ui.selector.send", "ui.selector.botList",
      "ui.selector.selectBot", "sampler.intervalMs", "baseline.dir", "baseline.minChangePercent",
      "baseline.failOnRegression", "baseline.force", "baseline.trendRuns",
      "benchmark.warmUpSeconds", "benchmark.idleSeconds", "benchmark.latencySeconds",
      "benchmark.latencyPerSecond", "benchmark.api.steps", "benchmark.api.stepSeconds",
      "benchmark.connections.levels", "benchmark.connections.holdSeconds",
      "benchmark.churn.rates", "benchmark.churn.stepSeconds", "benchmark.churn.coolDownSeconds",
      "benchmark.churn.rounds", "benchmark.churn.roundConnections", "benchmark.churn.roundRate",
      "benchmark.bots.max", "benchmark.busySeconds", "benchmark.busyTasksPerSecond",
      "benchmark.capacity.latencyFactor", "benchmark.capacity.latencyAddMs");
  /** Defaults only for the settings no profile sets: every profile sets all the others. */
  private static final Map<String, String> DEFAULTS = defaults();
  /** The reference server's own settings, passed on to it as they are. */
  private static final String REFERENCE_PREFIX = "reference.";

  private final String profile;
  private final boolean fullAssignment;
  private final Map<String, String> values;
  private final Map<String, String> referenceProperties;

  private final Optional<URI> targetUrl;
  private final OptionalLong targetPid;
  private final boolean allowRemote;
  private final Duration targetStartTimeout;
  private final Path reportRoot;
  private final Path gatlingResultsFolder;
  private final Path outputFolder;

  private final int burstMessages;
  private final Duration burstInterval;
  private final Duration replyTimeout;
  private final List<Integer> throughputSteps;
  private final Duration throughputStep;
  private final Pattern replyErrorPattern;
  private final Duration throughputWarmup;

  private final int heartbeatClients;
  private final Duration heartbeatInterval;
  private final Duration heartbeatDuration;
  private final int footprintConnections;

  private final int leakMessages;
  private final Duration leakDuration;
  private final int leakCycles;

  private final int uiHistoryMessages;
  private final int uiRenderMessages;
  private final Duration uiScroll;
  private final Optional<Path> browserExecutable;
  private final UiSelectors uiSelectors;

  private final Duration samplerInterval;
  private final BenchmarkSettings benchmark;

  private final Path baselineDir;
  private final int baselineMinChangePercent;
  private final boolean baselineFailOnRegression;
  private final boolean baselineForce;
  private final int baselineTrendRuns;

  private Settings(String profile, boolean fullAssignment, Map<String, String> values,
      Map<String, String> referenceProperties) {
    this.profile = profile;
    this.fullAssignment = fullAssignment;
    this.values = Collections.unmodifiableMap(values);
    this.referenceProperties = Collections.unmodifiableMap(referenceProperties);
    PropertyReader r = new PropertyReader(values, ", or change it in resources/profiles/");
    this.targetUrl = r.optionalUrl("target.url");
    this.targetPid = r.optionalPid("target.pid");
    this.allowRemote = r.requiredBoolean("target.allowRemote");
    this.targetStartTimeout = Duration.ofSeconds(r.requiredInt("target.startTimeoutSeconds", 1, 600));
    this.reportRoot = r.path("report.root");
    this.gatlingResultsFolder = r.path("gatling.resultsFolder");
    this.outputFolder = r.path("perf.outputFolder");
    this.burstMessages = r.requiredInt("burst.messages", 1, 100_000);
    this.burstInterval = Duration.ofMillis(r.requiredInt("burst.intervalMs", 1, 60_000));
    this.replyTimeout = Duration.ofMillis(r.requiredInt("reply.timeoutMs", 100, 120_000));
    this.throughputSteps = r.risingInts("throughput.steps", 1, 100_000);
    this.throughputStep = Duration.ofSeconds(r.requiredInt("throughput.stepSeconds", 1, 3_600));
    this.throughputWarmup = Duration.ofSeconds(r.requiredInt("throughput.warmupSeconds", 1, 600));
    try {
      this.replyErrorPattern = Pattern.compile(r.text("reply.errorPattern"));
    } catch (PatternSyntaxException e) {
      throw r.invalid("reply.errorPattern", "a Java regular expression (" + e.getDescription()
          + " at index " + e.getIndex() + ")");
    }
    this.heartbeatClients = r.requiredInt("heartbeat.clients", 1, 10_000);
    this.heartbeatInterval = Duration.ofMillis(r.requiredInt("heartbeat.intervalMs", 10, 60_000));
    this.heartbeatDuration = Duration.ofSeconds(r.requiredInt("heartbeat.durationSeconds", 1, 86_400));
    this.footprintConnections = r.requiredInt("footprint.connections", 0, 20_000);
    this.leakMessages = r.requiredInt("leak.messages", 1, 1_000_000);
    this.leakDuration = Duration.ofSeconds(r.requiredInt("leak.durationSeconds", 1, 86_400));
    this.leakCycles = r.requiredInt("leak.cycles", 1, 10_000);
    this.uiHistoryMessages = r.requiredInt("ui.historyMessages", 100, 5_000);
    this.uiRenderMessages = r.requiredInt("ui.renderMessages", 1, 5_000);
    this.uiScroll = Duration.ofSeconds(r.requiredInt("ui.scrollSeconds", 1, 600));
    this.browserExecutable = r.optionalPath("browser.executable");
    this.uiSelectors = new UiSelectors(
        r.text("ui.selector.messages"), r.text("ui.selector.message"),
        r.text("ui.selector.content"), r.text("ui.selector.input"), r.text("ui.selector.send"),
        r.text("ui.selector.botList"), r.text("ui.selector.selectBot"));
    this.samplerInterval = Duration.ofMillis(r.requiredInt("sampler.intervalMs", 50, 1_000));
    this.benchmark = BenchmarkSettings.read(r);
    this.baselineDir = r.path("baseline.dir");
    this.baselineMinChangePercent = r.requiredInt("baseline.minChangePercent", 1, 1_000);
    this.baselineFailOnRegression = r.requiredBoolean("baseline.failOnRegression");
    this.baselineForce = r.requiredBoolean("baseline.force");
    this.baselineTrendRuns = r.requiredInt("baseline.trendRuns", 2, 1_000);
    // Gatling 3.15 never starts an open injection shorter than a second: refuse it up front.
    if (burstInterval.multipliedBy(burstMessages).compareTo(Duration.ofSeconds(1)) < 0) {
      throw new SettingsException("Settings 'burst.messages' (" + burstMessages + ") x"
          + " 'burst.intervalMs' (" + burstInterval.toMillis() + ") make a burst shorter than"
          + " 1 s, which Gatling cannot inject; raise one of them.");
    }
    if (burstInterval.multipliedBy(burstMessages).compareTo(Duration.ofHours(6)) > 0) {
      throw new SettingsException("Settings 'burst.messages' x 'burst.intervalMs' make a burst longer"
          + " than 6 hours; lower one of them.");
    }
  }

  /** Reads the profile named by {@code -Dperf.profile} and the system-property overrides. */
  public static Settings load() {
    return load(System.getProperties());
  }

  /** Reads settings from the given properties (system properties in production, a map in tests). */
  public static Settings load(Properties overrides) {
    String profile = overrides.getProperty(PROFILE, ASSIGNMENT).trim();
    if (!PROFILES.contains(profile)) {
      throw new SettingsException("Setting '" + PROFILE + "' is '" + profile
          + "': accepted values are " + String.join(", ", PROFILES)
          + ". Fix: -D" + PROFILE + "=smoke for a quick run, or leave it unset for the assignment.");
    }
    Map<String, String> profileValues = readProfile(profile);
    Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
    values.putAll(profileValues);
    for (String key : NAMES) {
      String v = overrides.getProperty(key);
      if (v != null) {
        values.put(key, v.trim());
      }
    }
    Map<String, String> reference = new TreeMap<>();
    for (String key : overrides.stringPropertyNames()) {
      if (key.startsWith(REFERENCE_PREFIX)) {
        reference.put(key, overrides.getProperty(key));
      }
    }
    // The assignment profile sets every measurement parameter; a -D override of one of them
    // makes the run something other than the assignment, which must not sign off.
    boolean fullAssignment = ASSIGNMENT.equals(profile)
        && profileValues.entrySet().stream().allMatch(e -> e.getValue().equals(values.get(e.getKey())));
    return new Settings(profile, fullAssignment, values, reference);
  }

  private static Map<String, String> readProfile(String profile) {
    String resource = "profiles/" + profile + ".properties";
    Properties p = new Properties();
    try (InputStream in = Settings.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new SettingsException("Profile '" + profile + "' has no file " + resource
            + " on the classpath: run from the project folder with Maven (resources/ is a"
            + " resource root) or restore resources/" + resource + ".");
      }
      p.load(in);
    } catch (IOException e) {
      throw new SettingsException("Profile file " + resource + " cannot be read: " + e.getMessage());
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (String key : p.stringPropertyNames()) {
      if (!NAMES.contains(key)) {
        throw new SettingsException("Profile file " + resource + " sets unknown setting '" + key
            + "'. Known settings: " + String.join(", ", NAMES));
      }
      m.put(key, p.getProperty(key).trim());
    }
    return m;
  }

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("target.url", "");
    d.put("target.pid", "");
    d.put("target.allowRemote", "false");
    d.put("target.startTimeoutSeconds", "60");
    d.put("report.root", ".");
    d.put("gatling.resultsFolder", "target/gatling");
    d.put("perf.outputFolder", "target/perf");
    d.put("browser.executable", "");
    // The original server's answer when its model call fails: "[Error: Connection error.]".
    d.put("reply.errorPattern", "\\[Error: [^\\]]*\\]");
    d.put("throughput.warmupSeconds", "5");
    d.put("ui.selector.messages", "#chatMessages");
    d.put("ui.selector.message", "#chatMessages > .message");
    d.put("ui.selector.content", ".message-content");
    d.put("ui.selector.input", "#chatInput");
    d.put("ui.selector.send", "#sendButton");
    d.put("ui.selector.botList", "#botList");
    d.put("ui.selector.selectBot", "[data-action=\"select\"][data-bot-id]");
    d.put("baseline.dir", "perf-baselines");
    d.put("baseline.minChangePercent", "10");
    d.put("baseline.failOnRegression", "false");
    d.put("baseline.force", "false");
    d.put("baseline.trendRuns", "30");
    return d;
  }

  /** Names of every setting, in the order the README lists them. */
  public static List<String> names() {
    return NAMES;
  }

  public String profile() { return profile; }
  /**
   * True only for the assignment's full parameters (the assignment profile with none of its
   * values overridden): the only runs that may sign off.
   */
  public boolean isFullAssignment() { return fullAssignment; }
  /** The raw value of a setting as resolved (profile, then -D override). */
  public String raw(String name) { return values.get(name); }
  /** The {@code reference.*} properties given for this run; the reference server checks them. */
  public Map<String, String> referenceProperties() { return referenceProperties; }

  public Optional<URI> targetUrl() { return targetUrl; }
  public OptionalLong targetPid() { return targetPid; }
  public boolean allowRemote() { return allowRemote; }
  public Duration targetStartTimeout() { return targetStartTimeout; }
  public Path reportRoot() { return reportRoot; }
  public Path gatlingResultsFolder() { return gatlingResultsFolder; }
  /** Where machine-readable outputs go (summary.json, junit.xml). */
  public Path perfOutputFolder() { return outputFolder; }

  public int burstMessages() { return burstMessages; }
  public Duration burstInterval() { return burstInterval; }
  public Duration replyTimeout() { return replyTimeout; }
  public List<Integer> throughputSteps() { return throughputSteps; }
  public Duration throughputStep() { return throughputStep; }
  /** A reply whose content matches this (found anywhere in it) is a failed message. */
  public Pattern replyErrorPattern() { return replyErrorPattern; }
  /** The message chain at the first step's rate before the measured phases, not counted. */
  public Duration throughputWarmup() { return throughputWarmup; }

  public int heartbeatClients() { return heartbeatClients; }
  public Duration heartbeatInterval() { return heartbeatInterval; }
  public Duration heartbeatDuration() { return heartbeatDuration; }
  public int footprintConnections() { return footprintConnections; }

  public int leakMessages() { return leakMessages; }
  public Duration leakDuration() { return leakDuration; }
  public int leakCycles() { return leakCycles; }

  public int uiHistoryMessages() { return uiHistoryMessages; }
  public int uiRenderMessages() { return uiRenderMessages; }
  public Duration uiScroll() { return uiScroll; }
  public Optional<Path> browserExecutable() { return browserExecutable; }
  public UiSelectors uiSelectors() { return uiSelectors; }

  public Duration samplerInterval() { return samplerInterval; }
  /** The operation benchmark's parameters. */
  public BenchmarkSettings benchmark() { return benchmark; }

  /** Folder of the baselines (one sub-folder per target and profile) and the run history. */
  public Path baselineDir() { return baselineDir; }
  /** The smallest relative change, in %, that can count as a regression or improvement. */
  public int baselineMinChangePercent() { return baselineMinChangePercent; }
  public boolean baselineFailOnRegression() { return baselineFailOnRegression; }
  /** Promote a run to the baseline even when it did not PASS. */
  public boolean baselineForce() { return baselineForce; }
  /** How many runs the trend charts show. */
  public int baselineTrendRuns() { return baselineTrendRuns; }

  /** CSS selectors of the chat UI; the defaults are the original Port 8000 UI's ids. */
  public record UiSelectors(String messages, String message, String content, String input,
      String send, String botList, String selectBot) {}
}
