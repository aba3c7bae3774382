package org.port8000.perf.simulations;

import java.util.LinkedHashMap;
import java.util.Map;
import org.port8000.perf.config.Settings;
import org.port8000.perf.probe.CapabilityProbe;
import org.port8000.perf.results.CapabilityFacts;
import org.port8000.perf.target.RunningTarget;

/** Before any load: says which target a simulation loads and asks it what it can do. */
final class TargetCheck {
  private TargetCheck() {}

  /** Prints the target, asks it (one chat message, one heartbeat, the page, /metrics), prints. */
  static CapabilityFacts of(Class<?> simulation, Settings settings, RunningTarget target) {
    System.out.println(
        "[perf] "
            + simulation.getSimpleName()
            + ": profile "
            + settings.profile()
            + ", target "
            + target.baseUrl()
            + (target.startedByThisRun()
                ? " (reference server started for this run, pid " + target.pid().getAsLong() + ")"
                : ""));
    CapabilityFacts capabilities;
    try {
      capabilities = capabilities(settings, target);
    } catch (RuntimeException e) {
      target.close();
      throw e;
    }
    System.out.println(
        "[perf] target capabilities: streams "
            + CapabilityFacts.state(capabilities.streams())
            + ", heartbeat ack "
            + CapabilityFacts.state(capabilities.heartbeatAck())
            + ", id echo "
            + CapabilityFacts.state(capabilities.echoesId())
            + ", chat page "
            + CapabilityFacts.state(capabilities.chatPage())
            + ", /metrics "
            + CapabilityFacts.state(capabilities.metrics())
            + ", pid alive "
            + CapabilityFacts.state(capabilities.pidAlive()));
    return capabilities;
  }

  private static CapabilityFacts capabilities(Settings settings, RunningTarget target) {
    Settings.UiSelectors ui = settings.uiSelectors();
    Map<String, String> page = new LinkedHashMap<>();
    page.put("ui.selector.messages", ui.messages());
    page.put("ui.selector.input", ui.input());
    page.put("ui.selector.send", ui.send());
    page.put("ui.selector.botList", ui.botList());
    return new CapabilityProbe(
            target.baseUrl(), target.wsUrl(), settings.replyTimeout(), page, target.pid())
        .check();
  }
}
