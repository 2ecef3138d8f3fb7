/**
 * JUnit 5 support for testing whole jobs: {@link io.sluice.test.junit5.MiniClusterExtension} runs
 * one embedded cluster for a test class and makes {@code getExecutionEnvironment()} submit to it.
 * See {@code docs/testing.md}.
 */
package io.sluice.test.junit5;
