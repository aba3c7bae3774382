/**
 * The reference Port 8000 chat controller: a small, honest implementation of the target contract
 * (HTTP bot API, chat history, WebSocket chat at {@code /ws}, chat UI, Prometheus metrics) that the
 * suite launches as a separate process on 127.0.0.1 so its memory and CPU are its own.
 *
 * <p>Start it in the foreground with {@code mvn exec:java@reference-server} (or {@code java -cp …
 * org.port8000.perf.reference.ReferenceServer}); it prints one line, {@code Port 8000 reference
 * server listening on http://127.0.0.1:<port> (pid <pid>)}, and stops on SIGTERM. Settings are
 * {@code -D} system properties; an invalid value stops startup (exit 2) with a message naming the
 * property, the value and what is accepted:
 *
 * <ul>
 *   <li>{@code reference.port} (8000; 0 = a free port)
 *   <li>{@code reference.llm.tokens} (8; 0 = no {@code stream} frames, the {@code response} alone
 *       carries an 8-word reply after one token delay), {@code reference.llm.tokenDelayMs} (1)
 *   <li>{@code reference.bot.launchLatencyMs} (50; 1000 with {@code reference.compat=original}),
 *       {@code reference.bot.taskLatencyMs} (20), {@code reference.bot.max} (200)
 *   <li>{@code reference.history.maxRows} (10000), {@code reference.dbDir} (a temp folder, deleted
 *       on stop)
 *   <li>{@code reference.idleTimeoutMs} (10000): an HTTP connection that sends nothing this long is
 *       closed; a request still incomplete after one to two of these is closed too
 *   <li>{@code reference.history.maxConcurrent} (8): history pages written at once; another waits
 *       up to 30 s, then gets 429 with a reason
 * </ul>
 *
 * The suite's launcher gives the server {@code -Xmx} from its own setting {@code
 * reference.maxHeapMb} (512); see docs/reference-server.md.
 *
 * <p>Fault switches ({@code reference.fault.*}) are off by default; the suite's own tests turn them
 * on to prove that its verdicts catch slow, lossy, leaking, failing and crashing targets: {@code
 * replyLatencyMs}, {@code dropRate} (with {@code dropSeed}, default 42, which also seeds the error
 * rates), {@code leakBytesPerMessage}, {@code leakBytesPerConnection} (bytes retained forever per
 * WebSocket connection accepted), {@code errorFrameRate} (0..1: that share of messages is answered
 * with {@code {"type":"error","message":"Error processing message: Connection error."}} instead of
 * a reply), {@code errorReplyRate} (0..1: that share gets a normal {@code response} whose content
 * is {@code [Error: Connection error.]}, as the original server answers when overloaded), {@code
 * crashAfterMessages} (halts with exit code 3 when the Nth chat message arrives; that message is
 * not answered) and {@code uiRenderDelayMs} (published to the page by {@code /ui-config.js}). A
 * "chat message" is a WebSocket {@code message} or a bot task; {@code dropRate} and the two error
 * rates apply to WebSocket messages only, decided per message by one seeded draw, so their sum must
 * be at most 1.
 *
 * <p>Compatibility ({@link org.port8000.perf.reference.CompatSwitches}): {@code
 * reference.compat=original} (default {@code reference}) behaves like the original FastAPI/uvicorn
 * server where the two differ, so the suite's tests can prove it judges a server without the
 * reference extensions. It sets the default of each switch below, each of which can also be set on
 * its own (reference default / original):
 *
 * <ul>
 *   <li>{@code reference.ws.heartbeatAck} (true / false): answer {@code heartbeat} with {@code
 *       heartbeat_ack}; when off a heartbeat is an unknown type
 *   <li>{@code reference.ws.echoId} (true / false): echo a message's {@code id} on its reply
 *       frames; when off the {@code id} field is ignored
 *   <li>{@code reference.ws.ignoreUnknownTypes} (false / true): unknown or missing types ({@code
 *       command}, {@code ping}, …) get no answer at all and the socket stays open, instead of an
 *       error frame
 *   <li>{@code reference.ws.abortOnInvalidJson} (false / true): a frame that is not a JSON object
 *       (or a binary frame) drops the TCP connection without a close frame (the client sees 1006),
 *       instead of an error frame
 *   <li>{@code reference.ws.pingIntervalMs} (0 / 20000): a protocol ping to every open WebSocket
 *       this often, as uvicorn sends
 *   <li>{@code reference.http.rejectH2cUpgrade} (false / true): a request with {@code Upgrade: h2c}
 *       gets 400 "Unsupported upgrade request." as from uvicorn
 *   <li>{@code reference.http.metrics} (true / true): serve {@code /metrics}; the original has
 *       none, set false to reproduce that (kept on in the original mode so the embedded target
 *       keeps its metrics unless a test turns them off)
 *   <li>{@code reference.ui} ({@code reference} / {@code original}): the page at {@code /}; the
 *       original's ({@code reference/ui/original/}) keeps the same ids and classes, sends {@code
 *       {"type":"command","bot_id":…,"command":…}} on the open socket (ignored by the server, so a
 *       typed message is never answered), uses {@code POST /api/bot/{id}/task} only while the
 *       socket is closed, and renders only {@code response} frames
 * </ul>
 *
 * <p>Bounds: request bodies 64 KiB (413), WebSocket text messages 64 KiB (the socket is closed with
 * 1009), message content 32 Ki characters, history pages 1000 (written as a stream, at most {@code
 * reference.history.maxConcurrent} at once), 256 replies waiting per connection, 20,000
 * connections. Bad input is a 4xx with its reason or the contract's {@code success:false}, never a
 * 500: see {@link org.port8000.perf.reference.RequestGate}.
 */
package org.port8000.perf.reference;
