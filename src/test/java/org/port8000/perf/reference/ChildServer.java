package org.port8000.perf.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference server as a child JVM, started the way a launcher does, for process-level tests.
 */
final class ChildServer implements AutoCloseable {

  static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

  final Process process;
  final Path stderr;
  final String firstLine;

  private ChildServer(Process process, Path stderr, String firstLine) {
    this.process = process;
    this.stderr = stderr;
    this.firstLine = firstLine;
  }

  static ChildServer start(String... systemProperties) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx128m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("-Dreference.port=0");
    for (String p : systemProperties) {
      cmd.add("-D" + p);
    }
    cmd.add(ReferenceServer.class.getName());
    try {
      Path err = Files.createTempFile("reference-child-", ".err");
      Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line =
          CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      return out.readLine();
                    } catch (IOException e) {
                      return null;
                    }
                  })
              .completeOnTimeout(null, 30, TimeUnit.SECONDS)
              .join();
      return new ChildServer(p, err, line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL from the "listening on" line; fails with the child's stderr otherwise. */
  String baseUrl() {
    Matcher m = firstLine == null ? null : LISTENING.matcher(firstLine);
    if (m == null || !m.find()) {
      throw new AssertionError(
          "no listening line; first line: " + firstLine + "; stderr: " + stderrText());
    }
    return m.group(1);
  }

  /** Exit code, or null if still running after {@code seconds}. */
  Integer awaitExit(long seconds) {
    try {
      return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  String stderrText() {
    try {
      return Files.readString(stderr);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      awaitExit(10);
    }
    try {
      Files.deleteIfExists(stderr);
    } catch (IOException ignored) {
      // a leftover temp file is harmless
    }
  }
}
