package io.sluice.runtime.state.heap;

import io.sluice.api.state.ListState;
import io.sluice.api.state.StateDescriptor;
import io.sluice.runtime.state.InternalMergingState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * {@link ListState} on the heap: an {@code ArrayList} per key, never empty (an emptied list is
 * removed). With TTL every element is a {@link TtlValue} and expires on its own.
 */
final class HeapListState<K, T> extends AbstractHeapState<K, StateDescriptor<?, ?>>
        implements ListState<T>, InternalMergingState<Object> {

    HeapListState(HeapKeyedStateBackend<K> backend, StateDescriptor<?, ?> descriptor) {
        super(backend, descriptor);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Iterable<T> get() {
        List<Object> stored = (List<Object>) getStored();
        if (stored == null) {
            return Collections.emptyList();
        }
        if (!ttlEnabled) {
            return Collections.unmodifiableList((List<T>) stored);
        }
        long now = backend.currentTimestamp();
        List<T> result = new ArrayList<>(stored.size());
        List<Object> unexpired = new ArrayList<>(stored.size());
        for (Object element : stored) {
            TtlValue<T> ttlValue = (TtlValue<T>) element;
            if (isExpired(ttlValue.lastAccessTimestamp(), now)) {
                if (returnExpired) {
                    result.add(ttlValue.value());
                }
            } else {
                result.add(ttlValue.value());
                unexpired.add(updateTtlOnRead ? new TtlValue<>(ttlValue.value(), now) : ttlValue);
            }
        }
        if (unexpired.isEmpty()) {
            clear();
        } else if (unexpired.size() < stored.size() || updateTtlOnRead) {
            putStored(unexpired);
        }
        return Collections.unmodifiableList(result);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void add(T value) {
        Objects.requireNonNull(
                value, () -> "Cannot add null to list state '" + name() + "': list state holds no nulls");
        List<Object> stored = (List<Object>) getStored();
        if (stored == null) {
            stored = new ArrayList<>();
            putStored(stored);
        }
        stored.add(ttlEnabled ? wrap(value) : value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void addAll(List<T> values) {
        checkElements(values, "addAll");
        if (values.isEmpty()) {
            return;
        }
        List<Object> stored = (List<Object>) getStored();
        if (stored == null) {
            stored = new ArrayList<>(values.size());
            putStored(stored);
        }
        appendAll(stored, values);
    }

    @Override
    public void update(List<T> values) {
        checkElements(values, "update");
        if (values.isEmpty()) {
            clear();
            return;
        }
        List<Object> stored = new ArrayList<>(values.size());
        appendAll(stored, values);
        putStored(stored);
    }

    private void appendAll(List<Object> stored, List<T> values) {
        if (!ttlEnabled) {
            stored.addAll(values);
            return;
        }
        long now = backend.currentTimestamp();
        for (T value : values) {
            stored.add(new TtlValue<>(value, now));
        }
    }

    private void checkElements(List<T> values, String method) {
        Objects.requireNonNull(values, () -> "List passed to " + method + "() of list state '" + name() + "' is null");
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new NullPointerException("Element " + i + " of the list passed to " + method
                        + "() of list state '" + name() + "' is null: list state holds no nulls");
            }
        }
    }

    /** Appends the sources' elements (with their TTL stamps, if any) to the target's list. */
    @Override
    @SuppressWarnings("unchecked")
    public void mergeNamespaces(Object target, Collection<Object> sources) {
        Object saved = getCurrentNamespace();
        try {
            List<Object> merged = null;
            for (Object source : sources) {
                setCurrentNamespace(source);
                List<Object> stored = (List<Object>) getStored();
                if (stored != null) {
                    clear();
                    if (merged == null) {
                        merged = stored;
                    } else {
                        merged.addAll(stored);
                    }
                }
            }
            if (merged != null) {
                setCurrentNamespace(target);
                List<Object> current = (List<Object>) getStored();
                if (current == null) {
                    putStored(merged);
                } else {
                    current.addAll(merged);
                }
            }
        } finally {
            setCurrentNamespace(saved);
        }
    }
}
