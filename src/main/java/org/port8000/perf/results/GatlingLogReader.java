package org.port8000.perf.results;

import io.gatling.charts.stats.GeneralStats;
import io.gatling.charts.stats.LogFileData;
import io.gatling.charts.stats.LogFileReader;
import io.gatling.charts.stats.RequestStatsPath;
import io.gatling.charts.stats.StatsPath;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.stats.Status;
import io.gatling.core.config.GatlingConfiguration;
import io.gatling.core.config.GatlingConfiguration$;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * One of the two classes that know Gatling's internals (with {@link RawResponseTimes}, which reads
 * the raw response times this reader does not expose): {@code simulation.log} is binary and
 * readable only by the Gatling version that wrote it, so it is read with that version's own reader
 * from the same classpath. A Gatling upgrade that changes this API breaks this class's test, not
 * the report silently.
 */
public final class GatlingLogReader {

  private static volatile GatlingConfiguration configuration;

  private GatlingLogReader() {}

  /** Reads one run folder (the one holding {@code simulation.log}). */
  public static GatlingRun read(Path runFolder) {
    Path log = GatlingLog.log(runFolder);
    LogFileData data;
    try {
      data =
          LogFileReader.apply(
                  runFolder.getFileName().toString(), runFolder.getParent(), configuration())
              .read();
    } catch (Exception e) { // Scala code can throw checked exceptions undeclared
      String hint =
          e instanceof IllegalAccessException
              ? " Gatling's reader needs the JVM option --add-opens=java.base/java.lang=ALL-UNNAMED"
                  + " (.mvn/jvm.config sets it for Maven)."
              : " It may have been written by another Gatling version; re-run the simulation.";
      throw new ResultsException(
          "Cannot read " + log + " with Gatling's reader (" + e + ")." + hint, e);
    }
    Map<String, RequestStats> requests = new LinkedHashMap<>();
    for (StatsPath path : CollectionConverters.asJava(data.statsPaths())) {
      if (path instanceof RequestStatsPath rp) {
        requests.put(rp.request(), stats(data, rp));
      }
    }
    return new GatlingRun(
        runFolder,
        data.runInfo().simulationClassName(),
        Instant.ofEpochMilli(data.runInfo().runStart()),
        requests);
  }

  private static RequestStats stats(LogFileData data, RequestStatsPath path) {
    Option<String> name = Option.apply(path.request());
    Option<GeneralStats> okStats =
        data.requestGeneralStats(name, path.group(), Option.apply(OK$.MODULE$));
    long ok = okStats.isEmpty() ? 0 : okStats.get().count();
    long ko = count(data, name, path, KO$.MODULE$);
    if (ok == 0) {
      return new RequestStats(path.request(), ok, ko, 0, 0, 0, 0, 0, 0);
    }
    GeneralStats s = okStats.get();
    return new RequestStats(
        path.request(),
        ok,
        ko,
        s.min(),
        s.max(),
        s.mean(),
        percentile(s, 50),
        percentile(s, 95),
        percentile(s, 99));
  }

  private static long count(
      LogFileData data, Option<String> name, RequestStatsPath path, Status status) {
    Option<GeneralStats> s = data.requestGeneralStats(name, path.group(), Option.apply(status));
    return s.isEmpty() ? 0 : s.get().count();
  }

  private static int percentile(GeneralStats s, double rank) {
    return ((Number) s.percentile().apply(rank)).intValue();
  }

  private static GatlingConfiguration configuration() {
    if (configuration == null) {
      configuration = GatlingConfiguration$.MODULE$.load();
    }
    return configuration;
  }
}
