package org.port8000.perf.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {

  /** Properties from key, value pairs: what {@code -D} options give {@link Settings#load()}. */
  private static Properties props(String... keyValues) {
    Properties p = new Properties();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      p.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return p;
  }

  private static SettingsException refused(String... keyValues) {
    return assertThrows(SettingsException.class, () -> Settings.load(props(keyValues)));
  }

  private static void assertMentions(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), () -> "expected '" + part + "' in: " + message);
    }
  }

  @Test
  void theAssignmentProfileIsTheDefaultAndHasTheAssignmentsFigures() {
    Settings s = Settings.load(props());
    assertAll(
        () -> assertEquals(Settings.ASSIGNMENT, s.profile()),
        () -> assertTrue(s.isFullAssignment()),
        () -> assertEquals(100, s.burstMessages()),
        () -> assertEquals(Duration.ofMillis(100), s.burstInterval()),
        () -> assertEquals(10, s.heartbeatClients()),
        () -> assertEquals(Duration.ofMillis(500), s.heartbeatInterval()),
        () -> assertEquals(Duration.ofSeconds(600), s.heartbeatDuration()),
        () -> assertEquals(500, s.leakMessages()),
        () -> assertEquals(Duration.ofSeconds(600), s.leakDuration()),
        () -> assertEquals(10, s.leakCycles()),
        () -> assertTrue(s.uiHistoryMessages() >= 100, "a history of at least 100 to scroll"),
        () -> assertEquals(100, s.uiRenderMessages()),
        () -> assertEquals(Duration.ofSeconds(5), s.replyTimeout()),
        () -> assertEquals(Optional.empty(), s.targetUrl()),
        () -> assertFalse(s.allowRemote()));
  }

  @Test
  void namingTheAssignmentProfileExplicitlyGivesTheSameFigures() {
    Settings s = Settings.load(props(Settings.PROFILE, " assignment "));
    assertEquals(Settings.ASSIGNMENT, s.profile());
    assertEquals(100, s.burstMessages());
    assertEquals(Duration.ofSeconds(600), s.heartbeatDuration());
  }

  @Test
  void theSmokeProfileLoadsAndIsSmallerThanTheAssignment() {
    Settings smoke = Settings.load(props(Settings.PROFILE, "smoke"));
    Settings full = Settings.load(props());
    assertAll(
        () -> assertEquals(Settings.SMOKE, smoke.profile()),
        () -> assertFalse(smoke.isFullAssignment()),
        () -> assertTrue(smoke.burstMessages() < full.burstMessages()),
        () -> assertTrue(smoke.heartbeatDuration().compareTo(full.heartbeatDuration()) < 0),
        () -> assertTrue(smoke.leakMessages() < full.leakMessages()),
        () -> assertTrue(smoke.leakDuration().compareTo(full.leakDuration()) < 0),
        () -> assertTrue(smoke.footprintConnections() < full.footprintConnections()),
        () -> assertTrue(smoke.throughputSteps().size() < full.throughputSteps().size()),
        () -> assertTrue(smoke.uiHistoryMessages() >= 100, "still a history of at least 100"));
  }

  @Test
  void systemPropertyOverridesWinOverTheProfile() {
    Settings s =
        Settings.load(
            props(
                Settings.PROFILE,
                "smoke",
                "burst.messages",
                " 17 ",
                "heartbeat.durationSeconds",
                "3",
                "throughput.steps",
                "5, 9,12",
                "target.url",
                "http://127.0.0.1:8123/",
                "target.pid",
                "4242",
                "target.allowRemote",
                "true",
                "ui.selector.send",
                "#go"));
    assertAll(
        () -> assertEquals(17, s.burstMessages()),
        () -> assertEquals("17", s.raw("burst.messages")),
        () -> assertEquals(Duration.ofSeconds(3), s.heartbeatDuration()),
        () -> assertEquals(List.of(5, 9, 12), s.throughputSteps()),
        () ->
            assertEquals(
                Optional.of(URI.create("http://127.0.0.1:8123")),
                s.targetUrl(),
                "the trailing slash is dropped so paths can be appended"),
        () -> assertEquals(OptionalLong.of(4242), s.targetPid()),
        () -> assertTrue(s.allowRemote()),
        () -> assertEquals("#go", s.uiSelectors().send()),
        // settings that were not overridden keep the smoke profile's values
        () ->
            assertEquals(
                Settings.load(props(Settings.PROFILE, "smoke")).leakMessages(), s.leakMessages()));
  }

  @Test
  void overridingAnAssignmentFigureMeansTheRunIsNoLongerTheFullAssignment() {
    // A run that measured 5 messages instead of 100 must not be allowed to sign off.
    assertFalse(Settings.load(props("burst.messages", "15")).isFullAssignment());
    assertFalse(Settings.load(props("heartbeat.durationSeconds", "60")).isFullAssignment());
    // Where the target is and where reports go does not change what is measured.
    assertTrue(
        Settings.load(props("target.url", "http://127.0.0.1:8000", "report.root", "/tmp/x"))
            .isFullAssignment());
    // Restating the assignment's own figure is still the full assignment.
    assertTrue(Settings.load(props("burst.messages", "100")).isFullAssignment());
  }

  @Test
  void unknownPropertiesAreIgnoredRatherThanTreatedAsSettings() {
    Settings s = Settings.load(props("java.version", "1", "burst.mesages", "3"));
    assertEquals(100, s.burstMessages());
  }

  @Test
  void refusesAnUnknownProfileNamingTheAcceptedValues() {
    String m = refused(Settings.PROFILE, "nightly").getMessage();
    assertMentions(m, "'perf.profile'", "'nightly'", "assignment, smoke", "-Dperf.profile=smoke");
  }

  @ParameterizedTest
  @CsvSource({
    "burst.messages, abc, a whole number from 1 to 100000",
    "burst.messages, 1.5, a whole number from 1 to 100000",
    "burst.messages, 0, a whole number from 1 to 100000",
    "heartbeat.clients, 10001, a whole number from 1 to 10000",
    "heartbeat.intervalMs, -500, a whole number from 10 to 60000",
    "sampler.intervalMs, 10, a whole number from 50 to 1000",
    "target.startTimeoutSeconds, 99999999999, a whole number from 1 to 600",
    "ui.historyMessages, 99, a whole number from 100 to 5000",
  })
  void refusesANonNumericOrOutOfRangeIntegerNamingSettingValueAndRange(
      String setting, String value, String accepted) {
    String m = refused(setting, value).getMessage();
    assertMentions(m, "'" + setting + "'", "'" + value + "'", accepted, "-D" + setting + "=");
  }

  @ParameterizedTest
  @ValueSource(strings = {"10,25,25,50", "100,50", "10,x,50", "10,,50", "0,10", "10,200000"})
  void refusesThroughputStepsThatDoNotRiseNamingTheSettingAndAnExample(String steps) {
    String m = refused("throughput.steps", steps).getMessage();
    assertMentions(
        m, "'throughput.steps'", "'" + steps + "'", "rising whole numbers", "e.g. 10,25,50,100");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://127.0.0.1:8000",
        "http://:8000",
        "http:///api",
        "127.0.0.1:8000",
        "localhost",
        "http://127.0.0.1:80 00"
      })
  void refusesATargetUrlThatIsNotHttpWithAHost(String url) {
    String m = refused("target.url", url).getMessage();
    assertMentions(
        m,
        "'target.url'",
        "'" + url + "'",
        "http:// or https:// URL with a host",
        "http://127.0.0.1:8000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "0", "-12", "12.5"})
  void refusesATargetPidThatIsNotAPositiveWholeNumber(String pid) {
    String m = refused("target.pid", pid).getMessage();
    assertMentions(m, "'target.pid'", "'" + pid + "'", "positive whole number");
  }

  @ParameterizedTest
  @ValueSource(strings = {"maybe", "yes", "1"})
  void refusesAnAllowRemoteThatIsNotTrueOrFalse(String value) {
    String m = refused("target.allowRemote", value).getMessage();
    assertMentions(m, "'target.allowRemote'", "'" + value + "'", "true or false");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void refusesAnEmptySelectorNamingIt(String value) {
    String m = refused("ui.selector.send", value).getMessage();
    assertMentions(m, "'ui.selector.send'", "a non-empty value");
  }

  @Test
  void refusesABurstLongerThanSixHoursNamingBothSettings() {
    String m = refused("burst.messages", "100000", "burst.intervalMs", "60000").getMessage();
    assertMentions(m, "'burst.messages'", "'burst.intervalMs'", "6 hours");
  }

  @Test
  void refusesABurstShorterThanASecondWhichGatlingCannotInject() {
    String m = refused("burst.messages", "10", "burst.intervalMs", "50").getMessage();
    assertMentions(m, "'burst.messages'", "'burst.intervalMs'", "shorter than 1 s");
  }

  @Test
  void bothProfilesGiveTheReferenceServerAnExplicitHeapAndAWrongOneIsRefused() {
    assertEquals(512, Settings.load(props()).referenceMaxHeapMb());
    assertEquals(512, Settings.load(props(Settings.PROFILE, Settings.SMOKE)).referenceMaxHeapMb());
    Settings s =
        Settings.load(props(Settings.PROFILE, Settings.SMOKE, "reference.maxHeapMb", "256"));
    assertEquals(256, s.referenceMaxHeapMb());
    String m = refused("reference.maxHeapMb", "lots").getMessage();
    assertMentions(
        m, "'reference.maxHeapMb'", "'lots'", "from 64 to 65536", "-Dreference.maxHeapMb=");
    assertFalse(
        Settings.load(props("reference.maxHeapMb", "1024")).isFullAssignment(),
        "another heap changes the memory figures: not the assignment");
  }

  @Test
  void listsEverySettingTheProfilesUse() {
    List<String> names = Settings.names();
    for (String n :
        List.of(
            "target.url",
            "target.pid",
            "target.allowRemote",
            "target.startTimeoutSeconds",
            "burst.messages",
            "throughput.steps",
            "leak.cycles",
            "ui.selector.send")) {
      assertTrue(names.contains(n), n);
    }
  }

  @Test
  void theBenchmarkIsScaledDownInSmokeAndBoundedInBothProfiles() {
    BenchmarkSettings full = Settings.load(props()).benchmark();
    BenchmarkSettings smoke = Settings.load(props(Settings.PROFILE, Settings.SMOKE)).benchmark();
    assertAll(
        () -> assertEquals(Duration.ofSeconds(30), full.idle()),
        () -> assertEquals(50, full.botsMax()),
        () -> assertEquals(List.of(100, 500, 1000, 2000, 5000), full.connectionLevels()),
        () ->
            assertTrue(
                smoke.plannedLength().compareTo(Duration.ofSeconds(60)) <= 0,
                "smoke benchmark planned " + smoke.plannedLength()),
        () -> assertTrue(smoke.plannedLength().compareTo(full.plannedLength()) < 0),
        () -> assertTrue(smoke.botsMax() < full.botsMax()));
  }

  @ParameterizedTest
  @CsvSource({
    "benchmark.api.steps, '100,50', rising whole numbers",
    "benchmark.connections.levels, '0', rising whole numbers",
    "benchmark.bots.max, 4, a whole number from 5 to 190",
    "benchmark.churn.coolDownSeconds, soon, a whole number from 1 to 600",
    "benchmark.churn.rounds, 2, a whole number from 3 to 20"
  })
  void aWrongBenchmarkSettingIsRefusedNamingItAndTheFix(
      String setting, String value, String accepted) {
    String m = refused(setting, value).getMessage();
    assertMentions(m, "'" + setting + "'", "'" + value + "'", accepted, "-D" + setting + "=");
  }

  @Test
  void theReplyErrorPatternMatchesTheOriginalServersErrorTextByDefault() {
    Settings s = Settings.load(props());

    assertTrue(s.replyErrorPattern().matcher("Sorry. [Error: Connection error.]").find());
    assertTrue(!s.replyErrorPattern().matcher("Echo: hello [ok]").find());
  }

  @Test
  void aBadReplyErrorPatternIsRefusedNamingTheSettingAndWhatIsWrong() {
    SettingsException e = refused("reply.errorPattern", "[Error");

    assertMentions(
        e.getMessage(),
        "reply.errorPattern",
        "[Error",
        "regular expression",
        "-Dreply.errorPattern=");
  }
}
