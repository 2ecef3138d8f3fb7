package io.sluice.runtime.operators.timers;

/** The operator's current key, which a timer service reads on registration and sets before firing. */
public interface KeyContext {
    Object getCurrentKey();

    void setCurrentKey(Object key);
}
