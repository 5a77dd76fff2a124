/**
 * Micrometer meters for ssekit's figures ({@link org.ssekit.micrometer.SseMeterBinder}). Needs
 * {@code io.micrometer:micrometer-core} on the application's class path; nothing else in ssekit
 * loads this package, so an application without Micrometer never touches it.
 */
package org.ssekit.micrometer;
