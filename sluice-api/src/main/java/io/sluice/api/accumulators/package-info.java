/** Accumulators: per-subtask values merged into the job result. */
package io.sluice.api.accumulators;
