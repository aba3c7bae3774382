package org.port8000.perf.report;

import java.nio.file.Path;

/** Where each output goes, under the report root and the machine-readable output folder. */
public record ReportFiles(Path reportRoot, Path perfOutput) {
  public static final String REPORT = "PORT-8000-PERFORMANCE-OPTIMIZATION.md";
  public static final String BENCHMARK = "PORT-8000-PERFORMANCE-BENCHMARK.md";
  public static final String STATUS = "BOT-003-PERFORMANCE-OPTIMIZATION-WINDOW-2-COMPLETE.md";

  public Path reportsFolder() {
    return reportRoot.resolve(".deia").resolve("reports");
  }

  public Path report() {
    return reportsFolder().resolve(REPORT);
  }

  public Path benchmark() {
    return reportsFolder().resolve(BENCHMARK);
  }

  public Path status() {
    return reportRoot.resolve(".deia/hive/responses/deiasolutions").resolve(STATUS);
  }

  public Path chartsFolder() {
    return reportsFolder().resolve("charts");
  }

  public Path assetsFolder() {
    return reportsFolder().resolve("assets");
  }

  public Path summaryJson() {
    return perfOutput.resolve("summary.json");
  }

  public Path junitXml() {
    return perfOutput.resolve("junit.xml");
  }
}
