package org.port8000.perf.target;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.port8000.perf.config.Settings;

/**
 * Only the guard's decision is tested: it resolves literal addresses (and localhost) without
 * sending anything, and no test here connects to a non-loopback address.
 */
class LoopbackGuardTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8000",
        "http://127.0.0.2:8000",
        "http://127.255.0.9",
        "http://localhost:8000",
        "http://[::1]:8000",
        "https://127.0.0.1"
      })
  void acceptsLoopbackAddresses(String url) {
    assertDoesNotThrow(() -> LoopbackGuard.check(URI.create(url), false));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://10.1.2.3:8000",
        "http://192.0.2.10",
        "http://203.0.113.5:80",
        "http://192.168.1.20:8000",
        "http://0.0.0.0:8000",
        "http://[2001:db8::1]:8000"
      })
  void refusesANonLoopbackAddressNamingTheSettingAndTheOptIn(String url) {
    TargetException e =
        assertThrows(TargetException.class, () -> LoopbackGuard.check(URI.create(url), false));
    String m = e.getMessage();
    assertTrue(m.contains("'target.url'"), m);
    assertTrue(m.contains("'" + url + "'"), m);
    assertTrue(m.contains("not a loopback address"), m);
    assertTrue(m.contains("-Dtarget.allowRemote=true"), m);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://10.1.2.3:8000", "http://192.0.2.10", "http://203.0.113.5:80"})
  void allowsANonLoopbackAddressWhenRemoteTargetsAreAllowed(String url) {
    assertDoesNotThrow(() -> LoopbackGuard.check(URI.create(url), true));
  }

  @Test
  void refusesAUrlWithoutAHostNamingTheSetting() {
    TargetException e =
        assertThrows(
            TargetException.class, () -> LoopbackGuard.check(URI.create("http:///api"), false));
    assertTrue(e.getMessage().contains("'target.url'"), e.getMessage());
    assertTrue(e.getMessage().contains("no host"), e.getMessage());
  }

  @Test
  void checksTheUrlAsSettingsResolveIt() {
    Properties p = new Properties();
    p.setProperty("target.url", "http://[::1]:8000/");
    Settings loopback = Settings.load(p);
    assertDoesNotThrow(() -> LoopbackGuard.check(loopback.targetUrl().orElseThrow(), false));

    p.setProperty("target.url", "http://203.0.113.5:8000/");
    Settings remote = Settings.load(p);
    assertThrows(
        TargetException.class,
        () -> LoopbackGuard.check(remote.targetUrl().orElseThrow(), remote.allowRemote()));
  }
}
