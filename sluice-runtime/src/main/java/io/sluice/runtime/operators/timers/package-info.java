/**
 * Timers of keyed operators: per (key, namespace, timestamp), in event time (fired as the
 * watermark passes them, in timestamp order) and processing time (fired by the task's
 * {@link io.sluice.runtime.operators.ProcessingTimeService}); always on the task thread.
 */
package io.sluice.runtime.operators.timers;
