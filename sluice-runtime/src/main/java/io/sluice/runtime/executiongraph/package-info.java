/**
 * The ExecutionGraph: a JobGraph expanded by parallelism into subtasks ({@link
 * io.sluice.runtime.executiongraph.ExecutionVertex}) and their attempts ({@link
 * io.sluice.runtime.executiongraph.Execution}), with the job's and each attempt's state machine,
 * and the construction of the {@link io.sluice.runtime.deployment.TaskDeploymentDescriptor}s. Owned
 * by one JobMaster's main thread; nothing here is thread-safe.
 */
package io.sluice.runtime.executiongraph;
