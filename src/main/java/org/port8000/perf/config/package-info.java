/**
 * Settings: the one place that reads the profile and the {@code -D} overrides, validates them
 * and fails before any load with a message naming the setting, the value and what is accepted.
 */
package org.port8000.perf.config;
