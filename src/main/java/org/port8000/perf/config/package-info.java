/**
 * Settings: the one place that reads the profile and the {@code -D} overrides, and the one {@link
 * org.port8000.perf.config.PropertyReader} (also used by the reference server), which fails before
 * any load with a message naming the setting, the value, what is accepted and the fix. A leaf:
 * imports no other package of the project.
 */
package org.port8000.perf.config;
