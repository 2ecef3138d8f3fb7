package io.sluice.runtime.operators.timers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * The timers of one time domain: a binary min-heap by (timestamp, registration order) plus a hash
 * index, so there is one timer per (key, namespace, timestamp), and adding, finding and deleting
 * a timer are O(log n) with no allocation when the timer already exists. Task thread only.
 */
final class TimerHeap<K, N> {
    private Entry<K, N>[] heap;
    private int size;
    private final HashMap<Entry<K, N>, Entry<K, N>> index = new HashMap<>();
    private final Entry<K, N> probe = new Entry<>(0, null, null, 0);
    private long sequence;

    /**
     * The last timer {@link #add} saw, by identity of key and namespace: operators often register
     * the same timer twice in a row (a window's trigger and its cleanup), and the second call then
     * skips the hash lookup. Cleared whenever a timer leaves the heap.
     */
    private Entry<K, N> lastAdded;

    @SuppressWarnings("unchecked")
    TimerHeap() {
        heap = new Entry[16];
    }

    int size() {
        return size;
    }

    Entry<K, N> peek() {
        return size == 0 ? null : heap[0];
    }

    /** Adds the timer unless it exists; returns whether it was added. */
    boolean add(long timestamp, K key, N namespace) {
        Entry<K, N> last = lastAdded;
        if (last != null && last.timestamp == timestamp && last.key == key && last.namespace == namespace) {
            return false;
        }
        probe.set(timestamp, key, namespace);
        Entry<K, N> existing = index.get(probe);
        if (existing != null) {
            lastAdded = existing;
            return false;
        }
        Entry<K, N> e = new Entry<>(timestamp, key, namespace, sequence++);
        lastAdded = e;
        index.put(e, e);
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        e.heapIndex = size;
        heap[size++] = e;
        siftUp(e.heapIndex);
        return true;
    }

    /** Removes the timer if it exists; returns whether it did. */
    boolean remove(long timestamp, K key, N namespace) {
        probe.set(timestamp, key, namespace);
        Entry<K, N> e = index.remove(probe);
        if (e == null) {
            return false;
        }
        lastAdded = null;
        removeAt(e.heapIndex);
        return true;
    }

    /** Removes and returns the earliest timer. */
    Entry<K, N> poll() {
        if (size == 0) {
            return null;
        }
        Entry<K, N> head = heap[0];
        index.remove(head);
        lastAdded = null;
        removeAt(0);
        return head;
    }

    /** All timers, earliest first (for tests and snapshots). */
    List<Entry<K, N>> sorted() {
        List<Entry<K, N>> all = new ArrayList<>(Arrays.asList(heap).subList(0, size));
        all.sort(TimerHeap::compare);
        return all;
    }

    /** The timers in heap order, for a snapshot (the entries never change once in the heap). */
    Entry<K, N>[] copyEntries() {
        return Arrays.copyOf(heap, size);
    }

    /** The registration order of each of {@code entries}, which breaks ties between equal timestamps. */
    static long[] sequences(Entry<?, ?>[] entries) {
        long[] sequences = new long[entries.length];
        for (int i = 0; i < entries.length; i++) {
            sequences[i] = entries[i].sequence;
        }
        return sequences;
    }

    private void removeAt(int i) {
        Entry<K, N> last = heap[--size];
        heap[size] = null;
        if (i < size) {
            heap[i] = last;
            last.heapIndex = i;
            siftDown(i);
            if (heap[i] == last) {
                siftUp(i);
            }
        }
    }

    private void siftUp(int i) {
        Entry<K, N> e = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Entry<K, N> p = heap[parent];
            if (compare(e, p) >= 0) {
                break;
            }
            heap[i] = p;
            p.heapIndex = i;
            i = parent;
        }
        heap[i] = e;
        e.heapIndex = i;
    }

    private void siftDown(int i) {
        Entry<K, N> e = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            Entry<K, N> c = heap[child];
            int right = child + 1;
            if (right < size && compare(heap[right], c) < 0) {
                child = right;
                c = heap[child];
            }
            if (compare(e, c) <= 0) {
                break;
            }
            heap[i] = c;
            c.heapIndex = i;
            i = child;
        }
        heap[i] = e;
        e.heapIndex = i;
    }

    private static int compare(Entry<?, ?> a, Entry<?, ?> b) {
        int c = Long.compare(a.timestamp, b.timestamp);
        return c != 0 ? c : Long.compare(a.sequence, b.sequence);
    }

    /** A timer; equal by (timestamp, key, namespace). */
    static final class Entry<K, N> implements InternalTimer<K, N> {
        private long timestamp;
        private K key;
        private N namespace;
        private final long sequence;
        private int heapIndex;

        Entry(long timestamp, K key, N namespace, long sequence) {
            this.timestamp = timestamp;
            this.key = key;
            this.namespace = namespace;
            this.sequence = sequence;
        }

        private void set(long timestamp, K key, N namespace) {
            this.timestamp = timestamp;
            this.key = key;
            this.namespace = namespace;
        }

        @Override
        public long getTimestamp() {
            return timestamp;
        }

        @Override
        public K getKey() {
            return key;
        }

        @Override
        public N getNamespace() {
            return namespace;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry<?, ?> e
                    && e.timestamp == timestamp
                    && e.key.equals(key)
                    && e.namespace.equals(namespace);
        }

        @Override
        public int hashCode() {
            return (Long.hashCode(timestamp) * 31 + key.hashCode()) * 31 + namespace.hashCode();
        }

        @Override
        public String toString() {
            return "Timer{timestamp=" + timestamp + ", key=" + key + ", namespace=" + namespace + '}';
        }
    }
}
