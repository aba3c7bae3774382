package org.port8000.perf.report;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.port8000.perf.analysis.AreaResult;
import org.port8000.perf.analysis.BenchmarkResult;
import org.port8000.perf.analysis.RunVerdict;
import org.port8000.perf.baseline.BaselineOutcome;
import org.port8000.perf.results.CapabilityFacts;
import org.port8000.perf.results.MergedRunFolder;
import org.port8000.perf.results.RunFacts;

/**
 * Everything the outputs of one run are rendered from: what the analysis judged and concluded, what
 * the runs said of themselves, and the comparison with the baseline.
 *
 * @param metas what each simulation wrote about its run
 * @param capabilities the target's capabilities as the runs found them (the "Target" table)
 * @param verdict the run's verdict, decided in analysis
 * @param baseline the comparison with the baseline (its section in the optimization report, its
 *     checks in summary.json and junit.xml); null when none was made
 * @param injectors a run merged from several injectors: the "Injectors" section of the optimization
 *     report and the injectors in summary.json; empty for one injector
 */
public record ReportInput(
    List<AreaResult> areas,
    BenchmarkResult benchmark,
    Collection<RunFacts> metas,
    Optional<CapabilityFacts> capabilities,
    RunVerdict verdict,
    BaselineOutcome baseline,
    List<MergedRunFolder.Injectors> injectors) {

  public ReportInput {
    injectors = List.copyOf(injectors);
  }
}
