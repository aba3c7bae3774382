package org.port8000.perf.reference;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Chat history in an embedded H2 file database via plain JDBC, so "save message" and "load history"
 * exercise real storage. Only the newest {@code maxRows} rows are kept, and H2's page cache is
 * capped, so the server's memory does not grow with the history.
 */
final class ChatHistoryStore implements AutoCloseable {

  /** One stored message in the contract's shape. */
  record Message(
      String timestamp, @JsonProperty("bot_id") String botId, String role, String content) {}

  /** Rows are trimmed every this many inserts, which keeps the delete cheap and rare. */
  private static final int TRIM_EVERY = 100;

  private final JdbcConnectionPool pool;
  private final Path dir;
  private final boolean ownsDir;
  private final int maxRows;

  private ChatHistoryStore(JdbcConnectionPool pool, Path dir, boolean ownsDir, int maxRows) {
    this.pool = pool;
    this.dir = dir;
    this.ownsDir = ownsDir;
    this.maxRows = maxRows;
  }

  /** Opens (creating) the database in {@code dir}, or in a temp folder deleted on close. */
  static ChatHistoryStore open(Path dir, int maxRows) {
    boolean owns = dir == null;
    try {
      Path folder = owns ? Files.createTempDirectory("port8000-reference-db-") : dir;
      Files.createDirectories(folder);
      // CACHE_SIZE is in KiB: a small fixed cache keeps H2's memory bounded.
      String url =
          "jdbc:h2:file:"
              + folder.resolve("history").toAbsolutePath()
              + ";CACHE_SIZE=4096;DB_CLOSE_ON_EXIT=FALSE";
      JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
      pool.setMaxConnections(8);
      ChatHistoryStore store = new ChatHistoryStore(pool, folder, owns, maxRows);
      store.createSchema();
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create history database folder", e);
    }
  }

  private void createSchema() {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS chat_messages ("
              + " id BIGINT AUTO_INCREMENT PRIMARY KEY,"
              + " ts BIGINT NOT NULL,"
              + " bot_id VARCHAR(64),"
              + " session_id VARCHAR(128),"
              + " role VARCHAR(16) NOT NULL,"
              + " content VARCHAR("
              + ReferenceConfig.MAX_CONTENT_CHARS
              + ") NOT NULL)");
      s.execute("CREATE INDEX IF NOT EXISTS chat_messages_bot ON chat_messages(bot_id, id)");
      s.execute(
          "CREATE INDEX IF NOT EXISTS chat_messages_session ON chat_messages(session_id, id)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create history schema", e);
    }
  }

  void save(String botId, String sessionId, String role, String content) {
    try (Connection c = pool.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO chat_messages(ts, bot_id, session_id, role, content) VALUES (?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, System.currentTimeMillis());
      ps.setString(2, botId);
      ps.setString(3, sessionId);
      ps.setString(4, role);
      ps.setString(5, content);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        if (keys.next()) {
          long id = keys.getLong(1);
          if (id % TRIM_EVERY == 0 && id > maxRows) {
            trimBelow(c, id - maxRows);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot save chat message", e);
    }
  }

  /** Ids only grow, so "newest maxRows" is "id above the newest id minus maxRows". */
  private static void trimBelow(Connection c, long firstKeptId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM chat_messages WHERE id < ?")) {
      ps.setLong(1, firstKeptId);
      ps.executeUpdate();
    }
  }

  /**
   * Where one page lies: the ids of its messages, oldest first, and the count matching the filter.
   * Ids only (at most {@link ReferenceConfig#MAX_HISTORY_LIMIT} longs), so finding the page costs
   * little memory however large its messages are.
   */
  record PageIds(List<Long> ids, long total, boolean hasMore) {}

  /** Rows read per query while a page is written: bounds what one request holds at once. */
  static final int ROWS_PER_READ = 32;

  /**
   * The page {@code offset} messages back from the newest, up to {@code limit} messages, oldest
   * first (the order a chat window shows them).
   */
  PageIds pageIds(int limit, int offset, String botId, String sessionId) {
    StringBuilder where = new StringBuilder(" WHERE 1=1");
    List<String> args = new ArrayList<>(2);
    if (botId != null) {
      where.append(" AND bot_id = ?");
      args.add(botId);
    }
    if (sessionId != null) {
      where.append(" AND session_id = ?");
      args.add(sessionId);
    }
    try (Connection c = pool.getConnection()) {
      long total;
      try (PreparedStatement ps =
          c.prepareStatement("SELECT COUNT(*) FROM chat_messages" + where)) {
        bind(ps, args);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          total = rs.getLong(1);
        }
      }
      List<Long> ids = new ArrayList<>(Math.min(limit, 1000));
      // With the filter column first (equal in every row, so the order is the same), H2
      // walks the (column, id) index backwards and stops at the page; by "id" alone it
      // reads and sorts every row of the bot or session (the benchmark found the history
      // query growing with the rows of its bot).
      String order =
          botId != null
              ? "bot_id DESC, id DESC"
              : sessionId != null ? "session_id DESC, id DESC" : "id DESC";
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id FROM chat_messages"
                  + where
                  + " ORDER BY "
                  + order
                  + " LIMIT ? OFFSET ?")) {
        int i = bind(ps, args);
        ps.setInt(i++, limit);
        ps.setInt(i, offset);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
        }
      }
      Collections.reverse(ids);
      return new PageIds(ids, total, (long) offset + ids.size() < total);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot load chat history", e);
    }
  }

  /** Receives one message while a page is read. */
  interface MessageSink {
    void accept(Message m) throws IOException;
  }

  /**
   * Reads the messages of {@code ids} in that order, {@link #ROWS_PER_READ} rows per query, handing
   * each to {@code sink} before the next rows are read. A message trimmed meanwhile is skipped.
   */
  void readMessages(List<Long> ids, MessageSink sink) throws IOException {
    for (int from = 0; from < ids.size(); from += ROWS_PER_READ) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + ROWS_PER_READ));
      for (Message m : readChunk(chunk)) {
        sink.accept(m);
      }
    }
  }

  private List<Message> readChunk(List<Long> chunk) {
    String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
    List<Message> out = new ArrayList<>(chunk.size());
    try (Connection c = pool.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT ts, bot_id, role, content FROM chat_messages WHERE id IN ("
                    + marks
                    + ") ORDER BY id")) {
      for (int i = 0; i < chunk.size(); i++) {
        ps.setLong(i + 1, chunk.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Message(
                  Instant.ofEpochMilli(rs.getLong(1)).toString(),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot load chat history", e);
    }
  }

  private static int bind(PreparedStatement ps, List<String> args) throws SQLException {
    int i = 1;
    for (String a : args) {
      ps.setString(i++, a);
    }
    return i;
  }

  long count() {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM chat_messages")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count chat history", e);
    }
  }

  @Override
  public void close() {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    } catch (SQLException e) {
      // Already closed: nothing left to flush.
    }
    pool.dispose();
    if (ownsDir) {
      deleteRecursively(dir);
    }
  }

  private static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException ignored) {
                  // Best effort: a leftover temp file is harmless.
                }
              });
    } catch (IOException ignored) {
      // Best effort, as above.
    }
  }
}
