package org.port8000.perf.reference;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Seeded generators of hostile inputs for the robustness test: same seed, same inputs. */
final class HostileInputs {

  static final List<String> ROUTES =
      List.of(
          "/api/health",
          "/api/bots",
          "/api/bots/status",
          "/api/bot/r1/status",
          "/api/bot/launch",
          "/api/bot/stop/r1",
          "/api/bot/r1/task",
          "/api/chat/history",
          "/api/chat/message",
          "/",
          "/ui-config.js",
          "/metrics",
          "/ws",
          "/nothing-here");
  static final List<String> METHODS =
      List.of(
          "GET",
          "HEAD",
          "POST",
          "PUT",
          "DELETE",
          "PATCH",
          "OPTIONS",
          "TRACE",
          "get",
          "post",
          "Post",
          "FOO",
          "M-SEARCH",
          "PROPFIND");
  private static final List<String> ID_PIECES =
      List.of(
          "%u002e",
          "%u002e%u002e",
          "%zz",
          "%",
          "%2",
          "%2e%2e",
          "..",
          "%2F",
          "%2f..%2f",
          "%00",
          "%C3%28",
          "%FF%FE",
          "%E2%82",
          "+",
          ";x=1",
          "a%20b",
          "%25",
          "~",
          "!",
          "'",
          "(",
          "*",
          "%7B%7D",
          "%0d%0a",
          "%C0%AE",
          "ok-id",
          "_",
          "-",
          "%F0%9F%98%80",
          "%ED%A0%80",
          "\u00e9");
  private static final List<String> PARAM_VALUES =
      List.of(
          "",
          "-1",
          "0",
          "1",
          "1000",
          "1001",
          "2147483648",
          "99999999999999999999",
          "1e3",
          "0x10",
          "NaN",
          " 5",
          "5 ",
          "%zz",
          "%",
          "%00",
          "%C3%28",
          "a%20b",
          "..%2F..",
          "\u00e9",
          "null",
          "[]",
          "{}",
          "%E2%80%AE",
          "+",
          "%2B");
  private static final List<String> PARAM_NAMES =
      List.of("limit", "offset", "bot_id", "session_id", "limit[]", "", "%zz", "x", "LIMIT");

  private final Random rnd;

  HostileInputs(long seed) {
    this.rnd = new Random(seed);
  }

  <T> T pick(List<T> from) {
    return from.get(rnd.nextInt(from.size()));
  }

  int nextInt(int bound) {
    return rnd.nextInt(bound);
  }

  String oddId() {
    StringBuilder b = new StringBuilder();
    int pieces = 1 + rnd.nextInt(4);
    for (int i = 0; i < pieces; i++) {
      b.append(pick(ID_PIECES));
    }
    if (rnd.nextInt(20) == 0) {
      b.append("x".repeat(65 + rnd.nextInt(10_000))); // too long for an id, or for a URI
    }
    return b.toString();
  }

  String junkQuery() {
    StringBuilder b = new StringBuilder();
    int params = 1 + rnd.nextInt(5);
    for (int i = 0; i < params; i++) {
      if (i > 0) {
        b.append(rnd.nextInt(10) == 0 ? ";" : "&");
      }
      b.append(pick(PARAM_NAMES));
      if (rnd.nextInt(8) != 0) {
        b.append('=').append(pick(PARAM_VALUES));
      }
    }
    if (rnd.nextInt(30) == 0) {
      b.append("&bot_id=").append("y".repeat(100 + rnd.nextInt(9_000)));
    }
    return b.toString();
  }

  /** A request body: broken, wrong-typed, deeply nested, oversized or not UTF-8 JSON. */
  byte[] junkJson() {
    String s =
        switch (rnd.nextInt(16)) {
          case 0 -> "";
          case 1 -> "{";
          case 2 -> "{\"bot_id\":";
          case 3 -> "[".repeat(1 + rnd.nextInt(20_000)) + "]".repeat(rnd.nextInt(3));
          case 4 -> "{\"a\":".repeat(1 + rnd.nextInt(5_000)) + "1" + "}".repeat(rnd.nextInt(5_000));
          case 5 ->
              "{\"bot_id\":"
                  + pick(List.of("7", "true", "null", "[]", "{}", "1e999999", "-0"))
                  + "}";
          case 6 -> "{\"command\":\"" + "c".repeat(rnd.nextInt(40_000)) + "\"}";
          case 7 ->
              "{\"role\":\"user\",\"content\":\""
                  + "d".repeat(60_000 + rnd.nextInt(20_000))
                  + "\"}";
          case 8 ->
              "{\"role\":\"user\",\"content\":\"\\ud800\\udc00\\u0000\",\"bot_id\":\""
                  + oddId()
                  + "\"}";
          case 9 -> "null";
          case 10 -> "\"just a string\"";
          case 11 ->
              "{\"bot_id\":\"dup\",\"bot_id\":\"dup2\",\"adapter\":\"" + "../../bin/sh" + "\"}";
          case 12 ->
              "{\"role\":\""
                  + pick(List.of("root", "", "USER", "user\u0000"))
                  + "\",\"content\":\"x\"}";
          case 13 -> "123456789012345678901234567890";
          case 14 -> "{\"command\":\"x\"}" + "garbage";
          default -> null;
        };
    if (s != null) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    byte[] junk = new byte[rnd.nextInt(2_000)];
    rnd.nextBytes(junk); // not UTF-8, not JSON
    return junk;
  }

  /** Raw bytes on the wire: broken request lines, versions, headers, framing, plain noise. */
  byte[] protocolJunk(int port) {
    String host = "Host: 127.0.0.1:" + port + "\r\n";
    String s =
        switch (rnd.nextInt(18)) {
          case 0 -> "GET\r\n\r\n";
          case 1 ->
              "GET / HTTP/"
                  + pick(List.of("2.0", "1.7", "3", "0.9", "1.10", "x.y", ""))
                  + "\r\n"
                  + host
                  + "\r\n";
          case 2 -> "GET / HTTP/1.1\r\n" + host + "Bad Header Without Colon\r\n\r\n";
          case 3 ->
              "GET / HTTP/1.1\r\n"
                  + host
                  + "X-Big: "
                  + "b".repeat(9_000 + rnd.nextInt(20_000))
                  + "\r\n\r\n";
          case 4 ->
              "GET /" + "p".repeat(9_000 + rnd.nextInt(20_000)) + " HTTP/1.1\r\n" + host + "\r\n";
          case 5 ->
              "POST /api/chat/message HTTP/1.1\r\n"
                  + host
                  + "Content-Length: 5\r\nContent-Length: 7\r\n\r\n12345";
          case 6 ->
              "POST /api/chat/message HTTP/1.1\r\n"
                  + host
                  + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n";
          case 7 -> "POST /api/chat/message HTTP/1.1\r\n" + host + "Content-Length: -1\r\n\r\n";
          case 8 ->
              "POST /api/chat/message HTTP/1.1\r\n"
                  + host
                  + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n3\r\nabc\r\n0\r\n\r\n";
          case 9 -> "GET / HTTP/1.1\r\n" + host + " folded: header\r\n\r\n";
          case 10 -> "GET /\u0000 HTTP/1.1\r\n" + host + "\r\n";
          case 11 ->
              "GET / HTTP/1.1\r\n" + host + "Expect: 100-continue\r\nContent-Length: 10\r\n\r\n";
          case 12 -> "GET / HTTP/1.1\r\n\r\n"; // no Host
          case 13 -> "GET http://evil.example/ HTTP/1.1\r\n" + host + "\r\n";
          case 14 -> "\r\n\r\n\r\nGET / HTTP/1.1\r\n" + host + "\r\n";
          case 15 -> "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
          case 16 ->
              "GET / HTTP/1.1\r\n"
                  + host
                  + "Upgrade: h2c\r\nHTTP2-Settings: %%%\r\nConnection: Upgrade\r\n\r\n";
          default -> null;
        };
    if (s != null) {
      return s.getBytes(StandardCharsets.ISO_8859_1);
    }
    byte[] noise = new byte[1 + rnd.nextInt(4_000)];
    rnd.nextBytes(noise);
    return noise;
  }

  /** A WebSocket text frame's payload that is not a valid chat message. */
  String junkFrame() {
    return switch (rnd.nextInt(12)) {
      case 0 -> "not json " + rnd.nextInt();
      case 1 -> "[1,2,3]";
      case 2 ->
          "{\"type\":" + pick(List.of("1", "null", "[]", "\"\"", "\"command\"", "\"ping\"")) + "}";
      case 3 -> "[".repeat(1 + rnd.nextInt(10_000));
      case 4 ->
          "{\"type\":\"message\",\"content\":"
              + pick(List.of("1", "null", "\"\"", "\"   \"", "{}"))
              + "}";
      case 5 ->
          "{\"type\":\"message\",\"content\":\"" + "z".repeat(33_000 + rnd.nextInt(20_000)) + "\"}";
      case 6 ->
          "{\"type\":\"message\",\"content\":\"hi\",\"bot_id\":\""
              + oddId().replace("\"", "")
              + "\"}";
      case 7 -> "{\"type\":\"message\",\"content\":\"hi\",\"id\":\"" + "i".repeat(200) + "\"}";
      case 8 -> "{\"type\":\"heartbeat\",\"seq\":\"" + rnd.nextInt() + "\"}";
      case 9 ->
          "{\"type\":\"message\",\"content\":\"hi\",\"session_id\":"
              + pick(List.of("1", "\"" + "s".repeat(300) + "\""))
              + "}";
      case 10 -> "";
      default -> "{\"type\":\"" + "t".repeat(1 + rnd.nextInt(500)) + "\"}";
    };
  }

  byte[] bytes(int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return b;
  }
}
