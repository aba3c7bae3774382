package org.port8000.perf.probe.browser;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.CDPSession;
import java.util.Optional;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Finds the page's renderer process and reads its resident memory. Chromium runs several renderers
 * (spare ones too); ours is the one whose CPU time (CDP SystemInfo.getProcessInfo) equals the
 * page's ProcessTime (CDP Performance.getMetrics), both read at the same moment.
 */
final class RendererProcess {
  private final CDPSession browserCdp;
  private final OperatingSystem os = new SystemInfo().getOperatingSystem();

  RendererProcess(Browser browser) {
    this.browserCdp = browser.newBrowserCDPSession();
  }

  /** The renderer PID whose CPU time is closest to {@code pageProcessTimeS}, if any. */
  Optional<Integer> find(double pageProcessTimeS) {
    JsonObject info = browserCdp.send("SystemInfo.getProcessInfo");
    Integer best = null;
    double bestGap = Double.MAX_VALUE;
    for (JsonElement e : info.getAsJsonArray("processInfo")) {
      JsonObject p = e.getAsJsonObject();
      if (!"renderer".equals(p.get("type").getAsString())) {
        continue;
      }
      double gap = Math.abs(p.get("cpuTime").getAsDouble() - pageProcessTimeS);
      if (gap < bestGap) {
        bestGap = gap;
        best = p.get("id").getAsInt();
      }
    }
    // CPU times are read a moment apart in two processes; more than 0.2 s apart is not a match.
    return bestGap <= 0.2 ? Optional.ofNullable(best) : Optional.empty();
  }

  /** Resident set size of {@code pid} in bytes, if the process is visible. */
  Optional<Long> rss(int pid) {
    OSProcess p = os.getProcess(pid);
    return p == null || p.getResidentSetSize() <= 0
        ? Optional.empty()
        : Optional.of(p.getResidentSetSize());
  }
}
