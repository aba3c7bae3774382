/**
 * The Gatling simulations, one per measured area. Each reads its parameters once from {@link
 * org.port8000.perf.config.Settings}, then protocol, scenario, assertions, setUp.
 */
package org.port8000.perf.simulations;
