/**
 * The events a source's readers (the task-side {@code SourceOperator}) and its
 * {@link io.sluice.runtime.source.coordinator.SourceCoordinator} exchange.
 *
 * <p>Task to coordinator: {@link io.sluice.runtime.source.event.ReaderRegistrationEvent} once when
 * the reader starts, then {@link io.sluice.runtime.source.event.RequestSplitEvent} for every
 * {@code sendSplitRequest()} and {@link io.sluice.runtime.source.event.SourceEventWrapper} for custom
 * events. Coordinator to task: {@link io.sluice.runtime.source.event.AddSplitEvent},
 * {@link io.sluice.runtime.source.event.NoMoreSplitsEvent} and
 * {@link io.sluice.runtime.source.event.SourceEventWrapper}. All are immutable and serializable.
 */
package io.sluice.runtime.source.event;
