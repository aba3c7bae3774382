package org.port8000.perf.reference;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * The chat UI: {@code /} is the classpath page {@code reference/ui/index.html}, or with {@code
 * reference.ui=original} {@code reference/ui/original/index.html} (the original server's page, with
 * its send-path defect), with {@code reference.ui=bare} the page's elements and no script (a page
 * that cannot be driven), and {@code /ui-config.js} tells the reference page the uiRenderDelayMs
 * fault. Other files under {@code reference/ui/} are served as static files by Javalin.
 */
final class UiEndpoint {

  static final String UI_ROOT = "reference/ui/";

  private final long renderDelayMs;
  private final byte[] indexHtml;

  UiEndpoint(long renderDelayMs, String ui) {
    this.renderDelayMs = renderDelayMs;
    // Read once: the page is small and never changes at run time.
    this.indexHtml =
        readIndex(
            CompatSwitches.ORIGINAL.equals(ui)
                ? "original/index.html"
                : CompatSwitches.BARE.equals(ui) ? "bare/index.html" : "index.html");
  }

  void register(Javalin app) {
    app.get("/", this::index);
    app.get("/ui-config.js", this::uiConfig);
  }

  private void index(Context ctx) {
    if (indexHtml == null) {
      throw new ApiException(404, "no chat UI on the classpath");
    }
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/html; charset=utf-8").result(indexHtml);
  }

  private void uiConfig(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("application/javascript; charset=utf-8")
        .result("window.PORT8000_UI = {\"renderDelayMs\": " + renderDelayMs + "};\n");
  }

  private static byte[] readIndex(String page) {
    try (InputStream in = UiEndpoint.class.getClassLoader().getResourceAsStream(UI_ROOT + page)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      return null;
    }
  }
}
