package org.port8000.perf.probe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessTreeTest {
  private static final long MB = 1024 * 1024;

  @Test
  void aChildProcessIsCountedInTheTreeAndNamed() throws Exception {
    ProcessTree tree = ProcessTree.open(ProcessHandle.current().pid()).orElseThrow();
    long before = tree.read().orElseThrow().rssBytes();
    // a child holding 40 MB resident until its stdin closes
    Process child =
        new ProcessBuilder(
                List.of(
                    "/usr/bin/perl",
                    "-e",
                    "my $x = \"\\1\" x (40 * 1048576); print \"ready\\n\"; $| = 1; <STDIN>;"))
            .redirectErrorStream(true)
            .start();
    try {
      child.getInputStream().read(new byte[6]); // "ready": the memory is touched
      ProcessTree.Reading with = tree.read().orElseThrow();
      assertTrue(with.processes() >= 2, "processes " + with.processes());
      // the JVM's own RSS moves a little between readings; the child's 40 MB dominate
      assertTrue(with.rssBytes() - before > 30 * MB, (with.rssBytes() - before) / MB + " MB");
      assertTrue(tree.counted().contains(child.pid() + " perl"), tree.counted());
    } finally {
      child.getOutputStream().close();
      child.destroyForcibly().waitFor();
    }
  }
}
