/** Execution states of subtask attempts and their updates. */
package io.sluice.runtime.execution;
