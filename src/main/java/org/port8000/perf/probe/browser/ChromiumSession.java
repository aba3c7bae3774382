package org.port8000.perf.probe.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One headless Chromium with one page, driven by Playwright. Use from one thread only (Playwright
 * is not thread-safe) and close it on that thread.
 */
final class ChromiumSession implements AutoCloseable {

  /** Flags for a quiet, sandbox-free headless run in containers and CI. */
  static final List<String> ARGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--disable-quic",
          "--enable-precise-memory-info");

  /** Keeps Playwright from downloading a browser, also in a forked JVM without the env var. */
  static final Map<String, String> DRIVER_ENV = Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

  static final int WIDTH = 1280;
  static final int HEIGHT = 800;

  private final Playwright playwright;
  final Browser browser;
  final BrowserContext context;
  final Page page;
  final CDPSession cdp;

  private ChromiumSession(
      Playwright playwright, Browser browser, BrowserContext context, Page page, CDPSession cdp) {
    this.playwright = playwright;
    this.browser = browser;
    this.context = context;
    this.page = page;
    this.cdp = cdp;
  }

  /** Launches the browser and opens a blank page that runs {@code initScript} on every load. */
  static ChromiumSession launch(Path executable, String initScript, double timeoutMs) {
    Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(DRIVER_ENV));
    try {
      Browser browser =
          playwright
              .chromium()
              .launch(
                  new BrowserType.LaunchOptions()
                      .setExecutablePath(executable)
                      .setHeadless(true)
                      .setArgs(ARGS)
                      .setTimeout(timeoutMs));
      BrowserContext context =
          browser.newContext(new Browser.NewContextOptions().setViewportSize(WIDTH, HEIGHT));
      context.setDefaultTimeout(timeoutMs);
      context.addInitScript(initScript);
      Page page = context.newPage();
      CDPSession cdp = context.newCDPSession(page);
      return new ChromiumSession(playwright, browser, context, page, cdp);
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  String version() {
    return browser.version();
  }

  @Override
  public void close() {
    playwright.close(); // closes the browser and the driver process too
  }
}
