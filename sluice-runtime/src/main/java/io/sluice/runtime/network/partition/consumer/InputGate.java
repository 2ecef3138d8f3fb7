package io.sluice.runtime.network.partition.consumer;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * The input of a task for one input edge: data buffers and events from all of the edge's producer
 * subpartitions, one channel each.
 *
 * <p>Call order (task thread only, except {@link #getAvailableFuture()} callbacks):
 *
 * <pre>
 *   requestPartitions()                     once, before reading
 *   loop:
 *     BufferOrEvent boe = pollNext()        non-blocking; null = nothing now
 *     if boe == null:
 *        if isFinished(): done
 *        else wait for getAvailableFuture() (through the mailbox, never by parking in an operator)
 *     else: deserialize boe's buffer and recycle it, or handle its event
 *   close()
 * </pre>
 *
 * <p>The availability future is completed on the producer's thread (or a network thread) the moment
 * data arrives, so whatever the task chains onto it must be cheap (e.g. enqueue a mail).
 */
public interface InputGate extends AutoCloseable {
    /** This gate's index among the task's inputs. */
    int getGateIndex();

    int getNumberOfChannels();

    /** Connects every channel to its producer. Call once, before the first {@link #pollNext()}. */
    void requestPartitions();

    /**
     * The next buffer or event from any channel with data, or null if none is ready. Channels are
     * served round robin. End-of-partition events are delivered too (one per channel); after the
     * last one {@link #isFinished()} is true.
     *
     * @throws IOException if a channel failed (producer failed, partition not found, ...)
     */
    BufferOrEvent pollNext() throws IOException;

    /** Completed when {@link #pollNext()} may return something (or the gate finished or failed). */
    CompletableFuture<?> getAvailableFuture();

    /** True once every channel delivered end-of-partition. */
    boolean isFinished();

    /** Releases all channels; buffers still queued go back to their producers. Idempotent. */
    @Override
    void close();
}
