/**
 * The producing side of the data plane: a {@link io.sluice.runtime.network.partition.ResultPartition}
 * per produced data set and subtask, split into one {@link
 * io.sluice.runtime.network.partition.ResultSubpartition} per consuming channel, and the {@link
 * io.sluice.runtime.network.partition.ResultPartitionManager} through which consumers find them.
 *
 * <pre>
 *  producer task thread                         consumer task thread
 *  RecordWriter ── Buffer ──► ResultSubpartition ──► ResultSubpartitionView ──► LocalInputChannel ──► SingleInputGate
 *       ▲                         (queue)        notifyDataAvailable (producer thread)                │
 *       └──────────── LocalBufferPool ◄──────────── Buffer.recycleBuffer() (consumer thread) ◄────────┘
 * </pre>
 *
 * A subpartition's queue holds at most the partition pool's buffers plus in-band events, so a
 * consumer that stops reading stops the producer.
 */
package io.sluice.runtime.network.partition;
