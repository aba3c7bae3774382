package org.port8000.perf.analysis;

/** The verdict of one check. NOT_MEASURED is never a pass. */
public enum Status {
  PASS("✅ PASS"),
  FAIL("❌ FAIL"),
  NOT_MEASURED("⚠️ NOT MEASURED");

  private final String label;

  Status(String label) {
    this.label = label;
  }

  /** How the markdown reports show it. */
  public String label() {
    return label;
  }

  /** PASS only if every status is PASS; any FAIL wins over NOT_MEASURED. */
  public static Status worst(Iterable<Status> statuses) {
    Status worst = PASS;
    for (Status s : statuses) {
      if (s == FAIL) {
        return FAIL;
      }
      if (s == NOT_MEASURED) {
        worst = NOT_MEASURED;
      }
    }
    return worst;
  }
}
