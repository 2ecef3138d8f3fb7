/**
 * The embedded cluster: Dispatcher, ResourceManager and TaskExecutors in one JVM, wired through an
 * in-process RPC service, plus the {@link io.sluice.api.common.JobClient} it hands out.
 */
package io.sluice.runtime.minicluster;
