package org.port8000.perf.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A bot run as a child process that holds about {@code mb} MB resident and waits, as servers that
 * launch each bot as a process of its own do. It is Perl (a few MB of its own, where a JVM would
 * add tens), tops its resident size up to {@code mb} MB, and waits on its standard input: it ends
 * when stopped, and by itself when the server dies and the pipe closes.
 */
final class BotChildProcess {

  /** Fills to the given MB resident (counting the interpreter), touches it, waits on stdin. */
  private static final String SCRIPT =
      "my $n = $ARGV[0] * 1048576;"
          + " open(my $f, '<', '/proc/self/status'); my ($l) = grep { /^VmRSS/ } <$f>;"
          + " my ($kb) = ($l // '0') =~ /(\\d+)/; my $fill = $n - $kb * 1024;"
          + " my $x = \"\\1\" x ($fill > 0 ? $fill : 0); <STDIN>;";

  private final Process process;

  private BotChildProcess(Process process) {
    this.process = process;
  }

  /** Starts the child; fails when Perl is missing, naming the switch. */
  static BotChildProcess start(int mb) {
    Path perl = Path.of("/usr/bin/perl");
    if (!Files.isExecutable(perl)) {
      throw new IllegalStateException(
          "reference.bots.childProcessMb="
              + mb
              + " needs /usr/bin/perl to run bots as child processes; install perl or"
              + " set reference.bots.childProcessMb=0");
    }
    try {
      Process p =
          new ProcessBuilder(List.of(perl.toString(), "-e", SCRIPT, String.valueOf(mb)))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return new BotChildProcess(p);
    } catch (IOException e) {
      throw new IllegalStateException("could not start a bot child process: " + e.getMessage(), e);
    }
  }

  long pid() {
    return process.pid();
  }

  /** Closes its stdin (it exits) and makes sure it is gone. */
  void stop() {
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // destroyed below
    }
    try {
      if (!process.waitFor(1, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
