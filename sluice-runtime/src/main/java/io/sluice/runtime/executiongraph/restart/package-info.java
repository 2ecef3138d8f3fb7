/**
 * Restart strategies: after a task failure or a lost TaskManager the JobMaster asks its {@link
 * io.sluice.runtime.executiongraph.restart.RestartStrategy} whether to restart the job and after
 * which delay ({@code restart-strategy.type}: none, fixed-delay, failure-rate or exponential-delay). Owned by one JobMaster's main
 * thread; nothing here is thread-safe.
 */
package io.sluice.runtime.executiongraph.restart;
