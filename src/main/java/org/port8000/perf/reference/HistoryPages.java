package org.port8000.perf.reference;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;

/**
 * Writes history pages as a stream: the page's ids are found first, then its messages are read
 * {@link ChatHistoryStore#ROWS_PER_READ} at a time and written with Jackson's streaming generator
 * straight into the response, so a 1000-message page of 32 KB messages never exists in memory whole
 * (built at once, 100 such pages took the server to 6 GB). At most {@code maxConcurrent} pages are
 * written at once; another waits up to {@link ReferenceConfig#HISTORY_WAIT_MS} for a slot and is
 * then refused with 429.
 */
final class HistoryPages {

  private final ChatHistoryStore history;
  private final JsonFactory json;
  private final Semaphore slots;
  private final int maxConcurrent;

  HistoryPages(ChatHistoryStore history, JsonFactory json, int maxConcurrent) {
    this.history = history;
    this.json = json;
    this.maxConcurrent = maxConcurrent;
    this.slots = new Semaphore(maxConcurrent, true);
  }

  void write(Context ctx, int limit, int offset, String botId, String sessionId) {
    boolean got = awaitSlot(ctx);
    if (!got) {
      ctx.header("Retry-After", "1");
      throw new ApiException(
          429,
          "too many history pages requested at once ("
              + maxConcurrent
              + " are written together; this one waited "
              + ReferenceConfig.HISTORY_WAIT_MS / 1000
              + " s): retry later or lower limit");
    }
    try {
      ChatHistoryStore.PageIds page = history.pageIds(limit, offset, botId, sessionId);
      ctx.contentType("application/json");
      try (JsonGenerator g = json.createGenerator(ctx.outputStream())) {
        g.writeStartObject();
        g.writeArrayFieldStart("messages");
        history.readMessages(
            page.ids(),
            m -> {
              g.writeStartObject();
              g.writeStringField("timestamp", m.timestamp());
              g.writeStringField("bot_id", m.botId());
              g.writeStringField("role", m.role());
              g.writeStringField("content", m.content());
              g.writeEndObject();
            });
        g.writeEndArray();
        g.writeNumberField("total", page.total());
        g.writeBooleanField("has_more", page.hasMore());
        g.writeEndObject();
      }
    } catch (IOException e) {
      // The client went away mid-page: nobody is left to answer.
    } finally {
      slots.release();
    }
  }

  /**
   * Waits for a slot. Nothing moves on the connection meanwhile, so its idle timeout ({@code
   * reference.idleTimeoutMs}) is lengthened by the wait, or a waiting request would be dropped
   * without an answer instead of being served or told 429.
   */
  private boolean awaitSlot(Context ctx) {
    EndPoint endPoint = Request.getBaseRequest(ctx.req()).getHttpChannel().getEndPoint();
    long idle = endPoint.getIdleTimeout();
    endPoint.setIdleTimeout(idle + ReferenceConfig.HISTORY_WAIT_MS);
    try {
      return slots.tryAcquire(ReferenceConfig.HISTORY_WAIT_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      endPoint.setIdleTimeout(idle);
    }
  }
}
