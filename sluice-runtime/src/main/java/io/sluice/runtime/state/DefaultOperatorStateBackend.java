package io.sluice.runtime.state;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.state.BroadcastState;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.OperatorStateStore;
import io.sluice.api.typeutils.DataInputDeserializer;
import io.sluice.api.typeutils.DataOutputSerializer;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.runtime.state.OperatorStateHandle.Mode;
import io.sluice.runtime.state.OperatorStateHandle.StateMetaInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The operator state of one operator subtask, on the heap: named lists (split or union) and
 * broadcast maps.
 *
 * <p><b>Snapshot format.</b> One stream per snapshot holding the serialized elements of every
 * state back to back, nothing else: a list element with its state's serializer, a broadcast entry
 * as key then value. The handle's {@link StateMetaInfo} gives, per state name, its mode and where
 * each element starts. Since nothing lies between elements, an element ends where the next one
 * (of any state) starts, or at the end of the stream: that is how a restored state the function
 * has not asked for yet is carried into the next snapshot as raw bytes, without a serializer.
 *
 * <p><b>Snapshot.</b> {@link #snapshot} serializes everything on the task thread (operator state is
 * small), so what the returned writer writes later on another thread is exactly the state at the
 * call; later changes do not leak into it.
 *
 * <p><b>Restore.</b> {@link #restore} takes this subtask's share (see {@link OperatorStateStore})
 * as raw element bytes; they are deserialized when the function first asks for the state, with
 * the serializer of the descriptor it passes (as Flink does).
 *
 * <p><b>Threading</b>: owned by the task thread; {@link #snapshot}'s writer may run on any thread.
 */
public final class DefaultOperatorStateBackend implements OperatorStateStore {
    private final ExecutionConfig executionConfig;
    /** Names the operator and subtask in error messages. */
    private final String owner;

    private final Map<String, PartitionableListState<?>> listStates = new LinkedHashMap<>();
    private final Map<String, HeapBroadcastState<?, ?>> broadcastStates = new LinkedHashMap<>();
    /** Restored states the function has not asked for yet. */
    private final Map<String, RestoredState> restoredStates = new LinkedHashMap<>();

    /** A restored state's mode and its elements (broadcast: entries), still serialized. */
    private record RestoredState(Mode mode, List<byte[]> elements) {}

    /**
     * @param executionConfig for the serializers made from the descriptors
     * @param owner the operator and subtask, for error messages (e.g. {@code "Map (2/4)"})
     */
    public DefaultOperatorStateBackend(ExecutionConfig executionConfig, String owner) {
        this.executionConfig = Objects.requireNonNull(executionConfig, "executionConfig must not be null");
        this.owner = owner;
    }

    // ------------------------------------------------------------------ states

    @Override
    public <S> ListState<S> getListState(ListStateDescriptor<S> stateDescriptor) throws IOException {
        return getListState(stateDescriptor, Mode.SPLIT_DISTRIBUTE);
    }

    @Override
    public <S> ListState<S> getUnionListState(ListStateDescriptor<S> stateDescriptor) throws IOException {
        return getListState(stateDescriptor, Mode.UNION);
    }

    @SuppressWarnings("unchecked")
    private <S> ListState<S> getListState(ListStateDescriptor<S> descriptor, Mode mode) throws IOException {
        Objects.requireNonNull(descriptor, "The state descriptor must not be null");
        String name = descriptor.getName();
        PartitionableListState<?> existing = listStates.get(name);
        if (existing != null) {
            checkMode(name, existing.mode(), mode);
            return (ListState<S>) existing;
        }
        if (broadcastStates.containsKey(name)) {
            checkMode(name, Mode.BROADCAST, mode);
        }
        RestoredState restored = restoredStates.get(name);
        if (restored != null) {
            checkMode(name, restored.mode(), mode);
        }
        TypeSerializer<S> serializer = descriptor.getElementTypeInformation().createSerializer(executionConfig);
        PartitionableListState<S> state = new PartitionableListState<>(name, mode, serializer);
        if (restored != null) {
            for (byte[] element : restored.elements()) {
                state.add(serializer.deserialize(new DataInputDeserializer(element)));
            }
            restoredStates.remove(name);
        }
        listStates.put(name, state);
        return state;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) throws IOException {
        Objects.requireNonNull(stateDescriptor, "The state descriptor must not be null");
        String name = stateDescriptor.getName();
        HeapBroadcastState<?, ?> existing = broadcastStates.get(name);
        if (existing != null) {
            return (BroadcastState<K, V>) existing;
        }
        PartitionableListState<?> list = listStates.get(name);
        if (list != null) {
            checkMode(name, list.mode(), Mode.BROADCAST);
        }
        RestoredState restored = restoredStates.get(name);
        if (restored != null) {
            checkMode(name, restored.mode(), Mode.BROADCAST);
        }
        TypeSerializer<K> keySerializer =
                stateDescriptor.getKeyTypeInformation().createSerializer(executionConfig);
        TypeSerializer<V> valueSerializer =
                stateDescriptor.getValueTypeInformation().createSerializer(executionConfig);
        HeapBroadcastState<K, V> state = new HeapBroadcastState<>(name, keySerializer, valueSerializer);
        if (restored != null) {
            for (byte[] entry : restored.elements()) {
                DataInputDeserializer in = new DataInputDeserializer(entry);
                K key = keySerializer.deserialize(in);
                state.put(key, valueSerializer.deserialize(in));
            }
            restoredStates.remove(name);
        }
        broadcastStates.put(name, state);
        return state;
    }

    @Override
    public Set<String> getRegisteredStateNames() {
        Set<String> names = new LinkedHashSet<>(listStates.keySet());
        restoredStates.forEach((name, restored) -> {
            if (restored.mode() != Mode.BROADCAST) {
                names.add(name);
            }
        });
        return Collections.unmodifiableSet(names);
    }

    @Override
    public Set<String> getRegisteredBroadcastStateNames() {
        Set<String> names = new LinkedHashSet<>(broadcastStates.keySet());
        restoredStates.forEach((name, restored) -> {
            if (restored.mode() == Mode.BROADCAST) {
                names.add(name);
            }
        });
        return Collections.unmodifiableSet(names);
    }

    private void checkMode(String name, Mode existing, Mode requested) {
        if (existing != requested) {
            throw new IllegalStateException("Operator state '" + name + "' of " + owner + " is " + describe(existing)
                    + " and is now requested as " + describe(requested)
                    + "; a state keeps the mode it was created (and checkpointed) with: use the same method"
                    + " for it, or give the new state another name.");
        }
    }

    private static String describe(Mode mode) {
        return switch (mode) {
            case SPLIT_DISTRIBUTE -> "a list state (getListState, SPLIT_DISTRIBUTE)";
            case UNION -> "a union list state (getUnionListState, UNION)";
            case BROADCAST -> "a broadcast state (getBroadcastState, BROADCAST)";
        };
    }

    // ------------------------------------------------------------------ snapshot

    /**
     * The synchronous part of a snapshot (task thread): serializes every state now. Returns null
     * when the operator has no operator state at all.
     */
    public SnapshotWriter<OperatorStateHandle> snapshot(long checkpointId) throws IOException {
        if (listStates.isEmpty() && broadcastStates.isEmpty() && restoredStates.isEmpty()) {
            return null;
        }
        DataOutputSerializer out = new DataOutputSerializer(256);
        Map<String, StateMetaInfo> metaInfos = new LinkedHashMap<>();
        for (PartitionableListState<?> state : listStates.values()) {
            metaInfos.put(state.name(), new StateMetaInfo(state.write(out), state.mode()));
        }
        for (HeapBroadcastState<?, ?> state : broadcastStates.values()) {
            metaInfos.put(state.name(), new StateMetaInfo(state.write(out), Mode.BROADCAST));
        }
        restoredStates.forEach((name, restored) -> {
            long[] offsets = new long[restored.elements().size()];
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = out.length();
                out.write(restored.elements().get(i));
            }
            metaInfos.put(name, new StateMetaInfo(offsets, restored.mode()));
        });
        byte[] bytes = out.getCopyOfBuffer();
        String description = owner + ", checkpoint " + checkpointId;
        return streams -> write(streams, metaInfos, bytes, description);
    }

    private static OperatorStateHandle write(
            CheckpointStreamFactory streams, Map<String, StateMetaInfo> metaInfos, byte[] bytes, String description)
            throws IOException {
        CheckpointStateOutputStream stream = streams.createCheckpointStateOutputStream();
        try {
            long base = stream.getPos();
            stream.write(bytes);
            StreamStateHandle handle = stream.closeAndGetHandle();
            if (base == 0) {
                return new OperatorStateHandle(metaInfos, handle);
            }
            Map<String, StateMetaInfo> shifted = new LinkedHashMap<>();
            metaInfos.forEach((name, info) -> {
                long[] offsets = info.offsets().clone();
                for (int i = 0; i < offsets.length; i++) {
                    offsets[i] += base;
                }
                shifted.put(name, new StateMetaInfo(offsets, info.mode()));
            });
            return new OperatorStateHandle(shifted, handle);
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw new IOException("Could not write the operator state of " + description, e);
        }
    }

    // ------------------------------------------------------------------ restore

    /**
     * Takes this subtask's share of the operator state in {@code restore} (see {@link
     * OperatorStateStore} for the rules). Call once, before any state is asked for.
     *
     * @param subtaskIndex this subtask's index in the new run
     * @param parallelism the operator's parallelism in the new run
     */
    public void restore(OperatorRestore restore, int subtaskIndex, int parallelism) throws IOException {
        if (!listStates.isEmpty() || !broadcastStates.isEmpty() || !restoredStates.isEmpty()) {
            throw new IllegalStateException("The operator state of " + owner + " is restored after states were"
                    + " created; restore must come first");
        }
        int oldParallelism = restore.oldParallelism();
        // per state: its mode and the elements each old subtask wrote, in old-subtask order
        Map<String, Mode> modes = new LinkedHashMap<>();
        Map<String, List<List<byte[]>>> elementsByOldSubtask = new LinkedHashMap<>();
        for (int old = 0; old < oldParallelism; old++) {
            for (OperatorStateHandle handle : restore.oldSubtasks().get(old).operatorState()) {
                Map<String, List<byte[]>> read = readElements(handle);
                for (Map.Entry<String, List<byte[]>> e : read.entrySet()) {
                    String name = e.getKey();
                    Mode mode = handle.stateNameToPartitionOffsets().get(name).mode();
                    Mode seen = modes.putIfAbsent(name, mode);
                    if (seen != null && seen != mode) {
                        throw new IllegalStateException("Operator state '" + name + "' of " + owner
                                + " was checkpointed in mode " + seen + " by one subtask and " + mode + " by subtask "
                                + old + " (" + handle.delegate().describe() + "); the checkpoint is inconsistent");
                    }
                    List<List<byte[]>> perOld =
                            elementsByOldSubtask.computeIfAbsent(name, n -> newLists(oldParallelism));
                    perOld.get(old).addAll(e.getValue());
                }
            }
        }
        for (Map.Entry<String, List<List<byte[]>>> e : elementsByOldSubtask.entrySet()) {
            Mode mode = modes.get(e.getKey());
            List<byte[]> share = shareOf(mode, e.getValue(), subtaskIndex, parallelism);
            restoredStates.put(e.getKey(), new RestoredState(mode, share));
        }
    }

    private static List<List<byte[]>> newLists(int n) {
        List<List<byte[]>> lists = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }

    /** This subtask's elements of one state, by the rules of its mode. */
    static List<byte[]> shareOf(Mode mode, List<List<byte[]>> byOldSubtask, int subtaskIndex, int parallelism) {
        return switch (mode) {
                // every old subtask wrote the same map: one copy, old subtask 0's
            case BROADCAST -> byOldSubtask.isEmpty() ? List.of() : byOldSubtask.get(0);
            case UNION -> concat(byOldSubtask);
            case SPLIT_DISTRIBUTE -> {
                if (byOldSubtask.size() == parallelism) {
                    yield byOldSubtask.get(subtaskIndex);
                }
                List<byte[]> all = concat(byOldSubtask);
                int base = all.size() / parallelism;
                int remainder = all.size() % parallelism;
                // the first `remainder` subtasks take one more
                int start = subtaskIndex * base + Math.min(subtaskIndex, remainder);
                int size = base + (subtaskIndex < remainder ? 1 : 0);
                yield all.subList(start, start + size);
            }
        };
    }

    private static List<byte[]> concat(List<List<byte[]>> lists) {
        List<byte[]> all = new ArrayList<>();
        for (List<byte[]> l : lists) {
            all.addAll(l);
        }
        return all;
    }

    /**
     * Reads one handle's stream and cuts it into elements: each ends where the next one of any
     * state starts, or at the end of the stream (see the class comment).
     */
    private Map<String, List<byte[]>> readElements(OperatorStateHandle handle) throws IOException {
        byte[] bytes;
        try (InputStream in = handle.delegate().openInputStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new IOException(
                    "Could not read the operator state of " + owner + " from "
                            + handle.delegate().describe(),
                    e);
        }
        Map<String, StateMetaInfo> infos = handle.stateNameToPartitionOffsets();
        int total = 0;
        for (StateMetaInfo info : infos.values()) {
            total += info.offsets().length;
        }
        long[] starts = new long[total];
        int n = 0;
        for (StateMetaInfo info : infos.values()) {
            for (long offset : info.offsets()) {
                starts[n++] = offset;
            }
        }
        Arrays.sort(starts);
        Map<String, List<byte[]>> result = new LinkedHashMap<>();
        for (Map.Entry<String, StateMetaInfo> e : infos.entrySet()) {
            List<byte[]> elements = new ArrayList<>(e.getValue().offsets().length);
            for (long offset : e.getValue().offsets()) {
                long end = nextStart(starts, offset, bytes.length);
                if (offset < 0 || end > bytes.length) {
                    throw new IOException("Operator state '" + e.getKey() + "' of " + owner + " has an element at "
                            + offset + " outside the " + bytes.length + " bytes of "
                            + handle.delegate().describe());
                }
                elements.add(Arrays.copyOfRange(bytes, (int) offset, (int) end));
            }
            result.put(e.getKey(), elements);
        }
        return result;
    }

    /** The smallest start greater than {@code offset}, or {@code length} if there is none. */
    private static long nextStart(long[] sortedStarts, long offset, long length) {
        int i = Arrays.binarySearch(sortedStarts, offset);
        if (i < 0) {
            i = -i - 1;
        }
        while (i < sortedStarts.length && sortedStarts[i] <= offset) {
            i++;
        }
        return i < sortedStarts.length ? sortedStarts[i] : length;
    }

    @Override
    public String toString() {
        return "DefaultOperatorStateBackend{" + owner + ", lists=" + listStates.keySet() + ", broadcast="
                + broadcastStates.keySet() + ", restored=" + restoredStates.keySet() + "}";
    }
}
