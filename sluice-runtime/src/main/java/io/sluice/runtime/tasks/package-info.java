/**
 * The task side of execution: the mailbox loop ({@code StreamTask}), operator chains, network inputs
 * and outputs, and the per-input event-time clock ({@code WatermarkValve}).
 */
package io.sluice.runtime.tasks;
