package org.port8000.perf.app;

import io.gatling.commons.util.GatlingVersion$;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.port8000.perf.analysis.RunVerdict;
import org.port8000.perf.config.Settings;
import org.port8000.perf.config.SettingsException;
import org.port8000.perf.config.SettingsRegistry;
import org.port8000.perf.report.ReportException;
import org.port8000.perf.report.ReportFiles;
import org.port8000.perf.results.GatlingRun;
import org.port8000.perf.results.MergedRun;
import org.port8000.perf.results.MergedRunFolder;
import org.port8000.perf.results.RunMerge;

/**
 * The merge step of a run shared by several injectors ({@code mvn exec:java@merge
 * -Dmerge.inputs=<root>,<root>...}): merges the injectors' runs (refusing folders that do not
 * belong together), judges the targets on the merged data and writes the same reports, summary.json
 * and junit.xml as the report step, with an "Injectors" section. Fails the build like the report
 * step. A merged run is not compared with a baseline (a baseline holds raw samples of one
 * injector's log).
 */
public final class MergeMain {
  private MergeMain() {}

  public static void main(String[] args) {
    ReportMain.Outcome o = run(Settings.load());
    System.out.println(o.summary());
    if (o.failBuild()) {
      throw new ReportException(o.failReason());
    }
  }

  public static ReportMain.Outcome run(Settings settings) {
    List<Path> inputs = settings.get(SettingsRegistry.MERGE_INPUTS);
    if (inputs.isEmpty()) {
      throw new SettingsException(
          "Setting 'merge.inputs' is '': expected the injectors' output"
              + " roots, comma-separated. Fix: -Dmerge.inputs=results/injector-0,results/injector-1.");
    }
    Map<String, MergedRun> merged =
        RunMerge.merge(inputs, GatlingVersion$.MODULE$.ThisVersion().fullVersion());
    Path output = settings.get(SettingsRegistry.MERGE_OUTPUT);
    Map<String, GatlingRun> runs = new LinkedHashMap<>();
    List<MergedRunFolder.Injectors> injectors = new ArrayList<>();
    merged.forEach(
        (simulation, m) -> {
          Optional<String> why = MergedRunFolder.notJudgeable(m);
          if (why.isPresent()) {
            System.err.println("[perf] " + why.get());
            return;
          }
          runs.put(simulation, MergedRunFolder.write(m, output));
          injectors.add(MergedRunFolder.injectors(m));
        });
    ReportMain.Judged judged = ReportMain.judge(runs);
    // A merged run is not compared with a baseline: a baseline holds one log's samples.
    RunVerdict verdict = judged.verdict(settings, Optional.empty());
    ReportFiles files = Reports.write(settings, judged, verdict, null, injectors);
    return ReportMain.outcome(files, judged, verdict, null);
  }
}
