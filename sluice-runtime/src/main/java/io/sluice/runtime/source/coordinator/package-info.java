/**
 * The JobMaster side of split-based sources: {@link
 * io.sluice.runtime.source.coordinator.SourceCoordinator} runs a source's {@code SplitEnumerator}
 * on the coordinator thread and speaks the event protocol of {@code io.sluice.runtime.source.event}
 * with the source's readers; {@link io.sluice.runtime.source.coordinator.SourceCoordinatorContext}
 * is what the enumerator sees; {@link io.sluice.runtime.source.coordinator.SourceCoordinatorProvider}
 * is the serializable factory stored in the job vertex.
 */
package io.sluice.runtime.source.coordinator;
