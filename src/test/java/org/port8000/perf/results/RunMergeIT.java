package org.port8000.perf.results;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import io.gatling.commons.util.GatlingVersion$;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.GatlingRunner;
import org.port8000.perf.app.MergeMain;
import org.port8000.perf.config.Settings;

/**
 * Two injectors at half the rate each against one server, merged, against one injector at the full
 * rate: the merged counts are the sum of the injectors', and the merged p95 is within the single
 * run's noise, judged as lying between the single run's p90 and p99 (or within 3 ms of its p95, for
 * a server whose times are nearly constant).
 */
class RunMergeIT {
  private static final String VERSION = GatlingVersion$.MODULE$.ThisVersion().fullVersion();
  private static final int RATE = 20;
  private static final int SECONDS = 5;

  @TempDir Path root;

  @Test
  void twoHalfInjectorsMergeToWhatOneFullInjectorMeasures() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
    server.createContext(
        "/ok",
        ex -> {
          sleep(20);
          byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      Path single = injector("single", "solo-1", 0, 1, url);
      Path first = injector("injector-0", "pair-1", 0, 2, url);
      Path second = injector("injector-1", "pair-1", 1, 2, url);

      MergedRun pair = RunMerge.merge(List.of(first, second), VERSION).get("ShardedTinySimulation");
      MergedRun solo = RunMerge.merge(List.of(single), VERSION).get("ShardedTinySimulation");

      // Counts: the sum of the injectors' own (read by Gatling's reader), and the full load.
      long sum = 0;
      for (Path in : List.of(first, second)) {
        Path folder = InjectorRun.runFolders(in).get(0);
        sum += GatlingLogReader.read(folder).request("ok").orElseThrow().ok();
      }
      RequestStats merged = pair.requests().get("ok");
      assertEquals(sum, merged.ok());
      assertEquals(RATE * SECONDS, merged.ok(), "two half loads are the full load");
      assertEquals(solo.requests().get("ok").ok(), merged.ok());
      assertEquals(
          List.of(50L, 50L), pair.injectors().stream().map(MergedRun.Injector::ok).toList());
      assertEquals(
          List.of(50, 50),
          pair.injectors().stream().map(MergedRun.Injector::usersStarted).toList());

      // p95 within the single run's noise.
      List<Integer> soloTimes =
          new ArrayList<>(RawResponseTimes.read(InjectorRun.runFolders(single).get(0)).get("ok"));
      Collections.sort(soloTimes);
      int p90 = soloTimes.get((int) Math.ceil(0.90 * soloTimes.size()) - 1);
      int p99 = soloTimes.get((int) Math.ceil(0.99 * soloTimes.size()) - 1);
      int soloP95 = solo.requests().get("ok").p95();
      System.out.println(
          "[merge-it] merged "
              + merged.ok()
              + " OK, p95 "
              + merged.p95()
              + " ms; single "
              + soloTimes.size()
              + " OK, p90/p95/p99 "
              + p90
              + "/"
              + soloP95
              + "/"
              + p99
              + " ms");
      assertTrue(
          (merged.p95() >= p90 && merged.p95() <= p99) || Math.abs(merged.p95() - soloP95) <= 3,
          "merged p95 "
              + merged.p95()
              + " ms, single run p90/p95/p99 "
              + p90
              + "/"
              + soloP95
              + "/"
              + p99
              + " ms");
      // One injector merged alone is that injector's run: Gatling's own counts.
      assertEquals(
          GatlingLogReader.read(InjectorRun.runFolders(single).get(0))
              .request("ok")
              .orElseThrow()
              .ok(),
          solo.requests().get("ok").ok());

      // Folders of different runs are refused, naming them.
      MergeRefused refused =
          assertThrows(MergeRefused.class, () -> RunMerge.merge(List.of(single, second), VERSION));
      assertTrue(
          refused.getMessage().contains("run id 'solo-1' in " + single), refused.getMessage());
      assertTrue(
          refused.getMessage().contains("run id 'pair-1' in " + second), refused.getMessage());

      // The merge step writes the reports with the Injectors section.
      Properties p = new Properties();
      p.setProperty("perf.profile", "smoke");
      p.setProperty("merge.inputs", first + "," + second);
      p.setProperty("merge.output", root.resolve("merged").toString());
      p.setProperty("report.root", root.resolve("report").toString());
      p.setProperty("perf.outputFolder", root.resolve("report/target/perf").toString());
      var outcome = MergeMain.run(Settings.load(p));
      String report = Files.readString(outcome.files().report());
      assertTrue(report.contains("## Injectors: ShardedTinySimulation"), report);
      assertTrue(report.contains("| 0 | "), report);
      assertTrue(report.contains("| 1 | "), report);
      assertTrue(
          report.contains("| 50 OK / 0 KO |") || report.contains("| 50 | 50 OK / 0 KO"), report);
    } finally {
      server.stop(0);
    }
  }

  /** One injector's run into {@code root/<name>/gatling}; returns {@code root/<name>}. */
  private Path injector(String name, String runId, int index, int count, String url)
      throws Exception {
    Path in = root.resolve(name);
    GatlingRunner.Run run =
        GatlingRunner.run(
            ShardedTinySimulation.class,
            in.resolve("gatling"),
            Map.of(
                "tiny.url",
                url,
                "target.url",
                url,
                "tiny.rate",
                String.valueOf(RATE),
                "tiny.seconds",
                String.valueOf(SECONDS),
                "injector.index",
                String.valueOf(index),
                "injector.count",
                String.valueOf(count),
                "injector.runId",
                runId,
                "injector.startAt",
                String.valueOf(System.currentTimeMillis() + 1_000)));
    assertTrue(
        Files.isRegularFile(ProbeFiles.path(run.folder(), InjectorFacts.PROBE)),
        "the simulation recorded its injector in " + run.folder());
    return in;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
