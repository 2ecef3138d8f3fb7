package io.sluice.api.windowing.windows;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.typeutils.base.SingletonSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/** The interval {@code [start, end)} of time (event or processing time, in milliseconds). */
public final class TimeWindow extends Window {
    private final long start;
    private final long end;

    public TimeWindow(long start, long end) {
        this.start = start;
        this.end = end;
    }

    /** The first timestamp in the window (inclusive). */
    public long getStart() {
        return start;
    }

    /** The end of the window (exclusive). */
    public long getEnd() {
        return end;
    }

    /** {@code end - 1}, the last timestamp in the window. */
    @Override
    public long maxTimestamp() {
        return end - 1;
    }

    /** Whether the two windows overlap or touch ({@code [0,5)} and {@code [5,10)} intersect). */
    public boolean intersects(TimeWindow other) {
        return start <= other.end && end >= other.start;
    }

    /** The smallest window that holds both. */
    public TimeWindow cover(TimeWindow other) {
        return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
    }

    /**
     * The start of the window of length {@code windowSize}, shifted by {@code offset}, that holds
     * {@code timestamp}; negative timestamps round down too.
     */
    public static long getWindowStartWithOffset(long timestamp, long offset, long windowSize) {
        long remainder = (timestamp - offset) % windowSize;
        return remainder < 0 ? timestamp - (remainder + windowSize) : timestamp - remainder;
    }

    /**
     * Merges overlapping or touching windows: sorts by start, covers each run of intersecting
     * windows, and reports every run of more than one window to {@code callback} as (merged
     * windows, result).
     */
    public static void mergeWindows(
            Collection<TimeWindow> windows, BiConsumer<Collection<TimeWindow>, TimeWindow> callback) {
        List<TimeWindow> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparingLong(TimeWindow::getStart));
        TimeWindow current = null;
        Set<TimeWindow> run = new LinkedHashSet<>();
        for (TimeWindow w : sorted) {
            if (current == null) {
                current = w;
                run.add(w);
            } else if (current.intersects(w)) {
                current = current.cover(w);
                run.add(w);
            } else {
                if (run.size() > 1) {
                    callback.accept(run, current);
                }
                current = w;
                run = new LinkedHashSet<>();
                run.add(w);
            }
        }
        if (run.size() > 1) {
            callback.accept(run, current);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeWindow w && w.start == start && w.end == end;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(start * 31 + end);
    }

    @Override
    public String toString() {
        return "TimeWindow{start=" + start + ", end=" + end + '}';
    }

    /** Serializes a time window as its start and end. */
    public static final class Serializer extends SingletonSerializer<TimeWindow> {
        private static final long serialVersionUID = 1L;
        public static final Serializer INSTANCE = new Serializer();

        @Override
        public boolean isImmutableType() {
            return true;
        }

        @Override
        public TimeWindow createInstance() {
            return null;
        }

        @Override
        public TimeWindow copy(TimeWindow from) {
            return from;
        }

        @Override
        public int getLength() {
            return 16;
        }

        @Override
        public void serialize(TimeWindow record, DataOutputView target) throws IOException {
            target.writeLong(record.start);
            target.writeLong(record.end);
        }

        @Override
        public TimeWindow deserialize(DataInputView source) throws IOException {
            long start = source.readLong();
            return new TimeWindow(start, source.readLong());
        }

        /** For symmetry with the other serializers: the one instance. */
        public static TypeSerializer<TimeWindow> get() {
            return INSTANCE;
        }
    }
}
