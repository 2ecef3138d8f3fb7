/**
 * Configuration of the cluster components: the option constants (Flink's keys where Flink has one),
 * the {@link io.sluice.runtime.configuration.ConfigOptionRegistry} of every known option with its
 * allowed range, {@link io.sluice.runtime.configuration.GlobalConfiguration}, which loads
 * {@code conf/sluice.yaml} and {@code -D} overrides strictly against that registry, and the
 * conversions from a {@link io.sluice.api.configuration.Configuration} to the records the components
 * take. docs/configuration.md documents every registered option; a test keeps the two in step.
 */
package io.sluice.runtime.configuration;
