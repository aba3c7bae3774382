package org.port8000.perf.reference;

import java.util.HashMap;
import java.util.Map;

/** Starts in-process reference servers on a free port for the tests. */
final class TestServers {

  static {
    // Keep Jetty's debug logging out of the test output (logback's default is DEBUG).
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "reference/logback-reference.xml");
    }
  }

  private TestServers() {}

  /** A server on a free port with the given {@code reference.*} properties as key, value pairs. */
  static ReferenceServer start(String... keyValues) {
    Map<String, String> props = new HashMap<>();
    props.put("reference.port", "0");
    props.put("reference.bot.launchLatencyMs", "10");
    props.put("reference.bot.taskLatencyMs", "5");
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      props.put(keyValues[i], keyValues[i + 1]);
    }
    return ReferenceServer.start(ReferenceConfig.fromProperties(props));
  }
}
