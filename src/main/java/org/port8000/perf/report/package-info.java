/**
 * Writes the outputs: the markdown reports from Freemarker templates (which only list and test,
 * never compute), charts, summary.json and junit.xml — all rendered first and then written
 * atomically, so a failure leaves the previous reports intact.
 */
package org.port8000.perf.report;
