/**
 * User-code class loading: one child-first class loader per job over the job's jars, shared by all
 * of the job's tasks on a TaskManager and closed when the last of them releases it.
 */
package io.sluice.runtime.execution.librarycache;
