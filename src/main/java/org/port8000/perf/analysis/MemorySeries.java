package org.port8000.perf.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.port8000.perf.results.ResourceFacts;

/** Shared readings of a sampler series: MB figures, the trend chart, the target's fate. */
final class MemorySeries {
  static final double MB = Format.MB;

  private MemorySeries() {}

  /** The memory-trend chart: seconds on x, resident MB on y, every checkpoint marked. */
  static Chart chart(String fileName, String title, ResourceFacts s) {
    List<Chart.Point> points = new ArrayList<>();
    for (ResourceFacts.Sample x : s.samples()) {
      points.add(new Chart.Point(x.t() / 1000.0, x.rssBytes() / MB));
    }
    List<Chart.Marker> markers = new ArrayList<>();
    for (ResourceFacts.Checkpoint c : s.checkpoints()) {
      markers.add(new Chart.Marker(c.t() / 1000.0, c.label()));
    }
    if (s.targetLost()) {
      markers.add(new Chart.Marker(s.targetLostAtMs() / 1000.0, "target lost"));
    }
    return new Chart(
        fileName,
        title,
        "seconds since start",
        "resident memory of the target (MB)",
        points,
        markers);
  }

  /**
   * The reading of a checkpoint, if it was marked and could be read: empty, never a null value,
   * when its reading is null ({@code Optional.map} drops it).
   */
  static Optional<Long> at(ResourceFacts s, String label) {
    return s.checkpoint(label).map(ResourceFacts.Checkpoint::rssBytes);
  }

  /** Why a reading is missing: no source, the target was lost, or the step never happened. */
  static String whyMissing(ResourceFacts s, String label) {
    if (!ResourceFacts.PID.equals(s.source()) && !ResourceFacts.METRICS.equals(s.source())) {
      return "the target's memory could not be read (" + s.sourceReason() + ")";
    }
    if (s.checkpoint(label).isPresent() && s.targetLost()) {
      return "the target was gone when \""
          + label
          + "\" was reached ("
          + s.targetLostReason()
          + ")";
    }
    if (s.checkpoint(label).isEmpty()) {
      return "the run never reached \""
          + label
          + "\""
          + (s.targetLost()
              ? " (the target was lost at "
                  + seconds(s.targetLostAtMs())
                  + ": "
                  + s.targetLostReason()
                  + ")"
              : "");
    }
    return "no reading could be taken at \"" + label + "\"";
  }

  /** "the sampler lost the target at 12.3 s (…)" for notes, or empty. */
  static Optional<String> lostNote(ResourceFacts s) {
    if (!s.targetLost()) {
      return Optional.empty();
    }
    return Optional.of(
        "The resource sampler lost the target at "
            + seconds(s.targetLostAtMs())
            + " after the start ("
            + s.targetLostReason()
            + "); the last memory sample is at "
            + (s.samples().isEmpty() ? "–" : seconds(s.samples().get(s.samples().size() - 1).t()))
            + ".");
  }

  static String seconds(long ms) {
    return Format.number(ms / 1000.0) + " s";
  }

  static String mbSigned(double bytes) {
    return (bytes >= 0 ? "+" : "") + Format.mb(bytes) + " MB";
  }

  /** Where the readings came from, for a detail line. */
  static String sourceText(ResourceFacts s) {
    return s.source()
        + " ("
        + s.sourceReason()
        + "), "
        + s.samples().size()
        + " samples every "
        + s.intervalMs()
        + " ms";
  }

  /** "10 minutes", "20 seconds", "90 seconds". */
  static String duration(long seconds) {
    if (seconds % 60 == 0) {
      long m = seconds / 60;
      return m + (m == 1 ? " minute" : " minutes");
    }
    return seconds + " seconds";
  }
}
