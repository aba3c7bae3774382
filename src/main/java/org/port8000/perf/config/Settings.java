package org.port8000.perf.config;

import static org.port8000.perf.config.SettingsRegistry.*;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Every parameter of a run, read once from the profile ({@code
 * resources/profiles/<name>.properties}) and the {@code -D} system properties that override it.
 * Simulations, probes and the report step take their parameters from here and nowhere else.
 */
public final class Settings {

  public static final String PROFILE = "perf.profile";
  public static final String ASSIGNMENT = "assignment";
  public static final String SMOKE = "smoke";
  public static final List<String> PROFILES = List.of(ASSIGNMENT, SMOKE);

  /** The reference server's own settings, passed on to it as they are. */
  private static final String REFERENCE_PREFIX = "reference.";

  private static final List<String> NAMES =
      SettingsRegistry.ALL.stream().map(Setting::name).toList();

  private final String profile;
  private final boolean fullAssignment;
  private final Map<String, String> values;
  private final Map<String, String> referenceProperties;
  private final Map<Setting<?>, Object> parsed = new HashMap<>();
  private final BenchmarkSettings benchmark;
  private InjectorShare injector;

  private Settings(
      String profile,
      boolean fullAssignment,
      Map<String, String> values,
      Map<String, String> referenceProperties) {
    this.profile = profile;
    this.fullAssignment = fullAssignment;
    this.values = Collections.unmodifiableMap(values);
    this.referenceProperties = Collections.unmodifiableMap(referenceProperties);
    PropertyReader r = new PropertyReader(values, ", or change it in resources/profiles/");
    for (Setting<?> setting : SettingsRegistry.ALL) {
      parsed.put(setting, setting.read(r));
    }
    this.benchmark = BenchmarkSettings.of(this);
    Duration burst = burstInterval().multipliedBy(burstMessages());
    // Gatling 3.15 never starts an open injection shorter than a second: refuse it up front.
    if (burst.compareTo(Duration.ofSeconds(1)) < 0) {
      throw SettingsException.of(
          List.of(BURST_MESSAGES, BURST_INTERVAL),
          values,
          "make a burst shorter than 1 s, which Gatling cannot inject; raise one of them");
    }
    int injectors = get(INJECTOR_COUNT);
    if (get(INJECTOR_INDEX).isPresent() && get(INJECTOR_INDEX).getAsInt() >= injectors) {
      throw SettingsException.of(
          List.of(INJECTOR_INDEX, INJECTOR_COUNT),
          values,
          "name an injector that does not exist (indexes run from 0 to count - 1)");
    }
    // Generated ids differ per injector, and the merge refuses results of different runs.
    if (injectors > 1 && get(INJECTOR_RUN_ID).isEmpty()) {
      throw SettingsException.of(
          List.of(INJECTOR_COUNT, INJECTOR_RUN_ID),
          values,
          "leave the injectors without a shared run id; give every injector the same"
              + " -Dinjector.runId");
    }
    // Each injector would start a reference server of its own: N servers, none fully loaded.
    if (injectors > 1 && get(TARGET_URL).isEmpty()) {
      throw SettingsException.of(
          List.of(INJECTOR_COUNT, TARGET_URL),
          values,
          "let every injector load a reference server of its own; give the injectors the"
              + " server they share with -Dtarget.url (one instance or its balancer)");
    }
    instancesCheck(values);
    if (burst.compareTo(Duration.ofHours(6)) > 0) {
      throw SettingsException.of(
          List.of(BURST_MESSAGES, BURST_INTERVAL),
          values,
          "make a burst longer than 6 hours; lower one of them");
    }
  }

  /**
   * Instances are of a target given by URL (this run's own reference server is one process), and
   * replace {@code target.pid}: two names for the target's processes could disagree.
   */
  private void instancesCheck(Map<String, String> values) {
    if (get(TARGET_INSTANCES).isEmpty()) {
      return;
    }
    if (get(TARGET_URL).isEmpty()) {
      throw SettingsException.of(
          List.of(TARGET_INSTANCES, TARGET_URL),
          values,
          "name instances of the reference server this run starts itself (one process); give"
              + " the instances' balancer or one of them with -Dtarget.url");
    }
    if (get(TARGET_PID).isPresent()) {
      throw SettingsException.of(
          List.of(TARGET_INSTANCES, TARGET_PID),
          values,
          "name the target's processes twice; put the PID into -Dtarget.instances"
              + " (pid:<id>) and leave -Dtarget.pid unset");
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
      throw new SettingsException(
          "Setting '"
              + PROFILE
              + "' is '"
              + profile
              + "': accepted values are "
              + String.join(", ", PROFILES)
              + ". Fix: -D"
              + PROFILE
              + "=smoke for a quick run, or leave it unset for the assignment.");
    }
    Map<String, String> profileValues = readProfile(profile);
    Map<String, String> values = new LinkedHashMap<>();
    for (Setting<?> setting : SettingsRegistry.ALL) {
      if (setting.defaultValue() != null) {
        values.put(setting.name(), setting.defaultValue());
      }
    }
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
    boolean fullAssignment =
        ASSIGNMENT.equals(profile)
            && profileValues.entrySet().stream()
                .allMatch(e -> e.getValue().equals(values.get(e.getKey())));
    return new Settings(profile, fullAssignment, values, reference);
  }

  /** The values a profile file sets, by setting name; refuses an unknown setting. */
  static Map<String, String> readProfile(String profile) {
    String resource = "profiles/" + profile + ".properties";
    Properties p = new Properties();
    try (InputStream in = Settings.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new SettingsException(
            "Profile '"
                + profile
                + "' has no file "
                + resource
                + " on the classpath: run from the project folder with Maven (resources/ is a"
                + " resource root) or restore resources/"
                + resource
                + ".");
      }
      p.load(in);
    } catch (IOException e) {
      throw new SettingsException(
          "Profile file " + resource + " cannot be read: " + e.getMessage());
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (String key : p.stringPropertyNames()) {
      if (!NAMES.contains(key)) {
        throw new SettingsException(
            "Profile file "
                + resource
                + " sets unknown setting '"
                + key
                + "'. Known settings: "
                + String.join(", ", NAMES));
      }
      m.put(key, p.getProperty(key).trim());
    }
    return m;
  }

  /** Names of every setting, in the order docs/settings.md lists them. */
  public static List<String> names() {
    return NAMES;
  }

  /** The value of a setting of the registry, as read and checked. */
  @SuppressWarnings("unchecked")
  public <T> T get(Setting<T> setting) {
    return (T) parsed.get(setting);
  }

  public String profile() {
    return profile;
  }

  /**
   * True only for the assignment's full parameters (the assignment profile with none of its values
   * overridden): the only runs that may sign off.
   */
  public boolean isFullAssignment() {
    return fullAssignment;
  }

  /** The raw value of a setting as resolved (profile, then -D override). */
  public String raw(String name) {
    return values.get(name);
  }

  /** The {@code reference.*} properties given for this run; the reference server checks them. */
  public Map<String, String> referenceProperties() {
    return referenceProperties;
  }

  public Optional<URI> targetUrl() {
    return get(TARGET_URL);
  }

  public OptionalLong targetPid() {
    return get(TARGET_PID);
  }

  /** The instances of a target that runs as several; empty for a target of one process. */
  public List<TargetInstance> targetInstances() {
    return get(TARGET_INSTANCES);
  }

  public boolean allowRemote() {
    return get(TARGET_ALLOW_REMOTE);
  }

  public Duration targetStartTimeout() {
    return get(TARGET_START_TIMEOUT);
  }

  /**
   * The embedded reference server's maximum heap ({@code -Xmx}, MB) when this run launches it: set
   * explicitly so its memory figures do not depend on the machine's RAM.
   */
  public int referenceMaxHeapMb() {
    return get(REFERENCE_MAX_HEAP);
  }

  public Path reportRoot() {
    return get(REPORT_ROOT);
  }

  public Path gatlingResultsFolder() {
    return get(GATLING_RESULTS);
  }

  /** Where machine-readable outputs go (summary.json, junit.xml). */
  public Path perfOutputFolder() {
    return get(OUTPUT_FOLDER);
  }

  public int burstMessages() {
    return get(BURST_MESSAGES);
  }

  public Duration burstInterval() {
    return get(BURST_INTERVAL);
  }

  public Duration replyTimeout() {
    return get(REPLY_TIMEOUT);
  }

  public List<Integer> throughputSteps() {
    return get(THROUGHPUT_STEPS);
  }

  public Duration throughputStep() {
    return get(THROUGHPUT_STEP);
  }

  /** A reply whose content matches this (found anywhere in it) is a failed message. */
  public Pattern replyErrorPattern() {
    return get(REPLY_ERROR_PATTERN);
  }

  /** The message chain at the first step's rate before the measured phases, not counted. */
  public Duration throughputWarmup() {
    return get(THROUGHPUT_WARMUP);
  }

  public int heartbeatClients() {
    return get(HEARTBEAT_CLIENTS);
  }

  public Duration heartbeatInterval() {
    return get(HEARTBEAT_INTERVAL);
  }

  public Duration heartbeatDuration() {
    return get(HEARTBEAT_DURATION);
  }

  public int footprintConnections() {
    return get(FOOTPRINT_CONNECTIONS);
  }

  public int leakMessages() {
    return get(LEAK_MESSAGES);
  }

  public Duration leakDuration() {
    return get(LEAK_DURATION);
  }

  public int leakCycles() {
    return get(LEAK_CYCLES);
  }

  public int uiHistoryMessages() {
    return get(UI_HISTORY_MESSAGES);
  }

  public int uiRenderMessages() {
    return get(UI_RENDER_MESSAGES);
  }

  public Duration uiScroll() {
    return get(UI_SCROLL);
  }

  public Optional<Path> browserExecutable() {
    return get(BROWSER_EXECUTABLE);
  }

  public UiSelectors uiSelectors() {
    return new UiSelectors(
        get(UI_SELECTOR_MESSAGES),
        get(UI_SELECTOR_MESSAGE),
        get(UI_SELECTOR_CONTENT),
        get(UI_SELECTOR_INPUT),
        get(UI_SELECTOR_SEND),
        get(UI_SELECTOR_BOT_LIST),
        get(UI_SELECTOR_SELECT_BOT));
  }

  public Duration samplerInterval() {
    return get(SAMPLER_INTERVAL);
  }

  /** This injector's share of the load (index from JOB_COMPLETION_INDEX when unset). */
  public synchronized InjectorShare injector() {
    if (injector == null) {
      injector = InjectorShare.of(this, System.getenv());
    }
    return injector;
  }

  /** The operation benchmark's parameters. */
  public BenchmarkSettings benchmark() {
    return benchmark;
  }

  /** Folder of the baselines (one sub-folder per target and profile) and the run history. */
  public Path baselineDir() {
    return get(BASELINE_DIR);
  }

  /** The smallest relative change, in %, that can count as a regression or improvement. */
  public int baselineMinChangePercent() {
    return get(BASELINE_MIN_CHANGE);
  }

  public boolean baselineFailOnRegression() {
    return get(BASELINE_FAIL_ON_REGRESSION);
  }

  /** Promote a run to the baseline even when it did not PASS. */
  public boolean baselineForce() {
    return get(BASELINE_FORCE);
  }

  /** How many runs the trend charts show. */
  public int baselineTrendRuns() {
    return get(BASELINE_TREND_RUNS);
  }

  /** CSS selectors of the chat UI; the defaults are the original Port 8000 UI's ids. */
  public record UiSelectors(
      String messages,
      String message,
      String content,
      String input,
      String send,
      String botList,
      String selectBot) {}
}
