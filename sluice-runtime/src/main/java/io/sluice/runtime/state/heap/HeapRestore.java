package io.sluice.runtime.state.heap;

import io.sluice.api.state.StateDescriptor;
import io.sluice.api.typeutils.DataInputDeserializer;
import io.sluice.runtime.state.KeyGroupRange;
import io.sluice.runtime.state.KeyGroupsStateHandle;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a heap backend read from a checkpoint and has not handed out yet: each state's bytes per
 * key group until the operator asks for the state (its descriptor brings the serializers), and
 * each timer service's timers until the operator creates the service. Task thread only; the
 * pending states are immutable once read, so a snapshot may write them from another thread.
 */
final class HeapRestore {
    private static final StateDescriptor.Type[] KINDS = StateDescriptor.Type.values();

    private final int maxParallelism;
    private final KeyGroupRange range;
    private final Map<String, PendingState> states = new LinkedHashMap<>();
    private final Map<String, RestoredTimers> timers = new LinkedHashMap<>();

    HeapRestore(int maxParallelism, KeyGroupRange range) {
        this.maxParallelism = maxParallelism;
        this.range = range;
    }

    /** A restored state's bytes per key group, not yet deserialized. Immutable after reading. */
    static final class PendingState {
        final String name;
        final StateDescriptor.Type kind;
        final boolean ttl;
        /** Absolute key group and the state's bytes in it. */
        final List<Map.Entry<Integer, byte[]>> chunks = new ArrayList<>();

        PendingState(String name, StateDescriptor.Type kind, boolean ttl) {
            this.name = name;
            this.kind = kind;
            this.ttl = ttl;
        }

        byte[][] bytesByKeyGroup(int startKeyGroup, int numKeyGroups) {
            byte[][] result = new byte[numKeyGroups][];
            for (Map.Entry<Integer, byte[]> chunk : chunks) {
                result[chunk.getKey() - startKeyGroup] = chunk.getValue();
            }
            return result;
        }
    }

    private record ReadTimer(RestoredTimers.Timer timer, int source, long rank) {}

    private static final Comparator<ReadTimer> FIRING_ORDER = Comparator.comparingLong(
                    (ReadTimer t) -> t.timer().timestamp())
            .thenComparingInt(ReadTimer::source)
            .thenComparingLong(ReadTimer::rank);

    boolean isEmpty() {
        return states.isEmpty() && timers.isEmpty();
    }

    void read(List<KeyGroupsStateHandle> handles) throws IOException {
        KeyNamespaceSerializer keys = new KeyNamespaceSerializer();
        Map<String, List<ReadTimer>[]> readTimers = new LinkedHashMap<>();
        for (int source = 0; source < handles.size(); source++) {
            KeyGroupsStateHandle handle = handles.get(source);
            int from = Math.max(range.getStartKeyGroup(), handle.keyGroupRange().getStartKeyGroup());
            int to = Math.min(range.getEndKeyGroup(), handle.keyGroupRange().getEndKeyGroup());
            if (from > to) {
                continue;
            }
            byte[] bytes;
            try (InputStream in = handle.delegate().openInputStream()) {
                bytes = in.readAllBytes();
            }
            DataInputDeserializer in = new DataInputDeserializer(bytes);
            checkHeader(in, handle);
            for (int keyGroup = from; keyGroup <= to; keyGroup++) {
                int offset = (int) handle.offsetOf(keyGroup);
                in.setBuffer(bytes, offset, bytes.length - offset);
                readKeyGroup(keyGroup, in, keys, source, readTimers);
            }
        }
        for (Map.Entry<String, List<ReadTimer>[]> e : readTimers.entrySet()) {
            timers.put(e.getKey(), new RestoredTimers(sorted(e.getValue()[0]), sorted(e.getValue()[1])));
        }
    }

    private void checkHeader(DataInputDeserializer in, KeyGroupsStateHandle handle) throws IOException {
        int magic = in.readInt();
        int version = in.readInt();
        if (magic != HeapSnapshotWriter.MAGIC || version != HeapSnapshotWriter.VERSION) {
            throw new IOException("Not a heap keyed state snapshot (version " + HeapSnapshotWriter.VERSION + "): "
                    + handle.delegate().describe());
        }
        int writtenMaxParallelism = in.readInt();
        if (writtenMaxParallelism != maxParallelism) {
            throw new IllegalStateException("Cannot restore keyed state written with max parallelism "
                    + writtenMaxParallelism + " into an operator with max parallelism " + maxParallelism
                    + ": keys would map to other key groups. Set the operator's max parallelism back to "
                    + writtenMaxParallelism + " (" + handle.delegate().describe() + ")");
        }
    }

    @SuppressWarnings("unchecked")
    private void readKeyGroup(
            int keyGroup,
            DataInputDeserializer in,
            KeyNamespaceSerializer keys,
            int source,
            Map<String, List<ReadTimer>[]> readTimers)
            throws IOException {
        while (in.readByte() != 0) {
            String name = in.readUTF();
            StateDescriptor.Type kind = KINDS[in.readUnsignedByte()];
            boolean ttl = in.readBoolean();
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            PendingState state = states.computeIfAbsent(name, n -> new PendingState(n, kind, ttl));
            state.chunks.add(Map.entry(keyGroup, bytes));
        }
        while (in.readByte() != 0) {
            String name = in.readUTF();
            List<ReadTimer>[] domains =
                    readTimers.computeIfAbsent(name, n -> new List[] {new ArrayList<>(), new ArrayList<>()});
            for (List<ReadTimer> domain : domains) {
                int count = in.readInt();
                for (int i = 0; i < count; i++) {
                    Object key = keys.deserialize(in);
                    Object namespace = keys.deserialize(in);
                    long timestamp = in.readLong();
                    long rank = in.readLong();
                    domain.add(new ReadTimer(new RestoredTimers.Timer(timestamp, key, namespace), source, rank));
                }
            }
        }
    }

    private static List<RestoredTimers.Timer> sorted(List<ReadTimer> read) {
        read.sort(FIRING_ORDER);
        List<RestoredTimers.Timer> result = new ArrayList<>(read.size());
        for (ReadTimer t : read) {
            result.add(t.timer());
        }
        return result;
    }

    /** Fills {@code state} with its restored entries, if any, and forgets them here. */
    <K> void applyTo(AbstractHeapState<K, ?> state) throws IllegalStateException {
        PendingState pending = states.get(state.name());
        if (pending == null) {
            return;
        }
        StateDescriptor.Type kind = state.descriptor().getType();
        if (pending.kind != kind || pending.ttl != state.ttlEnabled) {
            throw new IllegalStateException("Keyed state '" + pending.name + "' was checkpointed as " + pending.kind
                    + " state" + (pending.ttl ? " with" : " without") + " TTL and is now requested as " + kind
                    + " state" + (state.ttlEnabled ? " with" : " without")
                    + " TTL; keep a state's kind and TTL setting across restores, or give the new state another name");
        }
        StoredValueCodec codec = state.codec();
        KeyNamespaceSerializer keys = new KeyNamespaceSerializer();
        try {
            for (Map.Entry<Integer, byte[]> chunk : pending.chunks) {
                int keyGroupIndex = chunk.getKey() - range.getStartKeyGroup();
                DataInputDeserializer in = new DataInputDeserializer(chunk.getValue());
                while (in.readBoolean()) {
                    Object namespace = keys.deserialize(in);
                    int count = in.readInt();
                    for (int i = 0; i < count; i++) {
                        @SuppressWarnings("unchecked")
                        K key = (K) keys.deserialize(in);
                        state.restoreStored(namespace, keyGroupIndex, key, codec.read(in));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Restoring keyed state '" + pending.name + "' failed: " + e.getMessage(), e);
        }
        states.remove(pending.name);
    }

    /** The restored states not asked for yet, for the next snapshot to write again. */
    List<PendingState> pendingStates() {
        return List.copyOf(states.values());
    }

    /** The restored timers of the services not created yet, for the next snapshot to write again. */
    List<TimersSnapshot> pendingTimers() {
        List<TimersSnapshot> result = new ArrayList<>(timers.size());
        for (Map.Entry<String, RestoredTimers> e : timers.entrySet()) {
            List<RestoredTimers.Timer> event = e.getValue().eventTime();
            List<RestoredTimers.Timer> processing = e.getValue().processingTime();
            result.add(new TimersSnapshot(
                    e.getKey(),
                    event.toArray(new RestoredTimers.Timer[0]),
                    ranks(event.size()),
                    processing.toArray(new RestoredTimers.Timer[0]),
                    ranks(processing.size())));
        }
        return result;
    }

    private static long[] ranks(int n) {
        long[] ranks = new long[n];
        for (int i = 0; i < n; i++) {
            ranks[i] = i;
        }
        return ranks;
    }

    RestoredTimers takeTimers(String name) {
        return timers.remove(name);
    }
}
