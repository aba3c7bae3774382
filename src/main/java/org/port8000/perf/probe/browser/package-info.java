/**
 * The browser probe: a real headless Chromium (Debian's {@code chromium}, never a downloaded one)
 * driven by Playwright for Java opens the target's chat page and measures message display time,
 * scroll frame rate, renderer memory and CPU. Playwright is not thread-safe, so one probe runs
 * entirely on one dedicated thread ({@link
 * org.port8000.perf.probe.browser.BackgroundBrowserProbe}).
 */
package org.port8000.perf.probe.browser;
