package org.port8000.perf.config;

import org.port8000.perf.target.LoopbackGuard;

/**
 * Runs before any simulation ({@code mvn verify}'s pre-integration-test): validates every
 * setting and refuses a non-loopback target, so a wrong setting fails before any load.
 */
public final class SettingsCheck {
  private SettingsCheck() {}

  public static void main(String[] args) {
    Settings s = Settings.load();
    s.targetUrl().ifPresent(url -> LoopbackGuard.check(url, s.allowRemote()));
    System.out.println("[perf] settings OK: profile " + s.profile() + ", target "
        + s.targetUrl().map(Object::toString).orElse("embedded reference server"));
  }
}
