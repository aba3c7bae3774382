package org.port8000.perf.reference;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * The chat UI: {@code /} is the classpath page {@code reference/ui/index.html} and
 * {@code /ui-config.js} tells the page the uiRenderDelayMs fault. Other files under
 * {@code reference/ui/} are served as static files by Javalin.
 */
final class UiEndpoint {

    static final String UI_ROOT = "reference/ui/";

    private final long renderDelayMs;
    private final byte[] indexHtml;

    UiEndpoint(long renderDelayMs) {
        this.renderDelayMs = renderDelayMs;
        this.indexHtml = readIndex(); // read once: the page is small and never changes at run time
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

    private static byte[] readIndex() {
        try (InputStream in = UiEndpoint.class.getClassLoader().getResourceAsStream(UI_ROOT + "index.html")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
