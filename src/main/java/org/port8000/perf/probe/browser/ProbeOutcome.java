package org.port8000.perf.probe.browser;

import org.port8000.perf.results.UiFacts;

/** The probe's result and the page screenshot (PNG), or null when there is none. */
public record ProbeOutcome(UiFacts result, byte[] screenshot) {

  public static ProbeOutcome notMeasured(String reason, String hint) {
    return new ProbeOutcome(UiFacts.notMeasured(reason, hint, java.util.List.of()), null);
  }
}
