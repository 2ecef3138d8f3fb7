/**
 * End-to-end tests of a job's life cycle on the embedded cluster: user failures reaching the
 * client, cancellation (also of tasks stuck in user code), too few slots, backpressure with a
 * bounded buffer pool, buffer timeout semantics and several jobs sharing one MiniCluster.
 */
package io.sluice.runtime.e2e.lifecycle;
