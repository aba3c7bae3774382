package org.port8000.perf.analysis;

/** The four measured areas of the assignment, in its order, with the simulation of each. */
public enum Area {
  THROUGHPUT("Message Throughput", "MessageThroughputSimulation"),
  WEBSOCKET("WebSocket Performance", "HeartbeatSimulation"),
  UI("UI Render Performance", "UiRenderSimulation"),
  MEMORY("Memory Usage", "MemoryLeakSimulation");

  private final String title;
  private final String simulation;

  Area(String title, String simulation) {
    this.title = title;
    this.simulation = simulation;
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
