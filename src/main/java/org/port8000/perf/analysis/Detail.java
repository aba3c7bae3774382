package org.port8000.perf.analysis;

/** One already-formatted line of a section's detailed figures, e.g. "Messages sent" / "100". */
public record Detail(String label, String value) {}
