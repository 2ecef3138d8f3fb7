/** Typed configuration options and the {@code Configuration} that holds their values. */
package io.sluice.api.configuration;
