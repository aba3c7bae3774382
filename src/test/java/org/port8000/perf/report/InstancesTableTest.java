package org.port8000.perf.report;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.analysis.Area;
import org.port8000.perf.analysis.AreaResult;
import org.port8000.perf.analysis.BenchmarkResult;
import org.port8000.perf.analysis.Check;
import org.port8000.perf.analysis.RunVerdict;
import org.port8000.perf.analysis.Status;
import org.port8000.perf.analysis.Table;

/** A section's table (the target's memory per instance) as the optimization report shows it. */
class InstancesTableTest {
  private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir Path root;

  @Test
  void aSectionsTableIsAMarkdownTableAfterItsDetails() throws Exception {
    AreaResult memory =
        AreaResult.builder(Area.MEMORY)
            .detail("Memory source", "pid (the sum of the 2 instances)")
            .check(new Check("memory.leak.rate", 1.0, "MB", "<= 31.3", Status.PASS, ""))
            .table(
                new Table(
                    "Target instances (2, `target.instances`)",
                    List.of("Instance", "Memory peak"),
                    List.of(
                        List.of("pid:11", "60 MB"),
                        List.of("a|b", "45 MB"),
                        List.of("Sum (the target)", "105 MB")),
                    "Every memory figure is the sum's."))
            .build("Stable");
    List<AreaResult> areas = List.of(memory);
    ReportFiles files = new ReportFiles(root, root.resolve("target/perf"));
    new ReportWriter(files, new TemplateRenderer(), c -> "<svg/>")
        .write(
            new ReportInput(
                areas,
                BenchmarkResult.notRun(),
                List.of(),
                Optional.empty(),
                RunVerdict.judge(
                    areas, BenchmarkResult.notRun(), List.of(), "smoke", false, Optional.empty()),
                null,
                List.of()),
            AT);

    String report = Files.readString(files.report());
    assertTrue(
        report.contains(
            "| Memory source | pid (the sum of the 2 instances) |\n\n"
                + "**Target instances (2, `target.instances`)**\n\n"
                + "| Instance | Memory peak |\n"
                + "|---|---|\n"
                + "| pid:11 | 60 MB |\n"
                + "| a\\|b | 45 MB |\n"
                + "| Sum (the target) | 105 MB |\n\n"
                + "Every memory figure is the sum's.\n\n"),
        report);
  }
}
