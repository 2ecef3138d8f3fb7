package io.sluice.api.datastream;

import io.sluice.api.functions.KeySelector;

/** Keys every element by the same byte, so {@code windowAll} can run the keyed window operator. */
final class NullByteKeySelector<T> implements KeySelector<T, Byte> {
    private static final long serialVersionUID = 1L;
    private static final Byte KEY = 0;

    @Override
    public Byte getKey(T value) {
        return KEY;
    }
}
