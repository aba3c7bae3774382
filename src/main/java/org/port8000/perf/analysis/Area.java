package org.port8000.perf.analysis;

/** The four measured areas of the assignment, in its order, with the simulation of each. */
public enum Area {
  THROUGHPUT(
      "Message Throughput",
      "MessageThroughputSimulation",
      "Messages per second (sustained)",
      Thresholds.THROUGHPUT.text(),
      CheckIds.THROUGHPUT_SUSTAINED),
  WEBSOCKET(
      "WebSocket Performance",
      "HeartbeatSimulation",
      "Connection stability",
      Thresholds.STABILITY.text(),
      CheckIds.HEARTBEAT_STABILITY),
  UI(
      "UI Render Performance",
      "UiRenderSimulation",
      "Time to display message",
      Thresholds.DISPLAY.text(),
      CheckIds.UI_DISPLAY),
  MEMORY(
      "Memory Usage",
      "MemoryLeakSimulation",
      "No leaks after 10 minutes",
      "stable memory",
      CheckIds.LEAK_RATE);

  private final String title;
  private final String simulation;
  private final String metric;
  private final String target;
  private final String headlineCheck;

  Area(String title, String simulation, String metric, String target, String headlineCheck) {
    this.title = title;
    this.simulation = simulation;
    this.metric = metric;
    this.target = target;
    this.headlineCheck = headlineCheck;
  }

  /** The id of the check behind the headline, e.g. {@code ui.message.display}. */
  public String headlineCheck() {
    return headlineCheck;
  }

  /** The headline metric of the assignment's REPORT FORMAT for this area. */
  public String metric() {
    return metric;
  }

  /** The headline target, worded as its check judges it. */
  public String target() {
    return target;
  }

  public String title() {
    return title;
  }

  /** Simple class name of the simulation that measures this area. */
  public String simulation() {
    return simulation;
  }

  /** The command that runs only this area. */
  public String command() {
    return "mvn gatling:test -Dgatling.simulationClass=org.port8000.perf.simulations." + simulation;
  }
}
