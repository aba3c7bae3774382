package org.port8000.perf.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;

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

  /** Defaults for settings a profile does not set; every known setting is listed here. */
  private static final Map<String, String> DEFAULTS = defaults();

  private final String profile;
  private final boolean fullAssignment;
  private final Map<String, String> values;

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

  private Settings(String profile, boolean fullAssignment, Map<String, String> values) {
    this.profile = profile;
    this.fullAssignment = fullAssignment;
    this.values = Collections.unmodifiableMap(values);
    Reader r = new Reader(values);
    this.targetUrl = r.optionalUrl("target.url");
    this.targetPid = r.optionalPid("target.pid");
    this.allowRemote = r.bool("target.allowRemote");
    this.targetStartTimeout = Duration.ofSeconds(r.integer("target.startTimeoutSeconds", 1, 600));
    this.reportRoot = r.path("report.root");
    this.gatlingResultsFolder = r.path("gatling.resultsFolder");
    this.outputFolder = r.path("perf.outputFolder");
    this.burstMessages = r.integer("burst.messages", 1, 100_000);
    this.burstInterval = Duration.ofMillis(r.integer("burst.intervalMs", 1, 60_000));
    this.replyTimeout = Duration.ofMillis(r.integer("reply.timeoutMs", 100, 120_000));
    this.throughputSteps = r.rising("throughput.steps", 1, 100_000);
    this.throughputStep = Duration.ofSeconds(r.integer("throughput.stepSeconds", 1, 3_600));
    this.heartbeatClients = r.integer("heartbeat.clients", 1, 10_000);
    this.heartbeatInterval = Duration.ofMillis(r.integer("heartbeat.intervalMs", 10, 60_000));
    this.heartbeatDuration = Duration.ofSeconds(r.integer("heartbeat.durationSeconds", 1, 86_400));
    this.footprintConnections = r.integer("footprint.connections", 0, 20_000);
    this.leakMessages = r.integer("leak.messages", 1, 1_000_000);
    this.leakDuration = Duration.ofSeconds(r.integer("leak.durationSeconds", 1, 86_400));
    this.leakCycles = r.integer("leak.cycles", 1, 10_000);
    this.uiHistoryMessages = r.integer("ui.historyMessages", 100, 5_000);
    this.uiRenderMessages = r.integer("ui.renderMessages", 1, 5_000);
    this.uiScroll = Duration.ofSeconds(r.integer("ui.scrollSeconds", 1, 600));
    this.browserExecutable = r.optionalPath("browser.executable");
    this.uiSelectors = new UiSelectors(
        r.text("ui.selector.messages"), r.text("ui.selector.message"),
        r.text("ui.selector.content"), r.text("ui.selector.input"), r.text("ui.selector.send"),
        r.text("ui.selector.botList"), r.text("ui.selector.selectBot"));
    this.samplerInterval = Duration.ofMillis(r.integer("sampler.intervalMs", 50, 1_000));
    this.benchmark = new BenchmarkSettings(
        Duration.ofSeconds(r.integer("benchmark.warmUpSeconds", 1, 600)),
        Duration.ofSeconds(r.integer("benchmark.idleSeconds", 1, 600)),
        Duration.ofSeconds(r.integer("benchmark.latencySeconds", 1, 3_600)),
        r.integer("benchmark.latencyPerSecond", 1, 100),
        r.rising("benchmark.api.steps", 1, 20_000),
        Duration.ofSeconds(r.integer("benchmark.api.stepSeconds", 1, 600)),
        r.rising("benchmark.connections.levels", 1, 20_000),
        Duration.ofSeconds(r.integer("benchmark.connections.holdSeconds", 1, 600)),
        r.rising("benchmark.churn.rates", 1, 5_000),
        Duration.ofSeconds(r.integer("benchmark.churn.stepSeconds", 1, 600)),
        Duration.ofSeconds(r.integer("benchmark.churn.coolDownSeconds", 1, 600)),
        r.integer("benchmark.bots.max", BenchmarkSettings.BUSY_BOTS, 190),
        Duration.ofSeconds(r.integer("benchmark.busySeconds", 1, 600)),
        r.integer("benchmark.busyTasksPerSecond", 1, 100));
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
    for (String key : DEFAULTS.keySet()) {
      String v = overrides.getProperty(key);
      if (v != null) {
        values.put(key, v.trim());
      }
    }
    // The assignment profile sets every measurement parameter; a -D override of one of them
    // makes the run something other than the assignment, which must not sign off.
    boolean fullAssignment = ASSIGNMENT.equals(profile)
        && profileValues.entrySet().stream().allMatch(e -> e.getValue().equals(values.get(e.getKey())));
    return new Settings(profile, fullAssignment, values);
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
      if (!DEFAULTS.containsKey(key)) {
        throw new SettingsException("Profile file " + resource + " sets unknown setting '" + key
            + "'. Known settings: " + String.join(", ", DEFAULTS.keySet()));
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
    d.put("burst.messages", "100");
    d.put("burst.intervalMs", "100");
    d.put("reply.timeoutMs", "5000");
    d.put("throughput.steps", "10,25,50,100,200,500,1000");
    d.put("throughput.stepSeconds", "20");
    d.put("heartbeat.clients", "10");
    d.put("heartbeat.intervalMs", "500");
    d.put("heartbeat.durationSeconds", "600");
    d.put("footprint.connections", "1000");
    d.put("leak.messages", "500");
    d.put("leak.durationSeconds", "600");
    d.put("leak.cycles", "10");
    d.put("ui.historyMessages", "120");
    d.put("ui.renderMessages", "100");
    d.put("ui.scrollSeconds", "5");
    d.put("browser.executable", "");
    d.put("ui.selector.messages", "#chatMessages");
    d.put("ui.selector.message", "#chatMessages > .message");
    d.put("ui.selector.content", ".message-content");
    d.put("ui.selector.input", "#chatInput");
    d.put("ui.selector.send", "#sendButton");
    d.put("ui.selector.botList", "#botList");
    d.put("ui.selector.selectBot", "[data-action=\"select\"][data-bot-id]");
    d.put("sampler.intervalMs", "500");
    d.put("benchmark.warmUpSeconds", "10");
    d.put("benchmark.idleSeconds", "30");
    d.put("benchmark.latencySeconds", "30");
    d.put("benchmark.latencyPerSecond", "2");
    d.put("benchmark.api.steps", "50,100,200,400,800,1600,3200");
    d.put("benchmark.api.stepSeconds", "10");
    d.put("benchmark.connections.levels", "100,500,1000,2000,5000");
    d.put("benchmark.connections.holdSeconds", "5");
    d.put("benchmark.churn.rates", "10,25,50,100,200,400");
    d.put("benchmark.churn.stepSeconds", "10");
    d.put("benchmark.churn.coolDownSeconds", "10");
    d.put("benchmark.bots.max", "50");
    d.put("benchmark.busySeconds", "30");
    d.put("benchmark.busyTasksPerSecond", "2");
    return d;
  }

  /** Names of every setting, in the order the README lists them. */
  public static List<String> names() {
    return List.copyOf(DEFAULTS.keySet());
  }

  public String profile() { return profile; }
  /**
   * True only for the assignment's full parameters (the assignment profile with none of its
   * values overridden): the only runs that may sign off.
   */
  public boolean isFullAssignment() { return fullAssignment; }
  /** The raw value of a setting as resolved (profile, then -D override). */
  public String raw(String name) { return values.get(name); }

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

  /** CSS selectors of the chat UI; the defaults are the original Port 8000 UI's ids. */
  public record UiSelectors(String messages, String message, String content, String input,
      String send, String botList, String selectBot) {}

  /** Parses one value at a time, so every error names its setting. */
  private static final class Reader {
    private final Map<String, String> values;

    Reader(Map<String, String> values) {
      this.values = values;
    }

    private String value(String name) {
      return values.getOrDefault(name, "");
    }

    private SettingsException bad(String name, String accepted) {
      return new SettingsException("Setting '" + name + "' is '" + value(name) + "': expected "
          + accepted + ". Fix: -D" + name + "=<value>, or change it in resources/profiles/.");
    }

    String text(String name) {
      String v = value(name);
      if (v.isBlank()) {
        throw bad(name, "a non-empty value");
      }
      return v;
    }

    int integer(String name, int min, int max) {
      try {
        int v = Integer.parseInt(value(name));
        if (v >= min && v <= max) {
          return v;
        }
      } catch (NumberFormatException ignored) {
        // reported below with the accepted range
      }
      throw bad(name, "a whole number from " + min + " to " + max);
    }

    boolean bool(String name) {
      String v = value(name);
      if (v.equals("true") || v.equals("false")) {
        return Boolean.parseBoolean(v);
      }
      throw bad(name, "true or false");
    }

    List<Integer> rising(String name, int min, int max) {
      List<Integer> out = new ArrayList<>();
      try {
        for (String part : value(name).split(",")) {
          out.add(Integer.parseInt(part.trim()));
        }
      } catch (NumberFormatException e) {
        throw bad(name, "a comma-separated list of rising whole numbers, e.g. 10,25,50,100");
      }
      for (int i = 0; i < out.size(); i++) {
        int v = out.get(i);
        if (v < min || v > max || (i > 0 && v <= out.get(i - 1))) {
          throw bad(name, "a comma-separated list of rising whole numbers from " + min + " to "
              + max + ", e.g. 10,25,50,100");
        }
      }
      return List.copyOf(out);
    }

    Optional<URI> optionalUrl(String name) {
      String v = value(name);
      if (v.isEmpty()) {
        return Optional.empty();
      }
      try {
        URI uri = new URI(v);
        if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
            && uri.getHost() != null) {
          String s = uri.toString();
          return Optional.of(URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s));
        }
      } catch (URISyntaxException ignored) {
        // reported below
      }
      throw bad(name, "an http:// or https:// URL with a host, e.g. http://127.0.0.1:8000");
    }

    OptionalLong optionalPid(String name) {
      String v = value(name);
      if (v.isEmpty()) {
        return OptionalLong.empty();
      }
      try {
        long pid = Long.parseLong(v);
        if (pid > 0) {
          return OptionalLong.of(pid);
        }
      } catch (NumberFormatException ignored) {
        // reported below
      }
      throw bad(name, "the process id (a positive whole number) of the target server");
    }

    Path path(String name) {
      return Path.of(text(name));
    }

    Optional<Path> optionalPath(String name) {
      String v = value(name);
      return v.isEmpty() ? Optional.empty() : Optional.of(Path.of(v));
    }
  }
}
