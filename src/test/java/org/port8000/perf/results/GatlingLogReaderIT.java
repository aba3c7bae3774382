package org.port8000.perf.results;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port8000.perf.GatlingRunner;

class GatlingLogReaderIT {

  @TempDir Path results;

  @Test
  void readsBackTheCountsTimesAndRawResponseTimesOfARealRun() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/ok",
        ex -> {
          sleep(20);
          byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.createContext(
        "/missing",
        ex -> {
          ex.sendResponseHeaders(404, -1);
          ex.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      GatlingRunner.Run run =
          GatlingRunner.run(TinyHttpSimulation.class, results, Map.of("tiny.url", url));

      GatlingRun read = GatlingLogReader.read(run.folder());

      assertEquals(TinyHttpSimulation.class.getName(), read.simulationClass());
      RequestStats ok = read.request("ok").orElseThrow();
      assertEquals(5, ok.ok());
      assertEquals(0, ok.ko());
      assertTrue(ok.min() >= 20, "server sleeps 20 ms, min was " + ok.min());
      assertTrue(
          ok.min() <= ok.p50()
              && ok.p50() <= ok.p95()
              && ok.p95() <= ok.p99()
              && ok.p99() <= ok.max(),
          ok.toString());
      RequestStats missing = read.request("missing").orElseThrow();
      assertEquals(0, missing.ok());
      assertEquals(2, missing.ko());
      assertTrue(Files.isRegularFile(read.htmlReport()), "HTML report beside the log");

      // The raw response times: one per OK response, bounded by Gatling's own min and max.
      Map<String, List<Integer>> raw = RawResponseTimes.read(run.folder());
      List<Integer> okTimes = raw.get("ok");
      assertEquals(ok.ok(), okTimes.size(), raw.toString());
      assertEquals(ok.min(), okTimes.stream().mapToInt(Integer::intValue).min().orElseThrow());
      assertEquals(ok.max(), okTimes.stream().mapToInt(Integer::intValue).max().orElseThrow());
      assertFalse(raw.containsKey("missing"), "KO responses are not latencies: " + raw);
    } finally {
      server.stop(0);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
