package io.sluice.runtime.state;

import io.sluice.api.state.ListState;
import io.sluice.api.typeutils.DataOutputSerializer;
import io.sluice.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An operator list state (split or union) on the heap. Task thread only. Unlike keyed list state
 * there is no current key: the list belongs to the parallel instance.
 */
final class PartitionableListState<S> implements ListState<S> {
    private final String name;
    private final OperatorStateHandle.Mode mode;
    private final TypeSerializer<S> serializer;
    private final ArrayList<S> elements = new ArrayList<>();

    PartitionableListState(String name, OperatorStateHandle.Mode mode, TypeSerializer<S> serializer) {
        this.name = name;
        this.mode = mode;
        this.serializer = serializer;
    }

    String name() {
        return name;
    }

    OperatorStateHandle.Mode mode() {
        return mode;
    }

    TypeSerializer<S> serializer() {
        return serializer;
    }

    @Override
    public Iterable<S> get() {
        return elements;
    }

    @Override
    public void add(S value) {
        Objects.requireNonNull(value, "You cannot add null to a ListState.");
        elements.add(value);
    }

    @Override
    public void update(List<S> values) {
        elements.clear();
        addAll(values);
    }

    @Override
    public void addAll(List<S> values) {
        Objects.requireNonNull(values, "List of values to add cannot be null.");
        for (S value : values) {
            Objects.requireNonNull(value, "Any value to add to a list cannot be null.");
            elements.add(value);
        }
    }

    @Override
    public void clear() {
        elements.clear();
    }

    /** Serializes every element into {@code out}; returns where each starts. */
    long[] write(DataOutputSerializer out) throws IOException {
        long[] offsets = new long[elements.size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = out.length();
            serializer.serialize(elements.get(i), out);
        }
        return offsets;
    }

    @Override
    public String toString() {
        return mode + " list state '" + name + "' " + elements;
    }
}
