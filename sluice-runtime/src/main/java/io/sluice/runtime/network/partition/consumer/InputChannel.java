package io.sluice.runtime.network.partition.consumer;

import io.sluice.runtime.deployment.ResultPartitionID;
import io.sluice.runtime.network.buffer.Buffer;
import java.io.IOException;

/**
 * One input of a gate: subpartition {@link #getSubpartitionIndex()} of partition {@link
 * #getPartitionId()}. Subclasses move buffers from the producer: {@link LocalInputChannel} in the
 * same JVM; {@code io.sluice.runtime.network.netty.RemoteInputChannel} over Netty, credit-based.
 *
 * <p>Threading: {@link #getNextBuffer()}, {@link #isMoreAvailable()} and {@link
 * #releaseAllResources()} are called by the gate's task thread only. Data arrival is signalled from
 * any thread with {@link #notifyChannelNonEmpty()}; an asynchronous failure (connection, timeout)
 * with {@link #setError}, which the task thread then sees as an exception from {@link
 * #getNextBuffer()}.
 */
public abstract class InputChannel {
    protected final SingleInputGate gate;
    protected final int channelIndex;
    protected final ResultPartitionID partitionId;
    protected final int subpartitionIndex;

    /** Guarded by the gate's lock: whether the channel sits in the gate's queue of channels with data. */
    boolean queuedInGate;
    /** Gate thread only: end-of-partition was delivered. */
    boolean finished;

    private volatile Throwable error;

    protected InputChannel(
            SingleInputGate gate, int channelIndex, ResultPartitionID partitionId, int subpartitionIndex) {
        this.gate = gate;
        this.channelIndex = channelIndex;
        this.partitionId = partitionId;
        this.subpartitionIndex = subpartitionIndex;
    }

    public int getChannelIndex() {
        return channelIndex;
    }

    public ResultPartitionID getPartitionId() {
        return partitionId;
    }

    public int getSubpartitionIndex() {
        return subpartitionIndex;
    }

    /** Starts connecting to the producer; may complete asynchronously. Called once by the gate. */
    protected abstract void requestSubpartition();

    /** The next buffer or event buffer, or null if none is there now. Throws if the channel failed. */
    protected abstract Buffer getNextBuffer() throws IOException;

    /** Whether the last {@link #getNextBuffer()} left more data ready. */
    protected abstract boolean isMoreAvailable();

    /** Stops reading and frees what the channel holds. Idempotent. */
    protected abstract void releaseAllResources();

    /** Data (or an error) is ready: queue this channel in its gate. Cheap; any thread. */
    protected final void notifyChannelNonEmpty() {
        gate.notifyChannelNonEmpty(this);
    }

    /** Fails the channel asynchronously; the first error wins. */
    protected final void setError(Throwable cause) {
        if (error == null) {
            error = cause;
        }
        notifyChannelNonEmpty();
    }

    protected final void checkError() throws IOException {
        Throwable t = error;
        if (t != null) {
            throw t instanceof IOException io ? io : new IOException(t.getMessage(), t);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " " + channelIndex + " (" + partitionId + ", subpartition "
                + subpartitionIndex + ")";
    }
}
