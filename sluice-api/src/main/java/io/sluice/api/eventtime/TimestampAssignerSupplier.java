package io.sluice.api.eventtime;

import java.io.Serializable;
import java.util.Objects;

/**
 * Creates a {@link TimestampAssigner} on the task that runs it, for assigners that are not
 * serializable themselves (they are built on the task). Passed to {@link
 * WatermarkStrategy#withTimestampAssigner(TimestampAssignerSupplier)}.
 */
@FunctionalInterface
public interface TimestampAssignerSupplier<T> extends Serializable {

    /** Called once per source subtask, on the task thread, before the first event. */
    TimestampAssigner<T> createTimestampAssigner(Context context);

    /**
     * What the runtime offers a supplier when it creates an assigner. It has no methods yet; it
     * exists so that suppliers written as {@code context -> new MyAssigner()} keep their shape
     * when the runtime starts offering something (metrics).
     */
    interface Context {}

    /** A supplier that hands out {@code assigner} itself (it is serializable). */
    static <T> TimestampAssignerSupplier<T> of(SerializableTimestampAssigner<T> assigner) {
        Objects.requireNonNull(assigner, "of(assigner): the timestamp assigner must not be null");
        return context -> assigner;
    }
}
