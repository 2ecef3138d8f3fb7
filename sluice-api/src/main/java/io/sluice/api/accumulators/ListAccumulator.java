package io.sluice.api.accumulators;

import java.util.ArrayList;

/** Collects values into a list (keep it small: it travels to the client with the result). */
public class ListAccumulator<T> implements Accumulator<T, ArrayList<T>> {
    private static final long serialVersionUID = 1L;
    private final ArrayList<T> values = new ArrayList<>();

    @Override
    public void add(T value) {
        values.add(value);
    }

    @Override
    public ArrayList<T> getLocalValue() {
        return values;
    }

    @Override
    public void resetLocal() {
        values.clear();
    }

    @Override
    public void merge(Accumulator<T, ArrayList<T>> other) {
        values.addAll(other.getLocalValue());
    }

    @Override
    public ListAccumulator<T> clone() {
        ListAccumulator<T> copy = new ListAccumulator<>();
        copy.values.addAll(values);
        return copy;
    }
}
