package io.sluice.runtime.state.heap;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.state.State;
import io.sluice.api.state.StateDescriptor;
import io.sluice.api.state.StateTtlConfig;
import io.sluice.runtime.state.InternalKvState;
import io.sluice.runtime.state.KeyGroupRange;
import io.sluice.runtime.state.KeyGroupRangeAssignment;
import io.sluice.runtime.state.KeyGroupsStateHandle;
import io.sluice.runtime.state.SnapshotWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keyed state on the Java heap, for the key groups of one parallel operator instance.
 *
 * <p>Every state keeps one {@code HashMap<K, Object>} per key group of {@link #getKeyGroupRange()}
 * (created on first write), so a snapshot or a rescale can take whole key groups. The operator
 * calls {@link #setCurrentKey} before each record or timer; it computes the key group once, and
 * every state access then goes to that key's entry in that key group's map.
 *
 * <p>Values are stored as they are. Only when a state has time-to-live enabled is each value (each
 * list element, each map entry) wrapped with its last access timestamp, read from the injected
 * {@link TtlTimeProvider}; expired values are removed when accessed.
 *
 * <p>Every state is also an {@link InternalKvState}: its values are scoped to a namespace (a
 * window), {@link io.sluice.runtime.state.VoidNamespace} unless the operator sets another; list,
 * reducing and aggregating states are {@link io.sluice.runtime.state.InternalMergingState}s.
 *
 * <p><b>Snapshots</b> ({@link #snapshot}, {@link #restore}): the synchronous part copies each
 * namespace's array of key group maps and marks those maps shared; from then on the task thread
 * never changes a shared map: its first access to a key group replaces the map by a copy (values
 * copied with the state's serializer where their type is mutable, so in-place updates of list,
 * map and accumulator values stay out of the snapshot). The snapshot thread reads the old maps.
 * The sync part is O(states x namespaces x key groups), independent of the number of keys; the
 * copying is spread over the key groups' next accesses. Keys and namespaces are written by {@link
 * KeyNamespaceSerializer} (the key type is not known to the backend), values by the serializer of
 * the state descriptor's type information, created with the job's {@link ExecutionConfig}.
 *
 * <p><b>Threading</b>: owned by the task thread; not thread-safe, no locks.
 *
 * @param <K> the key type
 */
public final class HeapKeyedStateBackend<K> {
    private final int maxParallelism;
    private final KeyGroupRange keyGroupRange;
    private final TtlTimeProvider timeProvider;
    private final Map<String, AbstractHeapState<K, ?>> states = new LinkedHashMap<>();
    private final ExecutionConfig executionConfig;
    /** Restored states not yet asked for (their descriptor, hence their serializer, is unknown). */
    private final HeapRestore restored;

    private K currentKey;
    /** Index of the current key's key group relative to the range start; -1 before the first key. */
    private int currentKeyGroupIndex = -1;

    /**
     * @param maxParallelism the number of key groups of the job (the operator's max parallelism)
     * @param keyGroupRange the key groups this backend holds
     * @param timeProvider the clock for state TTL
     */
    public HeapKeyedStateBackend(int maxParallelism, KeyGroupRange keyGroupRange, TtlTimeProvider timeProvider) {
        this(maxParallelism, keyGroupRange, timeProvider, new ExecutionConfig());
    }

    /**
     * @param maxParallelism the number of key groups of the job (the operator's max parallelism)
     * @param keyGroupRange the key groups this backend holds
     * @param timeProvider the clock for state TTL
     * @param executionConfig creates the state value serializers that snapshots use
     */
    public HeapKeyedStateBackend(
            int maxParallelism,
            KeyGroupRange keyGroupRange,
            TtlTimeProvider timeProvider,
            ExecutionConfig executionConfig) {
        this.executionConfig = Objects.requireNonNull(executionConfig, "executionConfig must not be null");
        KeyGroupRangeAssignment.checkParallelismPreconditions(maxParallelism);
        this.keyGroupRange = Objects.requireNonNull(keyGroupRange, "keyGroupRange must not be null");
        if (keyGroupRange.getNumberOfKeyGroups() > 0 && keyGroupRange.getEndKeyGroup() >= maxParallelism) {
            throw new IllegalArgumentException(keyGroupRange + " does not fit into max parallelism " + maxParallelism
                    + " (key groups [0, " + (maxParallelism - 1) + "])");
        }
        this.maxParallelism = maxParallelism;
        this.timeProvider = Objects.requireNonNull(timeProvider, "timeProvider must not be null");
        this.restored = new HeapRestore(maxParallelism, keyGroupRange);
    }

    /**
     * Makes {@code key} the key all states read and write until the next call.
     *
     * @throws NullPointerException if the key is null
     * @throws IllegalArgumentException if the key's key group is not in this backend's range
     */
    public void setCurrentKey(K key) {
        int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
        if (!keyGroupRange.contains(keyGroup)) {
            throw new IllegalArgumentException(
                    "Key '" + key + "' belongs to key group " + keyGroup + " (max parallelism "
                            + maxParallelism + "), which is outside this backend's " + keyGroupRange
                            + ": the record was routed to the wrong subtask; partition with keyBy() using the same key"
                            + " selector and max parallelism as the keyed operator");
        }
        this.currentKey = key;
        this.currentKeyGroupIndex = keyGroup - keyGroupRange.getStartKeyGroup();
    }

    /** The current key, or {@code null} before the first {@link #setCurrentKey}. */
    public K getCurrentKey() {
        return currentKey;
    }

    public KeyGroupRange getKeyGroupRange() {
        return keyGroupRange;
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    /**
     * The state named by {@code descriptor}, created on the first call; later calls with the same
     * name return the same object.
     *
     * @throws IllegalStateException if a state of another kind was created under the same name
     */
    @SuppressWarnings("unchecked")
    public <S extends State> S getOrCreateKeyedState(StateDescriptor<S, ?> descriptor) {
        Objects.requireNonNull(descriptor, "State descriptor must not be null");
        AbstractHeapState<K, ?> existing = states.get(descriptor.getName());
        if (existing != null) {
            if (existing.descriptor().getType() != descriptor.getType()) {
                throw new IllegalStateException("Keyed state '" + descriptor.getName() + "' was created as "
                        + existing.descriptor().getType() + " state ("
                        + existing.descriptor().getClass().getSimpleName()
                        + ") and is now requested as " + descriptor.getType() + " state ("
                        + descriptor.getClass().getSimpleName()
                        + "); give each state of an operator its own name");
            }
            return (S) existing;
        }
        AbstractHeapState<K, ?> state = createState(descriptor);
        states.put(descriptor.getName(), state);
        restored.applyTo(state);
        return (S) state;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private AbstractHeapState<K, ?> createState(StateDescriptor<?, ?> descriptor) {
        return switch (descriptor.getType()) {
            case VALUE -> new HeapValueState<>(this, descriptor);
            case LIST -> new HeapListState<>(this, descriptor);
            case MAP -> new HeapMapState<>(this, descriptor);
            case REDUCING -> new HeapReducingState<>(this, (io.sluice.api.state.ReducingStateDescriptor) descriptor);
            case AGGREGATING -> new HeapAggregatingState<>(
                    this, (io.sluice.api.state.AggregatingStateDescriptor) descriptor);
        };
    }

    /**
     * The state named by {@code descriptor} (created on the first call), switched to
     * {@code namespace}: what a window operator uses for per-window state.
     */
    @SuppressWarnings("unchecked")
    public <N, S extends State> S getPartitionedState(N namespace, StateDescriptor<S, ?> descriptor) {
        S state = getOrCreateKeyedState(descriptor);
        ((InternalKvState<Object>) state).setCurrentNamespace(namespace);
        return state;
    }

    /**
     * The number of (key, namespace) pairs that have a value in state {@code stateName} (expired
     * ones included); for plain keyed state, the number of keys.
     */
    public int numKeys(String stateName) {
        return requireState(stateName).numKeys();
    }

    /** The number of namespaces with values in state {@code stateName}; VoidNamespace always counts. */
    public int numNamespaces(String stateName) {
        return requireState(stateName).numNamespaces();
    }

    /**
     * The keys that have a value in state {@code stateName} in any namespace, key group by key
     * group (expired ones included). Do not modify the state while iterating.
     */
    public Iterable<K> getKeys(String stateName) {
        return requireState(stateName).stateKeys();
    }

    /** The names of the states created so far, in creation order. */
    public Iterable<String> getStateNames() {
        return Collections.unmodifiableSet(states.keySet());
    }

    private AbstractHeapState<K, ?> requireState(String stateName) {
        AbstractHeapState<K, ?> state = states.get(stateName);
        if (state == null) {
            throw new IllegalArgumentException(
                    "No keyed state named '" + stateName + "' in this backend; existing states: " + states.keySet());
        }
        return state;
    }

    // ------------------------------------------------------------------ snapshots

    /**
     * The synchronous part of a snapshot (task thread): captures every state's per-key-group maps
     * and the given timers as of now, without copying keys or values (see {@link
     * AbstractHeapState#capture}); the returned writer writes them on any thread while the task goes
     * on. Restored state not asked for since the restore is written again as it was read.
     *
     * @param timers the operator's timers, captured by their services just before
     * @return the writer, or null if there is nothing to write
     * @throws IllegalStateException if a state's type has no serializer (names the state)
     */
    public SnapshotWriter<KeyGroupsStateHandle> snapshot(long checkpointId, List<TimersSnapshot> timers) {
        List<HeapSnapshotWriter.StateCut> cuts = new ArrayList<>(states.size());
        for (AbstractHeapState<K, ?> state : states.values()) {
            StoredValueCodec codec = state.codec();
            StateTtlConfig ttl = state.descriptor().getTtlConfig();
            long cleanupNow =
                    ttl.isEnabled() && ttl.isCleanupInFullSnapshot() ? timeProvider.currentTimestamp() : Long.MIN_VALUE;
            cuts.add(new HeapSnapshotWriter.StateCut(
                    state.name(),
                    state.descriptor().getType(),
                    state.ttlEnabled,
                    codec.duplicate(),
                    state.capture(),
                    cleanupNow,
                    ttl.getTtl().toMillis()));
        }
        boolean anyTimers = false;
        for (TimersSnapshot t : timers) {
            anyTimers |= t.size() > 0;
        }
        if (cuts.isEmpty() && !anyTimers && restored.isEmpty()) {
            return null;
        }
        List<TimersSnapshot> allTimers = new ArrayList<>(timers);
        allTimers.addAll(restored.pendingTimers());
        return new HeapSnapshotWriter(
                checkpointId, maxParallelism, keyGroupRange, cuts, allTimers, restored.pendingStates());
    }

    /**
     * Restores from the keyed state every subtask of the old run wrote: reads the key groups of this
     * backend's range from each handle whose range intersects it. States are filled when they are
     * first asked for (their serializers come with their descriptors); timers wait in {@link
     * #takeRestoredTimers} until their service is created.
     *
     * @throws IllegalStateException if a handle was written with another max parallelism
     */
    public void restore(List<KeyGroupsStateHandle> handles) throws IOException {
        restored.read(handles);
        for (AbstractHeapState<K, ?> state : states.values()) {
            restored.applyTo(state);
        }
    }

    /** The restored timers of service {@code name} (removed from the backend), or null if none. */
    public RestoredTimers takeRestoredTimers(String name) {
        return restored.takeTimers(name);
    }

    ExecutionConfig executionConfig() {
        return executionConfig;
    }

    int currentKeyGroupIndex(String stateName) {
        int index = currentKeyGroupIndex;
        if (index < 0) {
            throw new IllegalStateException("Keyed state '" + stateName
                    + "' needs a current key: it can only be used on a keyed stream (after keyBy()), inside"
                    + " processElement()/onTimer() or the like, not in open() or on a non-keyed stream");
        }
        return index;
    }

    long currentTimestamp() {
        return timeProvider.currentTimestamp();
    }

    <V> HashMap<K, V>[] newKeyGroupMaps() {
        @SuppressWarnings("unchecked")
        HashMap<K, V>[] maps = new HashMap[keyGroupRange.getNumberOfKeyGroups()];
        return maps;
    }
}
