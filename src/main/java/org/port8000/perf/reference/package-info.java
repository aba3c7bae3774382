/**
 * The reference Port 8000 chat controller: a small, honest implementation of the target contract
 * (HTTP bot API, chat history, WebSocket chat at {@code /ws}, chat UI, Prometheus metrics) that
 * the suite launches as a separate process on 127.0.0.1 so its memory and CPU are its own.
 *
 * <p>Start it in the foreground with {@code mvn exec:java@reference-server} (or
 * {@code java -cp … org.port8000.perf.reference.ReferenceServer}); it prints one line,
 * {@code Port 8000 reference server listening on http://127.0.0.1:<port> (pid <pid>)}, and stops
 * on SIGTERM. Settings are {@code -D} system properties; an invalid value stops startup (exit 2)
 * with a message naming the property, the value and what is accepted:
 * <ul>
 *   <li>{@code reference.port} (8000; 0 = a free port)</li>
 *   <li>{@code reference.llm.tokens} (8), {@code reference.llm.tokenDelayMs} (1)</li>
 *   <li>{@code reference.bot.launchLatencyMs} (50), {@code reference.bot.taskLatencyMs} (20),
 *       {@code reference.bot.max} (200)</li>
 *   <li>{@code reference.history.maxRows} (10000), {@code reference.dbDir} (a temp folder,
 *       deleted on stop)</li>
 * </ul>
 *
 * <p>Fault switches ({@code reference.fault.*}) are off by default; the suite's own tests turn
 * them on to prove that its verdicts catch slow, lossy, leaking and crashing targets:
 * {@code replyLatencyMs}, {@code dropRate} (with {@code dropSeed}, default 42),
 * {@code leakBytesPerMessage}, {@code crashAfterMessages} (halts with exit code 3 when the Nth
 * chat message arrives; that message is not answered) and {@code uiRenderDelayMs} (published
 * to the page by {@code /ui-config.js}). A "chat message" is a WebSocket {@code message} or a
 * bot task; {@code dropRate} applies to WebSocket replies only.
 *
 * <p>Bounds: request bodies 64 KiB (413), WebSocket text messages 64 KiB (the socket is closed
 * with 1009), message content 32 Ki characters, history pages 1000, 256 replies waiting per
 * connection, 20,000 connections.
 */
package org.port8000.perf.reference;
