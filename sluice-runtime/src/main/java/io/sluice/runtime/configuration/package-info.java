/**
 * Configuration option constants of the cluster components (Flink's keys where Flink has one),
 * and the conversions from a {@link io.sluice.api.configuration.Configuration} to the records the
 * components take.
 */
package io.sluice.runtime.configuration;
