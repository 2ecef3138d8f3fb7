package io.sluice.benchmarks.jmh;

import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.state.ReducingState;
import io.sluice.api.state.ReducingStateDescriptor;
import io.sluice.api.state.StateTtlConfig;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.runtime.state.KeyGroupRange;
import io.sluice.runtime.state.heap.HeapKeyedStateBackend;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One keyed state access per operation on a {@link HeapKeyedStateBackend}, as a keyed operator
 * does it per record: set the current key, then read and/or write one state. Run it with {@code
 * -prof gc}: {@code gc.alloc.rate.norm} is what one access allocates.
 *
 * <p>Everything the benchmark itself would otherwise allocate is built in {@link #setUp}: the keys
 * ({@value #NUM_KEYS} boxed {@code Long}s or {@code String}s with their hash codes computed,
 * cycled in order) and the values ({@value #NUM_VALUES} boxed {@code Long}s outside the {@code
 * Long} cache). Every key already has a value in every state before measuring starts, so a write
 * replaces the value of an existing map entry. The reduce function is {@code max} and returns one
 * of its arguments, so it allocates nothing either. What remains is the backend's own cost.
 *
 * <p>Parameters: {@code keyType} (Long or String keys) and {@code ttl}: {@code NONE} (no TTL),
 * {@code ON_CREATE_AND_WRITE} or {@code ON_READ_AND_WRITE} (TTL of one day, driven by a fixed
 * clock, so nothing expires).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class HeapStateBenchmark {
    static final int NUM_KEYS = 10_000;
    static final int NUM_VALUES = 1_024;
    private static final int MAX_PARALLELISM = 128;

    /** The TTL settings compared. */
    public enum Ttl {
        NONE,
        ON_CREATE_AND_WRITE,
        ON_READ_AND_WRITE
    }

    @Param({"Long", "String"})
    public String keyType;

    @Param({"NONE", "ON_CREATE_AND_WRITE", "ON_READ_AND_WRITE"})
    public Ttl ttl;

    private HeapKeyedStateBackend<Object> backend;
    private ValueState<Long> valueState;
    private ReducingState<Long> reducingState;
    private Object[] keys;
    private Long[] values;
    private int keyIndex;
    private int valueIndex;
    /** The TTL clock's time; fixed, so no value expires during a run. */
    private final long now = 1_000_000L;

    @Setup
    public void setUp() throws Exception {
        keys = new Object[NUM_KEYS];
        for (int i = 0; i < NUM_KEYS; i++) {
            Object key = keyType.equals("Long") ? (Object) Long.valueOf(1_000_000L + i) : "key-" + i;
            key.hashCode(); // a String caches its hash code
            keys[i] = key;
        }
        values = new Long[NUM_VALUES];
        for (int i = 0; i < NUM_VALUES; i++) {
            values[i] = Long.valueOf(10_000L + 7L * i);
        }

        backend = new HeapKeyedStateBackend<>(MAX_PARALLELISM, KeyGroupRange.of(0, MAX_PARALLELISM - 1), () -> now);
        ValueStateDescriptor<Long> valueDescriptor = new ValueStateDescriptor<>("value", Long.class);
        ReduceFunction<Long> max = (a, b) -> a >= b ? a : b;
        ReducingStateDescriptor<Long> reducingDescriptor = new ReducingStateDescriptor<>("reducing", max, Long.class);
        if (ttl != Ttl.NONE) {
            StateTtlConfig.Builder builder = StateTtlConfig.newBuilder(Duration.ofDays(1));
            StateTtlConfig config = ttl == Ttl.ON_READ_AND_WRITE
                    ? builder.updateTtlOnReadAndWrite().build()
                    : builder.updateTtlOnCreateAndWrite().build();
            valueDescriptor.enableTimeToLive(config);
            reducingDescriptor.enableTimeToLive(config);
        }
        valueState = backend.getOrCreateKeyedState(valueDescriptor);
        reducingState = backend.getOrCreateKeyedState(reducingDescriptor);

        // Every key gets a value in both states, so no map entry is created while measuring.
        for (int i = 0; i < NUM_KEYS; i++) {
            backend.setCurrentKey(keys[i]);
            valueState.update(values[i % NUM_VALUES]);
            reducingState.add(values[i % NUM_VALUES]);
        }
        if (backend.numKeys("value") != NUM_KEYS || backend.numKeys("reducing") != NUM_KEYS) {
            throw new IllegalStateException("expected " + NUM_KEYS + " keys in each state, got "
                    + backend.numKeys("value") + " and " + backend.numKeys("reducing"));
        }
    }

    private Object nextKey() {
        int index = keyIndex;
        keyIndex = index + 1 == NUM_KEYS ? 0 : index + 1;
        return keys[index];
    }

    private Long nextValue() {
        int index = valueIndex;
        valueIndex = (index + 1) & (NUM_VALUES - 1);
        return values[index];
    }

    /** Baseline: only the key switch (key group computation), no state access. */
    @Benchmark
    public Object setCurrentKeyOnly() {
        Object key = nextKey();
        backend.setCurrentKey(key);
        return key;
    }

    /** (a) {@code ValueState<Long>}: read the value, write a new one. */
    @Benchmark
    public Long valueReadAndUpdate() throws Exception {
        backend.setCurrentKey(nextKey());
        Long previous = valueState.value();
        valueState.update(nextValue());
        return previous;
    }

    /** (b) {@code ReducingState<Long>} with max: add one value. */
    @Benchmark
    public void reducingAdd() throws Exception {
        backend.setCurrentKey(nextKey());
        reducingState.add(nextValue());
    }

    /** (c) {@code ValueState<Long>}: read only. */
    @Benchmark
    public Long valueRead() throws Exception {
        backend.setCurrentKey(nextKey());
        return valueState.value();
    }

    /** (c) {@code ReducingState<Long>}: read only. */
    @Benchmark
    public Long reducingGet() throws Exception {
        backend.setCurrentKey(nextKey());
        return reducingState.get();
    }
}
