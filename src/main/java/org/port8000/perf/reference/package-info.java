/**
 * The reference Port 8000 chat controller: a small, honest implementation of the target contract
 * (HTTP bot API, chat history, WebSocket chat at {@code /ws}, chat UI, Prometheus metrics) that
 * the suite launches as a separate process on 127.0.0.1 so its memory and CPU are its own.
 *
 * <p>Fault switches ({@code reference.fault.*}) are off by default; the suite's own tests turn
 * them on to prove that its verdicts catch slow, lossy, leaking and crashing targets.
 */
package org.port8000.perf.reference;
