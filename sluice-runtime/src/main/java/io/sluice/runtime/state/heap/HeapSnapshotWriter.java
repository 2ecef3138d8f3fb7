package io.sluice.runtime.state.heap;

import io.sluice.api.state.StateDescriptor;
import io.sluice.api.typeutils.DataOutputSerializer;
import io.sluice.runtime.operators.timers.InternalTimer;
import io.sluice.runtime.state.CheckpointStateOutputStream;
import io.sluice.runtime.state.CheckpointStreamFactory;
import io.sluice.runtime.state.KeyGroupRange;
import io.sluice.runtime.state.KeyGroupRangeAssignment;
import io.sluice.runtime.state.KeyGroupsStateHandle;
import io.sluice.runtime.state.SnapshotWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The asynchronous part of a heap keyed state snapshot: writes what {@link
 * HeapKeyedStateBackend#snapshot} captured as one stream. Runs on the snapshot thread; reads only
 * maps the task thread no longer changes, with its own serializers.
 *
 * <p>Format (big-endian): a header {@code MAGIC, VERSION, maxParallelism} (three ints), then one
 * section per key group of the range, where {@link KeyGroupsStateHandle#offsets()} point:
 *
 * <pre>
 * section := state* 0x00  timerService* 0x00
 * state   := 0x01 name(UTF) kind(byte: StateDescriptor.Type ordinal) ttl(bool) length(int) bytes[length]
 *   bytes := (true namespace count(int) (key storedValue){count})* false
 * timerService := 0x01 name(UTF) count(int) timer{count} count(int) timer{count}   (event, then processing time)
 *   timer := key namespace timestamp(long) rank(long)
 * </pre>
 *
 * Keys and namespaces are written by {@link KeyNamespaceSerializer}, stored values by {@link
 * StoredValueCodec}. A state's bytes are length-prefixed so a restore can keep them unread until
 * the operator asks for the state (and its serializer) again.
 */
final class HeapSnapshotWriter implements SnapshotWriter<KeyGroupsStateHandle> {
    static final int MAGIC = 0x534B5331; // "SKS1"
    static final int VERSION = 1;

    /**
     * One state as captured: its maps per namespace and a codec of the snapshot thread's own.
     *
     * @param cleanupNow the TTL clock at the sync part when expired values are left out
     *     ({@code StateTtlConfig#cleanupFullSnapshot}), else {@code Long.MIN_VALUE}
     */
    record StateCut(
            String name,
            StateDescriptor.Type kind,
            boolean ttl,
            StoredValueCodec codec,
            List<AbstractHeapState.NamespaceCut> namespaces,
            long cleanupNow,
            long ttlMillis) {}

    private final long checkpointId;
    private final int maxParallelism;
    private final KeyGroupRange range;
    private final List<StateCut> states;
    private final List<TimersSnapshot> timers;
    private final List<HeapRestore.PendingState> unreadStates;

    HeapSnapshotWriter(
            long checkpointId,
            int maxParallelism,
            KeyGroupRange range,
            List<StateCut> states,
            List<TimersSnapshot> timers,
            List<HeapRestore.PendingState> unreadStates) {
        this.checkpointId = checkpointId;
        this.maxParallelism = maxParallelism;
        this.range = range;
        this.states = states;
        this.timers = timers;
        this.unreadStates = unreadStates;
    }

    @Override
    public KeyGroupsStateHandle write(CheckpointStreamFactory streams) throws IOException {
        int numKeyGroups = range.getNumberOfKeyGroups();
        KeyNamespaceSerializer keys = new KeyNamespaceSerializer();
        List<TimersByKeyGroup> timersByKeyGroup = new ArrayList<>(timers.size());
        for (TimersSnapshot t : timers) {
            if (t.size() > 0) {
                timersByKeyGroup.add(new TimersByKeyGroup(t));
            }
        }
        Map<String, byte[][]> unread = new HashMap<>();
        for (HeapRestore.PendingState p : unreadStates) {
            unread.put(p.name, p.bytesByKeyGroup(range.getStartKeyGroup(), numKeyGroups));
        }
        long[] offsets = new long[numKeyGroups];
        DataOutputSerializer section = new DataOutputSerializer(4096);
        DataOutputSerializer stateBytes = new DataOutputSerializer(4096);
        try (CheckpointStateOutputStream out = streams.createCheckpointStateOutputStream()) {
            section.writeInt(MAGIC);
            section.writeInt(VERSION);
            section.writeInt(maxParallelism);
            out.write(section.getSharedBuffer(), 0, section.length());
            for (int i = 0; i < numKeyGroups; i++) {
                offsets[i] = out.getPos();
                section.clear();
                for (StateCut state : states) {
                    stateBytes.clear();
                    if (writeKeyGroup(state, i, keys, stateBytes)) {
                        writeStateHeader(section, state.name, state.kind, state.ttl, stateBytes.length());
                        section.write(stateBytes.getSharedBuffer(), 0, stateBytes.length());
                    }
                }
                for (HeapRestore.PendingState p : unreadStates) {
                    byte[] bytes = unread.get(p.name)[i];
                    if (bytes != null) {
                        writeStateHeader(section, p.name, p.kind, p.ttl, bytes.length);
                        section.write(bytes);
                    }
                }
                section.writeByte(0);
                for (TimersByKeyGroup t : timersByKeyGroup) {
                    t.write(i, keys, section);
                }
                section.writeByte(0);
                out.write(section.getSharedBuffer(), 0, section.length());
            }
            return new KeyGroupsStateHandle(range, offsets, out.closeAndGetHandle());
        } catch (IOException | RuntimeException e) {
            throw new IOException(
                    "Writing the keyed state of checkpoint " + checkpointId + " (" + range + ") failed: "
                            + e.getMessage(),
                    e);
        }
    }

    private static void writeStateHeader(
            DataOutputSerializer out, String name, StateDescriptor.Type kind, boolean ttl, int length)
            throws IOException {
        out.writeByte(1);
        out.writeUTF(name);
        out.writeByte(kind.ordinal());
        out.writeBoolean(ttl);
        out.writeInt(length);
    }

    /** Writes the state's entries of key group index {@code i}; returns whether there were any. */
    @SuppressWarnings("unchecked")
    private static boolean writeKeyGroup(StateCut state, int i, KeyNamespaceSerializer keys, DataOutputSerializer out)
            throws IOException {
        boolean any = false;
        for (AbstractHeapState.NamespaceCut ns : state.namespaces) {
            HashMap<Object, Object> map = (HashMap<Object, Object>) ns.keyGroupMaps()[i];
            if (map != null && state.cleanupNow != Long.MIN_VALUE) {
                map = withoutExpired(state, map);
            }
            if (map == null || map.isEmpty()) {
                continue;
            }
            any = true;
            out.writeBoolean(true);
            keys.serialize(ns.namespace(), out);
            out.writeInt(map.size());
            for (Map.Entry<Object, Object> e : map.entrySet()) {
                keys.serialize(e.getKey(), out);
                state.codec.write(e.getValue(), out);
            }
        }
        if (any) {
            out.writeBoolean(false);
        }
        return any;
    }

    /** The entries of {@code map} with what expired by the sync part's time left out. */
    private static HashMap<Object, Object> withoutExpired(StateCut state, HashMap<Object, Object> map) {
        HashMap<Object, Object> kept = new HashMap<>();
        for (Map.Entry<Object, Object> e : map.entrySet()) {
            Object stored = state.codec.withoutExpired(e.getValue(), state.cleanupNow, state.ttlMillis);
            if (stored != null) {
                kept.put(e.getKey(), stored);
            }
        }
        return kept;
    }

    /** One service's timers sorted into key groups (a counting sort: positions per key group). */
    private final class TimersByKeyGroup {
        private final TimersSnapshot timers;
        private final int[][] event;
        private final int[][] processing;

        TimersByKeyGroup(TimersSnapshot timers) {
            this.timers = timers;
            this.event = bucket(timers.eventTimers());
            this.processing = bucket(timers.processingTimers());
        }

        private int[][] bucket(InternalTimer<?, ?>[] all) {
            int n = range.getNumberOfKeyGroups();
            int[] keyGroupOf = new int[all.length];
            int[] counts = new int[n];
            for (int j = 0; j < all.length; j++) {
                int index = KeyGroupRangeAssignment.assignToKeyGroup(all[j].getKey(), maxParallelism)
                        - range.getStartKeyGroup();
                keyGroupOf[j] = index;
                counts[index]++;
            }
            int[][] buckets = new int[n][];
            for (int i = 0; i < n; i++) {
                buckets[i] = counts[i] == 0 ? null : new int[counts[i]];
                counts[i] = 0;
            }
            for (int j = 0; j < all.length; j++) {
                int index = keyGroupOf[j];
                buckets[index][counts[index]++] = j;
            }
            return buckets;
        }

        void write(int i, KeyNamespaceSerializer keys, DataOutputSerializer out) throws IOException {
            if (event[i] == null && processing[i] == null) {
                return;
            }
            out.writeByte(1);
            out.writeUTF(timers.serviceName());
            writeTimers(event[i], timers.eventTimers(), timers.eventSequences(), keys, out);
            writeTimers(processing[i], timers.processingTimers(), timers.processingSequences(), keys, out);
        }

        private void writeTimers(
                int[] positions,
                InternalTimer<?, ?>[] all,
                long[] sequences,
                KeyNamespaceSerializer keys,
                DataOutputSerializer out)
                throws IOException {
            if (positions == null) {
                out.writeInt(0);
                return;
            }
            out.writeInt(positions.length);
            for (int j : positions) {
                InternalTimer<?, ?> timer = all[j];
                keys.serialize(timer.getKey(), out);
                keys.serialize(timer.getNamespace(), out);
                out.writeLong(timer.getTimestamp());
                out.writeLong(sequences[j]);
            }
        }
    }
}
