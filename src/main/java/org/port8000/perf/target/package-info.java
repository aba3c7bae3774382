/**
 * The target under test: starts the embedded reference server as a child JVM on a free loopback
 * port (or uses {@code -Dtarget.url}), waits for its health endpoint, knows its PID, and refuses
 * addresses that are not on this machine unless explicitly allowed.
 */
package org.port8000.perf.target;
