package org.port8000.perf.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.port8000.perf.analysis.CheckIds;
import org.port8000.perf.results.AtomicFiles;
import org.port8000.perf.results.ProbeFiles;

/**
 * {@code perf-history.jsonl} beside the baselines: one JSON line per run (its start time, the
 * commit if known, target, profile, verdict and key figures), oldest first. A run re-reported
 * without new load ({@code mvn exec:java@report}) is not appended twice.
 */
public final class History {
  public static final String FILE = "perf-history.jsonl";

  /** The figures kept per run, with their labels and units. */
  static final Map<String, String[]> HEADLINES = headlines();

  /** The assignment's headline figures, drawn as trends (the medians serve the noise). */
  static final List<String> CHARTED =
      List.of(
          CheckIds.BURST_P95,
          CheckIds.THROUGHPUT_SUSTAINED,
          CheckIds.HEARTBEAT_STABILITY,
          CheckIds.MEMORY_PER_CONNECTION,
          CheckIds.UI_DISPLAY,
          CheckIds.LEAK_RATE);

  private static final ObjectMapper LINE =
      ProbeFiles.JSON.copy().disable(SerializationFeature.INDENT_OUTPUT);

  /** One run. */
  public record Line(
      Instant time,
      String commit,
      String target,
      String profile,
      String verdict,
      Map<String, Double> figures) {
    public Line {
      figures = figures == null ? Map.of() : Map.copyOf(figures);
    }
  }

  private final Path file;

  public History(Path dir) {
    this.file = dir.resolve(FILE);
  }

  public Path file() {
    return file;
  }

  public static Line lineOf(RunSnapshot s) {
    Map<String, Double> figures = new LinkedHashMap<>();
    HEADLINES
        .keySet()
        .forEach(
            k -> {
              Double v = s.figures().get(k);
              if (v != null) {
                figures.put(k, v);
              }
            });
    return new Line(s.runStartedAt(), s.commit(), s.target(), s.profile(), s.verdict(), figures);
  }

  public List<Line> read() {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    List<Line> lines = new ArrayList<>();
    try {
      for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!text.isBlank()) {
          lines.add(LINE.readValue(text, Line.class));
        }
      }
    } catch (IOException e) {
      throw new BaselineException(
          "Cannot read the history "
              + file
              + " ("
              + e.getMessage()
              + "). Fix or remove the broken line; every line is one JSON object.",
          e);
    }
    return lines;
  }

  /** The last {@code n} runs of this target and profile, with {@code now} last. */
  public List<Line> recent(Line now, int n) {
    List<Line> same =
        new ArrayList<>(
            read().stream()
                .filter(l -> l.target().equals(now.target()) && l.profile().equals(now.profile()))
                .filter(l -> !l.time().equals(now.time()))
                .toList());
    same.add(now);
    return same.subList(Math.max(0, same.size() - n), same.size());
  }

  /** Appends the run unless the history already holds it (same target, profile, start time). */
  public void append(Line now) {
    List<Line> lines = read();
    boolean known =
        lines.stream()
            .anyMatch(
                l ->
                    l.time().equals(now.time())
                        && l.target().equals(now.target())
                        && l.profile().equals(now.profile()));
    if (known) {
      return;
    }
    StringBuilder out = new StringBuilder();
    try {
      for (Line l : lines) {
        out.append(LINE.writeValueAsString(l)).append('\n');
      }
      out.append(LINE.writeValueAsString(now)).append('\n');
    } catch (JsonProcessingException e) {
      throw new BaselineException("Cannot write the history line: " + e.getMessage(), e);
    }
    AtomicFiles.write(file, out.toString());
  }

  private static Map<String, String[]> headlines() {
    Map<String, String[]> m = new LinkedHashMap<>();
    m.put(CheckIds.BURST_MEDIAN, new String[] {"Burst latency, median", "ms"});
    m.put(CheckIds.BURST_P95, new String[] {"Burst latency p95", "ms"});
    m.put(CheckIds.THROUGHPUT_SUSTAINED, new String[] {"Sustained throughput", "msg/s"});
    m.put(CheckIds.HEARTBEAT_STABILITY, new String[] {"Heartbeat stability", "%"});
    m.put(CheckIds.HEARTBEAT_MEDIAN, new String[] {"Heartbeat round trip, median", "ms"});
    m.put(CheckIds.MEMORY_PER_CONNECTION, new String[] {"Memory per connection", "MB"});
    m.put(CheckIds.UI_DISPLAY, new String[] {"UI display time p95", "ms"});
    m.put(CheckIds.LEAK_RATE, new String[] {"Leak rate", "MB/1000 messages"});
    return m;
  }
}
