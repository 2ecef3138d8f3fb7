/** The task mailbox: how other threads hand work to a task thread. */
package io.sluice.runtime.tasks.mailbox;
