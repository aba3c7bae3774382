package org.port8000.perf.probe;

import java.lang.management.ManagementFactory;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;

/** The CPU readings the injector-side recorders take: this JVM's CPU time and the machine's. */
final class CpuClock {
  private CpuClock() {}

  /** CPU time of this JVM (all threads) in ns, or -1 when the JVM does not expose it. */
  static long processNs() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** The machine's processor for load-between-ticks readings, or null: then "not measured". */
  static CentralProcessor machine() {
    try {
      return new SystemInfo().getHardware().getProcessor();
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }
}
