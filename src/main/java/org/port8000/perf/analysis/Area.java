package org.port8000.perf.analysis;

/** The four measured areas of the assignment, in its order, with the simulation of each. */
public enum Area {
  THROUGHPUT("Message Throughput", "MessageThroughputSimulation",
      "Messages per second (sustained)", "> 50 msg/sec"),
  WEBSOCKET("WebSocket Performance", "HeartbeatSimulation", "Connection stability", "> 99%"),
  UI("UI Render Performance", "UiRenderSimulation", "Time to display message", "< 100ms"),
  MEMORY("Memory Usage", "MemoryLeakSimulation", "No leaks after 10 minutes", "stable memory");

  private final String title;
  private final String simulation;
  private final String metric;
  private final String target;

  Area(String title, String simulation, String metric, String target) {
    this.title = title;
    this.simulation = simulation;
    this.metric = metric;
    this.target = target;
  }

  /** The headline metric of the assignment's REPORT FORMAT for this area. */
  public String metric() {
    return metric;
  }

  /** The headline target of the assignment for this area. */
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
