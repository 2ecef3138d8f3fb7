/**
 * Operator test harnesses: run one operator or process function outside a job, step by step on
 * the test's thread, feeding elements, watermarks and processing time and reading the exact output,
 * side outputs and keyed state. Names follow Flink's test harnesses. See {@code docs/testing.md}.
 */
package io.sluice.test.harness;
