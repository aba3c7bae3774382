/**
 * Writes what the analysis decided: markdown reports from templates, SVG charts, summary.json
 * and junit.xml. Nothing here measures or judges.
 */
package org.port8000.perf.report;
