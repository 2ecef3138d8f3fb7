/** The task side of execution: the mailbox loop ({@code StreamTask}), operator chains, network inputs and outputs. */
package io.sluice.runtime.tasks;
