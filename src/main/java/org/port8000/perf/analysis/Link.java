package org.port8000.perf.analysis;

import java.nio.file.Path;

/**
 * A file a section points at (Gatling HTML report, screenshot), by path.
 *
 * @param copyBesideReport true to copy the file next to the markdown reports (e.g. a screenshot
 *     from the run folder) and link the copy; false to link the file where it is
 */
public record Link(String label, Path file, boolean copyBesideReport) {}
