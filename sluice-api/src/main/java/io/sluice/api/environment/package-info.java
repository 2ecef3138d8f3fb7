/** The entry point of a program: {@code StreamExecutionEnvironment}. */
package io.sluice.api.environment;
