package org.port8000.perf.baseline;

/** The verdict of one compared metric. */
public enum Change {
  REGRESSION("regression"),
  IMPROVEMENT("improvement"),
  WITHIN_NOISE("within noise"),
  NOT_COMPARED("not compared");

  private final String label;

  Change(String label) {
    this.label = label;
  }

  /** How reports show it. */
  public String label() {
    return label;
  }
}
