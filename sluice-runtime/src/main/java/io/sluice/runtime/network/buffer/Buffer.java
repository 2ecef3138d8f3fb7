package io.sluice.runtime.network.buffer;

/**
 * A fixed-size heap segment with a fill level, the unit the data plane moves: serialized records
 * (possibly a record spanning several buffers) or one serialized event.
 *
 * <p>Ownership moves with the buffer: the producer's task thread fills it, hands it to a
 * subpartition, and from then on only the consumer touches it, until the consumer calls {@link
 * #recycleBuffer()} exactly once. Pooled buffers go back to the {@link LocalBufferPool} they came
 * from (that is the flow control of local channels); event buffers are unpooled and may be shared
 * by all subpartitions because readers never modify them.
 */
public final class Buffer {
    private final byte[] memory;
    private int size;
    private boolean isEvent;
    private BufferRecycler recycler;
    /** Pooled buffers only: true between the pool handing it out and its recycling. */
    private boolean inUse;

    private final boolean pooled;

    /** A pooled buffer over {@code memory}; its recycler is set when a pool hands it out. */
    Buffer(byte[] memory) {
        this.memory = memory;
        this.pooled = true;
    }

    private Buffer(byte[] memory, int size, boolean isEvent, BufferRecycler recycler) {
        this.memory = memory;
        this.size = size;
        this.isEvent = isEvent;
        this.recycler = recycler;
        this.pooled = false;
    }

    /** An unpooled, read-only buffer holding one serialized event. */
    public static Buffer unpooledEvent(byte[] bytes) {
        return new Buffer(bytes, bytes.length, true, BufferRecycler.NONE);
    }

    /**
     * A record-data buffer over memory the caller owns (a remote input channel's segment): {@code
     * recycler} gets it back when the reader is done, and must itself guard against double recycling.
     */
    public static Buffer wrap(byte[] memory, int size, BufferRecycler recycler) {
        return new Buffer(memory, size, false, recycler);
    }

    /** Called by the pool when it hands the buffer out. */
    void prepareForUse(BufferRecycler owner) {
        this.recycler = owner;
        this.size = 0;
        this.isEvent = false;
        this.inUse = true;
    }

    /** The backing array; valid bytes are {@code [0, getSize())}. */
    public byte[] getMemory() {
        return memory;
    }

    public int getCapacity() {
        return memory.length;
    }

    public int getSize() {
        return size;
    }

    public void setSize(int size) {
        if (size < 0 || size > memory.length) {
            throw new IndexOutOfBoundsException("size " + size + " outside [0, " + memory.length + "]");
        }
        this.size = size;
    }

    /** Free bytes after the fill level. */
    public int writableBytes() {
        return memory.length - size;
    }

    /** True if the buffer holds an event rather than record data. */
    public boolean isEvent() {
        return isEvent;
    }

    /** Returns the buffer to its pool; call exactly once when done reading (no-op for events). */
    public void recycleBuffer() {
        if (pooled) {
            if (!inUse) {
                throw new IllegalStateException("Buffer recycled twice: a reader kept or recycled a buffer it no longer"
                        + " owns; this is a bug in the code that reads the input");
            }
            inUse = false;
        }
        recycler.recycle(this);
    }

    @Override
    public String toString() {
        return (isEvent ? "EventBuffer[" : "Buffer[") + size + "/" + memory.length + "]";
    }
}
