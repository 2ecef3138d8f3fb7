package io.sluice.api.windowing.windows;

/**
 * A group of elements, e.g. the elements of one time interval. Windows are values: equal windows
 * hold the same elements of a key, so they must implement {@code equals} and {@code hashCode}.
 */
public abstract class Window {
    /** The largest timestamp that still belongs to this window. */
    public abstract long maxTimestamp();
}
